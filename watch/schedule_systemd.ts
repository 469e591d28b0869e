/**
 * A systemd user timer and its one-shot service (`~/.config/systemd/user/`): the timer fires
 * one minute after it is enabled and then every interval after the last run ended
 * (`OnUnitActiveSec`, a monotonic timer: it does not count time asleep), with systemd's
 * `RandomizedDelaySec` as jitter. The service runs at low priority and is given two minutes.
 *
 * @module
 */
import { join } from "node:path";
import type { SchedulePlan, ScheduleSpec } from "./schedule_spec.ts";

/** The two unit files and the `systemctl --user` commands. */
export function systemdSchedule(spec: ScheduleSpec): SchedulePlan {
  const dir = join(spec.home, ".config", "systemd", "user");
  const unit = `${spec.name}-watch`;
  const env = Object.entries(spec.env).sort().map(([k, v]) => `Environment=${quote(`${k}=${v}`)}\n`)
    .join("");
  const service = `[Unit]
Description=${spec.product} watch: one sample of the connection
After=network-online.target

[Service]
Type=oneshot
ExecStart=${spec.argv.map(quote).join(" ")}
${env}Nice=10
IOSchedulingClass=idle
TimeoutStartSec=120
`;
  const timer = `[Unit]
Description=${spec.product} watch every ${minutes(spec.everyMs)}

[Timer]
OnActiveSec=1min
OnUnitActiveSec=${seconds(spec.everyMs)}s
RandomizedDelaySec=${seconds(spec.randomDelayMs)}s
AccuracySec=1s
${
    spec.endAt === null
      ? ""
      : `# The watch ends ${new Date(spec.endAt).toISOString()}; its ticks then stop sampling.\n`
  }
[Install]
WantedBy=timers.target
`;
  return {
    files: [
      { path: join(dir, `${unit}.service`), content: service },
      { path: join(dir, `${unit}.timer`), content: timer },
    ],
    install: [
      ["systemctl", "--user", "daemon-reload"],
      ["systemctl", "--user", "enable", "--now", `${unit}.timer`],
    ],
    uninstall: [
      ["systemctl", "--user", "disable", "--now", `${unit}.timer`],
      ["systemctl", "--user", "daemon-reload"],
    ],
  };
}

/** Quotes one word of a unit file's command line (systemd.syntax(7), systemd.service(5)). */
export function quote(word: string): string {
  const escaped = word.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("%", "%%")
    .replaceAll("$", "$$$$");
  return /[\s"'\\;]/.test(word) || word === "" ? `"${escaped}"` : escaped;
}

function seconds(ms: number): number {
  return Math.max(1, Math.round(ms / 1000));
}

function minutes(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${seconds(ms)} s`;
}
