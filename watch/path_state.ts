/**
 * Where one sample says the path is broken. The points lie along the path — the router
 * (`lan`), the provider's hops and hosts (`isp`), the anchors beyond (`internet`) — so a
 * failure is placed at the first segment from which everything onward fails: "the router
 * answered, the provider and beyond were dark → the access line". Loss is placed where it
 * starts and persists downstream; a provider hop that drops echoes while everything beyond
 * it answers is rate-limiting its ICMP (RFC 1812 §4.3.2.8 allows it), not failing, and is
 * left out. DNS is judged apart: the line's resolvers (the system's and the provider's)
 * failing while the path works.
 *
 * @module
 */
import type { Reading, Sample, WatchSegment } from "./sample.ts";

/** The IP path's segments, nearest first. */
export const PATH = ["lan", "isp", "internet"] as const;
/** One segment of the IP path. */
export type PathSegment = typeof PATH[number];

/** Attempts and losses pooled over a segment's points in one sample. */
export interface Counts {
  sent: number;
  lost: number;
}

/** What one sample says. */
export interface PathState {
  at: number;
  /** Pooled attempts per path segment (rate-limiting hops left out); absent: not measured. */
  counts: Partial<Record<PathSegment, Counts>>;
  /** The segment from which every measured point onward was dark, or null. */
  dark: PathSegment | null;
  /** The segment where loss starts and persists downstream (pooled), or null. */
  lossAt: PathSegment | null;
  /** Lookups through the line's resolvers (the system's and the provider's); null: none. */
  dns: Counts | null;
  /** Lookups through public resolvers, for comparison; null: none. */
  publicDns: Counts | null;
}

/** The order of a reading along the path: router, hops by distance, provider hosts, beyond. */
export function pathOrder(r: Reading): number {
  if (r.segment === "lan") return 0;
  if (r.role === "hop") return 1 + Math.min(60, Number(r.key.split(":")[2]) || 0) / 100;
  if (r.segment === "isp") return 2;
  return 3;
}

/**
 * Classifies one sample.
 *
 * @example
 * ```ts
 * import { pathState } from "./path_state.ts";
 * const r = (key: string, segment: "lan" | "isp" | "internet", lost: number) =>
 *   ({ key, segment, kind: "ping" as const, role: "anchor" as const, label: key, sent: 8, lost, rttMs: lost === 8 ? null : 1 });
 * const s = pathState({ at: 0, durationMs: 0, wifi: null, addresses: null, throughput: null,
 *   readings: [r("gateway:4", "lan", 0), r("on-net:portal", "isp", 8), r("ping:anchor", "internet", 8)] });
 * s.dark; // "isp"
 * ```
 */
export function pathState(sample: Sample, limited: ReadonlySet<string> = new Set()): PathState {
  // A point that rate-limits its own echoes (see rateLimitedPoints) is judged by whether it
  // answered at all: its partial loss is its own, not the path's.
  // One that lost every echo while a point beyond it answered drained its budget (a burst of
  // echoes to it): packets went through it, so the path did not lose them there.
  const all = sample.readings.filter((r) => r.kind !== "dns" && r.sent > 0);
  const ip = all.map((r) => {
    if (!limited.has(r.key)) return r;
    const through = all.some((x) => pathOrder(x) > pathOrder(r) && x.lost < x.sent);
    return r.lost < r.sent || through ? { ...r, lost: 0 } : r;
  });
  const answered = (r: Reading) => r.lost < r.sent;
  // A hop counts only when what lies beyond it agrees: dark or lossy hops before answering,
  // loss-free points are rate limiting, not failing.
  const counted = ip.filter((r) => {
    if (r.role !== "hop") return true;
    const beyond = ip.filter((x) => pathOrder(x) > pathOrder(r));
    if (beyond.length === 0) return true;
    if (!answered(r)) return !beyond.some(answered);
    return r.lost === 0 || beyond.every((x) => x.lost > 0);
  });
  const counts: Partial<Record<PathSegment, Counts>> = {};
  for (const r of counted) {
    const seg = r.segment as PathSegment;
    const c = counts[seg] ?? { sent: 0, lost: 0 };
    counts[seg] = { sent: c.sent + r.sent, lost: c.lost + r.lost };
  }
  const measured = PATH.filter((s) => counts[s]);
  const dim = (s: PathSegment) => counts[s]!.lost === counts[s]!.sent;
  let dark: PathSegment | null = null;
  for (let i = measured.length - 1; i >= 0 && dim(measured[i]); i--) dark = measured[i];
  let lossAt: PathSegment | null = null;
  if (dark === null) {
    // Loss starts at a segment that lost something while the rest of the path, taken
    // together, lost something too. One sample is small: a segment downstream may lose
    // nothing by chance (one echo in ten lost a quarter of the time), so downstream is pooled.
    for (let i = 0; i < measured.length; i++) {
      const rest = measured.slice(i + 1).reduce((n, s) => n + counts[s]!.lost, 0);
      if (counts[measured[i]]!.lost > 0 && (i === measured.length - 1 || rest > 0)) {
        lossAt = measured[i];
        break;
      }
    }
  }
  const dnsOf = (roles: readonly string[]) => {
    const rs = sample.readings.filter((r) => r.kind === "dns" && roles.includes(r.role));
    return rs.length
      ? { sent: sum(rs.map((r) => r.sent)), lost: sum(rs.map((r) => r.lost)) }
      : null;
  };
  return {
    at: sample.at,
    counts,
    dark,
    lossAt,
    dns: dnsOf(["system", "provider"]),
    publicDns: dnsOf(["public"]),
  };
}

/**
 * Points that drop some of their own echoes all along while everything beyond them answers
 * in full: routers rate-limiting ICMP to themselves (home routers and provider edges do,
 * RFC 1812 §4.3.2.8), not a lossy path. A point qualifies when it lost echoes in most
 * samples (its median loss share is above 0) and every point beyond it that is not itself
 * rate-limiting lost none in most (there must be at least one such point).
 *
 * @example
 * ```ts
 * import { rateLimitedPoints } from "./path_state.ts";
 * rateLimitedPoints([]).size; // 0
 * ```
 */
export function rateLimitedPoints(samples: readonly Sample[]): Set<string> {
  const shares = new Map<string, { order: number; shares: number[] }>();
  for (const s of samples) {
    for (const r of s.readings) {
      if (r.kind === "dns" || r.sent === 0 || r.lost === r.sent) continue;
      const e = shares.get(r.key) ?? { order: pathOrder(r), shares: [] };
      e.shares.push(r.lost / r.sent);
      shares.set(r.key, e);
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const out = new Set<string>();
  // From the far end back: a point beyond may be a rate-limiting router itself (a home
  // router and the provider's edge often both are), which does not make the path lossy.
  const byOrder = [...shares.entries()].sort((a, b) => b[1].order - a[1].order);
  for (const [key, e] of byOrder) {
    if (med(e.shares) === 0) continue;
    const clean = byOrder.filter(([k, x]) => x.order > e.order && !out.has(k));
    if (clean.length > 0 && clean.every(([, x]) => med(x.shares) === 0)) out.add(key);
  }
  return out;
}

/** The segments before `s` on the path. */
export function before(s: PathSegment): PathSegment[] {
  return PATH.slice(0, PATH.indexOf(s));
}

/** True when `s` is a segment of the IP path. */
export function isPath(s: WatchSegment): s is PathSegment {
  return (PATH as readonly string[]).includes(s);
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
