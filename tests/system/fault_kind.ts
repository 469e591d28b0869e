/**
 * The shape of a randomised fault kind and of noise (`fault_kinds.ts`, `noise_kinds.ts`),
 * and the helpers the lab's kinds share: which link carries a segment, drops both ways.
 *
 * @module
 */
import type { Segment } from "../../probes/types.ts";
import type { Fault } from "./scenario_schema.ts";

/** A random source in [0, 1). */
export type Rng = () => number;

/** What one draw of a kind injects. */
export interface Injection {
  faults: Fault[];
  /** Deep-merged into the lab's run config. */
  config?: Record<string, unknown>;
}

/** A fault kind: data plus one function. */
export interface FaultKind {
  id: string;
  /** Where it can be put, named by the segment the headline should then name. */
  locations: readonly Segment[];
  /** The severity drawn, uniformly in [min, max] (log-uniform when `log`). */
  severity: { min: number; max: number; unit: string; log?: boolean; step?: number };
  /** How often it is drawn, against the other kinds (default 1). */
  weight?: number;
  /** Bucket edges for the table (numeric severities); or names of integer modes. */
  buckets?: readonly number[];
  modes?: readonly string[];
  /**
   * The documented detectability threshold at a location: from this severity on (`worse`
   * says which way is worse) the headline must name the location in ≥ 95 % of runs; below it
   * the right answer is "inconclusive" or "no fault", never another segment.
   */
  threshold: (location: Segment) => { value: number; worse: "higher" | "lower" };
  /** Builds the faults of one draw. */
  make: (location: Segment, severity: number, rng: Rng) => Injection;
}

/** Noise a healthy network may show: it must never raise a warning. */
export interface NoiseKind {
  id: string;
  /** Drawn for healthy runs only (on top of a fault it would hide where the fault is). */
  healthyOnly?: boolean;
  make: (rng: Rng) => { faults: Fault[]; label: string };
}

/** Where each segment's loss is put: the interfaces a lossy link of that segment crosses. */
export const LOSSY_LINK: Partial<
  Record<Segment, { node: "router" | "provider" | "internet"; dev: string }>
> = {
  lan: { node: "router", dev: "lan0" },
  isp: { node: "provider", dev: "acc0" },
  internet: { node: "internet", dev: "eth0" },
};

/** Both directions through `dev` drop with probability `p` (raw in, mangle out), `match` added. */
export function dropBothWays(
  node: "router" | "provider" | "internet",
  dev: string,
  p: number,
  match = "",
): Fault[] {
  const prob = p.toFixed(4);
  const m = match ? ` ${match}` : "";
  return [
    {
      kind: "iptables",
      node,
      family: "both",
      rule:
        `-t raw -A PREROUTING -i ${dev}${m} -m statistic --mode random --probability ${prob} -j DROP`,
    },
    {
      kind: "iptables",
      node,
      family: "both",
      rule:
        `-t mangle -A POSTROUTING -o ${dev}${m} -m statistic --mode random --probability ${prob} -j DROP`,
    },
  ];
}

/** The one-way drop probability that loses `roundTrip` (a fraction) of round trips. */
export function oneWay(roundTrip: number): number {
  return 1 - Math.sqrt(1 - roundTrip);
}
