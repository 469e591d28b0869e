/**
 * The ping command line for each OS: count, interval, per-reply wait, and for path MTU
 * discovery a payload size with Don't Fragment set. Pure, so every OS's argv is testable here.
 *
 * @module
 */
import type { Platform } from "../types.ts";
import { hostArgument } from "../../util/host_name.ts";

/** What to ping and how. */
export interface PingSpec {
  target: string;
  family: 4 | 6;
  count: number;
  /** Between requests (unused for one); macOS and Windows allow only 1 s or more without admin. */
  intervalMs: number;
  /** How long to wait for each reply. */
  waitMs: number;
  /** ICMP payload size; the OS default (56 or 32) when absent. */
  payloadBytes?: number;
  /** Set Don't Fragment (IPv4) / forbid fragmentation (IPv6), for path MTU discovery. */
  dontFragment?: boolean;
  /** IPv4 TTL / IPv6 hop limit: the router this many hops away answers "time exceeded". */
  ttl?: number;
}

/** A command line. */
export interface CommandLine {
  cmd: string;
  args: string[];
}

/**
 * The ping command for `os`. Throws `RangeError` for Don't Fragment over IPv6 on Windows,
 * which `ping.exe` cannot do (`-f` is IPv4-only), and for a target that is not a host (so
 * that it can never be read as an option; configs are checked the same way when loaded).
 *
 * @example
 * ```ts
 * pingCommand("windows", { target: "192.0.2.1", family: 4, count: 4, intervalMs: 1000, waitMs: 1000 });
 * // { cmd: "ping", args: ["-n", "4", "-w", "1000", "-4", "192.0.2.1"] }
 * ```
 */
export function pingCommand(os: Platform, spec: PingSpec): CommandLine {
  hostArgument(spec.target);
  const size = spec.payloadBytes === undefined ? [] : [String(spec.payloadBytes)];
  const n = String(spec.count);
  if (os === "windows") {
    if (spec.dontFragment && spec.family === 6) {
      throw new RangeError("Windows ping cannot set Don't Fragment for IPv6");
    }
    return {
      cmd: "ping",
      args: [
        "-n",
        n,
        "-w",
        String(spec.waitMs),
        `-${spec.family}`,
        ...(spec.ttl ? ["-i", String(spec.ttl)] : []),
        ...(spec.dontFragment ? ["-f"] : []),
        ...(size.length ? ["-l", ...size] : []),
        spec.target,
      ],
    };
  }
  if (os === "darwin") {
    // BSD ping refuses intervals under 1 s for non-root users ("-i interval too short").
    const interval = spec.count > 1 && spec.intervalMs >= 1000
      ? ["-i", seconds(spec.intervalMs)]
      : [];
    const sizeArgs = size.length ? ["-s", ...size] : [];
    if (spec.family === 6) {
      // ping6 fragments to the minimum MTU unless told not to (-m) and not at all with -D.
      const df = spec.dontFragment ? ["-D", "-m"] : [];
      const hops = spec.ttl ? ["-h", String(spec.ttl)] : [];
      return {
        cmd: "ping6",
        args: ["-n", "-c", n, ...interval, ...hops, ...df, ...sizeArgs, spec.target],
      };
    }
    const df = spec.dontFragment ? ["-D"] : [];
    const wait = ["-W", String(spec.waitMs)];
    const ttl = spec.ttl ? ["-m", String(spec.ttl)] : [];
    return {
      cmd: "ping",
      args: ["-n", "-c", n, ...interval, ...wait, ...ttl, ...df, ...sizeArgs, spec.target],
    };
  }
  return {
    cmd: "ping",
    args: [
      "-n",
      `-${spec.family}`,
      "-c",
      n,
      ...(spec.count > 1 ? ["-i", seconds(Math.max(200, spec.intervalMs))] : []),
      "-W",
      seconds(spec.waitMs),
      ...(spec.ttl ? ["-t", String(spec.ttl)] : []),
      ...(spec.dontFragment ? ["-M", "do"] : []),
      ...(size.length ? ["-s", ...size] : []),
      spec.target,
    ],
  };
}

/** How long the command may take before it is killed: every request plus the last wait. */
export function pingBudgetMs(os: Platform, spec: PingSpec): number {
  const interval = os === "linux"
    ? Math.max(200, spec.intervalMs)
    : Math.max(1000, spec.intervalMs);
  return spec.count * interval + spec.waitMs + 3000;
}

function seconds(ms: number): string {
  return String(ms / 1000);
}
