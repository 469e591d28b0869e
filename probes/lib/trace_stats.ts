/**
 * mtr-style aggregation of several route traces to one target: per-hop loss and RTT over
 * all rounds, and what each hop's loss means. Loss at an intermediate hop that does not
 * persist to the destination is a router rate-limiting its ICMP answers, not lost traffic;
 * only loss that carries on to the end is a fault, and it starts at the first hop that
 * shows it.
 *
 * @module
 */
import type { TraceResult } from "../parse/traceroute.ts";
import { minAvgMax, round3 } from "../parse/stats.ts";

/** What a hop's loss means. */
export type LossKind =
  | "none"
  | "no-reply"
  | "rate-limit"
  | "persistent"
  | "end-to-end"
  | "unknown";

/** One TTL over all rounds. */
export interface HopStats {
  ttl: number;
  sent: number;
  /** Probes answered (with a time, or with an error such as `!H`). */
  received: number;
  lossPercent: number;
  /** Every address that answered at this TTL (load balancing shows several). */
  addresses: string[];
  rtt: { minMs: number; avgMs: number; maxMs: number } | null;
  /** `!H`, `!N`, "reports: …" seen at this hop. */
  annotations: string[];
  /**
   * `no-reply`: the router never answers traceroute (not a fault); `rate-limit`: some
   * answers missing but later hops lose nothing (not a fault); `persistent`: loss here and
   * at every later hop to the destination; `end-to-end`: loss at the destination itself;
   * `unknown`: the destination was not reached, so it cannot be told.
   */
  lossKind: LossKind;
}

/** The aggregate of several traces. */
export interface TraceStats {
  reached: boolean;
  hops: HopStats[];
  /** Loss at the destination, when reached. */
  endLossPercent: number | null;
  /** TTLs whose loss is rate limiting, not a fault. */
  rateLimitedHops: number[];
  /** The first TTL from which loss persists to the destination, if any. */
  persistentLossFrom: number | null;
}

/** Aggregates `traces` (rounds to the same target). */
export function aggregateTraces(traces: readonly TraceResult[]): TraceStats {
  const reachedRounds = traces.filter((t) => t.reached && t.hops.length);
  const reached = reachedRounds.length > 0;
  const finalTtl = reached ? Math.min(...reachedRounds.map((t) => t.hops.at(-1)!.ttl)) : Infinity;
  const byTtl = new Map<number, HopStats & { rtts: number[] }>();
  for (const t of traces) {
    for (const h of t.hops) {
      if (h.ttl > finalTtl) continue;
      const s = byTtl.get(h.ttl) ?? {
        ttl: h.ttl,
        sent: 0,
        received: 0,
        lossPercent: 0,
        addresses: [],
        rtt: null,
        annotations: [],
        lossKind: "none" as LossKind,
        rtts: [],
      };
      for (const p of h.probes) {
        s.sent++;
        if (p.rttMs !== null || p.annotation !== null) s.received++;
        if (p.rttMs !== null) s.rtts.push(p.rttMs);
        if (p.address && !s.addresses.includes(p.address)) s.addresses.push(p.address);
        if (p.annotation && !s.annotations.includes(p.annotation)) s.annotations.push(p.annotation);
      }
      byTtl.set(h.ttl, s);
    }
  }
  const hops: HopStats[] = [...byTtl.values()].sort((a, b) => a.ttl - b.ttl).map((
    { rtts, ...s },
  ) => ({
    ...s,
    lossPercent: s.sent ? round3((100 * (s.sent - s.received)) / s.sent) : 0,
    rtt: minAvgMax(rtts),
  }));
  hops.forEach((h, i) => (h.lossKind = lossKind(hops, i, reached)));
  const end = reached ? hops.at(-1) : undefined;
  return {
    reached,
    hops,
    endLossPercent: end ? end.lossPercent : null,
    rateLimitedHops: hops.filter((h) => h.lossKind === "rate-limit").map((h) => h.ttl),
    persistentLossFrom:
      hops.find((h) => h.lossKind === "persistent" || h.lossKind === "end-to-end")?.ttl ??
        null,
  };
}

function lossKind(hops: HopStats[], i: number, reached: boolean): LossKind {
  const h = hops[i];
  if (h.lossPercent === 0) return "none";
  if (!reached) return "unknown";
  if (i === hops.length - 1) return "end-to-end";
  if (h.received === 0) return "no-reply";
  const later = hops.slice(i + 1).filter((x) => x.received > 0);
  return later.length > 0 && later.every((x) => x.lossPercent > 0) ? "persistent" : "rate-limit";
}
