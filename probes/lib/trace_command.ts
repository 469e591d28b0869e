/**
 * The route-trace command lines for each OS, in order of preference (Linux falls back from
 * traceroute to tracepath, which iputils installs more often). Pure.
 *
 * @module
 */
import type { CommandLine } from "./ping_command.ts";
import type { Platform } from "../types.ts";
import { hostArgument } from "../../util/host_name.ts";

/** What to trace and how. */
export interface TraceSpec {
  target: string;
  family: 4 | 6;
  /** Probes per TTL (Windows tracert always sends 3; tracepath decides itself). */
  probesPerHop: number;
  maxHops: number;
  /** How long to wait for each probe. */
  waitMs: number;
}

/**
 * The commands that trace `spec` on `os`, best first.
 *
 * @throws {RangeError} for a target that is not a host (it could be read as an option)
 *
 * @example
 * ```ts
 * traceCommands("windows", { target: "192.0.2.1", family: 4, probesPerHop: 3, maxHops: 20, waitMs: 1000 });
 * // [{ cmd: "tracert", args: ["-d", "-h", "20", "-w", "1000", "-4", "192.0.2.1"] }]
 * ```
 */
export function traceCommands(os: Platform, spec: TraceSpec): CommandLine[] {
  hostArgument(spec.target);
  const m = String(spec.maxHops);
  const q = String(spec.probesPerHop);
  if (os === "windows") {
    return [{
      cmd: "tracert",
      args: ["-d", "-h", m, "-w", String(spec.waitMs), `-${spec.family}`, spec.target],
    }];
  }
  if (os === "darwin") {
    // BSD traceroute takes whole seconds.
    const w = String(Math.max(1, Math.round(spec.waitMs / 1000)));
    const cmd = spec.family === 6 ? "traceroute6" : "traceroute";
    return [{ cmd, args: ["-n", "-q", q, "-w", w, "-m", m, spec.target] }];
  }
  const f = `-${spec.family}`;
  return [
    {
      cmd: "traceroute",
      args: ["-n", f, "-q", q, "-w", String(spec.waitMs / 1000), "-m", m, spec.target],
    },
    { cmd: "tracepath", args: ["-n", f, "-m", m, spec.target] },
  ];
}

/** How long one trace may take before it is killed: every probe of every hop timing out. */
export function traceBudgetMs(os: Platform, spec: TraceSpec): number {
  const probes = os === "windows" ? 3 : spec.probesPerHop;
  return spec.maxHops * probes * spec.waitMs + 5000;
}
