/**
 * What one address family failing costs a customer, from the connects the kit timed over
 * each family: the delay a browser with Happy Eyeballs suffers (RFC 8305: the preferred
 * family first, the other one 250 ms later, the first connection wins), and the delay of an
 * application that tries one address after the other and waits for the operating system to
 * give up on the first — the "some sites take 20 seconds" of a line whose IPv6 goes nowhere.
 *
 * The OS gives up on a connect after its SYN retransmissions: Windows 21 s (3 s initial RTO,
 * two retransmissions: 3 + 6 + 12), macOS 75 s (`net.inet.tcp.keepinit`), Linux 127 s
 * (`tcp_syn_retries` 6 from a 1 s RTO, RFC 6298 §2). The kit waits far less, so that wait is
 * not measured: it is the OS's, taken as at least what the kit waited.
 *
 * @module
 */
import { z } from "zod";
import type { Platform } from "../types.ts";

/** RFC 8305 §5: the recommended Connection Attempt Delay. */
export const ATTEMPT_DELAY_MS = 250;

/** How long each OS waits before a connect to a silent address fails, ms. */
export const OS_CONNECT_TIMEOUT_MS: Readonly<Record<Platform, number>> = {
  windows: 21_000,
  darwin: 75_000,
  linux: 127_000,
};

/** One family's connect, as timed. */
export interface FamilyConnect {
  family: 4 | 6;
  /** The TCP connection was established. */
  connected: boolean;
  /** Connect time when connected, else the time until it failed (or was given up). */
  ms: number;
  /** Why it failed: `timeout` (no answer by the kit's deadline), `refused`, `unreachable`, … */
  error?: string;
}

/** What a failing family costs. */
export interface Fallback {
  /** The family tried first (the OS's order: RFC 6724 prefers IPv6). */
  preferred: 4 | 6;
  /** Why the preferred family failed; null when it connected. */
  preferredError: string | null;
  /** Time to a connection for a Happy Eyeballs browser; null when neither family connects. */
  happyEyeballsMs: number | null;
  /** Of which lost to the failing family (0 when the preferred one works). */
  happyEyeballsDelayMs: number | null;
  /**
   * Time an application trying one address after the other waits before its first byte can
   * go out: the preferred family's failure, then the other's connect. Null when neither
   * connects.
   */
  sequentialMs: number | null;
  /** True when `sequentialMs` is the OS's connect timeout (the preferred family was silent). */
  sequentialIsOsTimeout: boolean;
}

/**
 * The cost of the preferred family failing, for a target reached over both families.
 * Null unless both families were tried.
 *
 * @example
 * ```ts
 * import { fallbackCost } from "./happy_eyeballs.ts";
 * const f = fallbackCost(6, [
 *   { family: 6, connected: false, ms: 2000, error: "timeout" },
 *   { family: 4, connected: true, ms: 12 },
 * ], "windows")!;
 * [f.happyEyeballsMs, f.sequentialMs]; // [262, 21012]
 * ```
 */
export function fallbackCost(
  preferred: 4 | 6,
  connects: readonly FamilyConnect[],
  os: Platform,
): Fallback | null {
  const first = connects.find((c) => c.family === preferred);
  const second = connects.find((c) => c.family !== preferred);
  if (!first || !second) return null;
  const silent = !first.connected && first.error === "timeout";
  // The second family starts after the attempt delay, or as soon as the first one failed.
  const start2 = first.connected ? ATTEMPT_DELAY_MS : Math.min(ATTEMPT_DELAY_MS, first.ms);
  const candidates = [
    ...(first.connected ? [first.ms] : []),
    ...(second.connected ? [start2 + second.ms] : []),
  ];
  const he = candidates.length ? round(Math.min(...candidates)) : null;
  const alone = Math.min(...connects.filter((c) => c.connected).map((c) => c.ms));
  const waitFirst = silent ? OS_CONNECT_TIMEOUT_MS[os] : first.ms;
  return {
    preferred,
    preferredError: first.connected ? null : first.error ?? "failed",
    happyEyeballsMs: he,
    happyEyeballsDelayMs: he === null ? null : round(Math.max(0, he - alone)),
    sequentialMs: first.connected
      ? round(first.ms)
      : second.connected
      ? round(waitFirst + second.ms)
      : null,
    sequentialIsOsTimeout: !first.connected && silent && second.connected,
  };
}

/** {@link Fallback} as recorded in probe data. */
export const fallbackSchema = z.object({
  preferred: z.union([z.literal(4), z.literal(6)]),
  preferredError: z.string().nullable(),
  happyEyeballsMs: z.number().nullable(),
  happyEyeballsDelayMs: z.number().nullable(),
  sequentialMs: z.number().nullable(),
  sequentialIsOsTimeout: z.boolean(),
}).strict();

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
