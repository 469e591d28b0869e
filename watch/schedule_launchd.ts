/**
 * A launchd agent (`~/Library/LaunchAgents/`): `StartInterval` runs the tick every interval
 * (launchd runs a missed one on waking, never a backlog of them), at background priority. The
 * tick itself waits a random moment first (launchd has no random delay of its own).
 *
 * @module
 */
import { join } from "node:path";
import type { SchedulePlan, ScheduleSpec } from "./schedule_spec.ts";

/** The plist and the `launchctl` commands. */
export function launchdSchedule(spec: ScheduleSpec): SchedulePlan {
  const label = `net.${spec.name}.watch`;
  const path = join(spec.home, "Library", "LaunchAgents", `${label}.plist`);
  const env = Object.entries(spec.env).sort();
  const plist = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>${x(label)}</string>
  <key>ProgramArguments</key>
  <array>
${spec.argv.map((a) => `    <string>${x(a)}</string>\n`).join("")}  </array>
${
    env.length
      ? `  <key>EnvironmentVariables</key>
  <dict>
${env.map(([k, v]) => `    <key>${x(k)}</key>\n    <string>${x(v)}</string>\n`).join("")}  </dict>
`
      : ""
  }  <key>StartInterval</key>
  <integer>${Math.max(1, Math.round(spec.everyMs / 1000))}</integer>
  <key>RunAtLoad</key>
  <true/>
  <key>ProcessType</key>
  <string>Background</string>
  <key>LowPriorityIO</key>
  <true/>
  <key>Nice</key>
  <integer>10</integer>
  <key>StandardOutPath</key>
  <string>${x(join(spec.logDir, "watch.log"))}</string>
  <key>StandardErrorPath</key>
  <string>${x(join(spec.logDir, "watch.log"))}</string>
</dict>
</plist>
`;
  const domain = `gui/${spec.uid ?? 501}`;
  return {
    files: [{ path, content: plist }],
    install: [["launchctl", "bootstrap", domain, path]],
    uninstall: [["launchctl", "bootout", `${domain}/${label}`]],
  };
}

/** XML text escaping. */
function x(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
