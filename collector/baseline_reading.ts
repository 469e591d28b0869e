/**
 * What a crowd baseline says about one report: for each number, where the report stands
 * among its peers at its hour, and whether that hour is worse than the day for everyone; and
 * in one word, what that means.
 *
 * - `individual`: far below its peers (worse than 90 % of them) in download, loaded latency or
 *   loss — a fault of this line or this home, not of the crowd.
 * - `congestion`: typical for its peers at this hour, and this hour is clearly worse than the
 *   day for everyone (median download under 80 % of the day's, loaded latency over 125 % and
 *   5 ms more, or loss half a point more) — the shared network is busy.
 * - `typical`: among its peers, at an ordinary hour.
 * - `unknown`: too few peers at this hour, or nothing measured to compare.
 *
 * @module
 */
import type { Baseline, Distribution, Metric } from "./baseline.ts";
import { METRICS } from "./baseline.ts";

/** Which direction is better for each number. */
export const HIGHER_IS_BETTER: Record<Metric, boolean> = {
  down: true,
  up: true,
  loaded: false,
  loss: false,
};

/** Where the report stands on one number. */
export type Standing = "far-below" | "below" | "typical" | "above" | "unknown";

/** One number of the report against its peers. */
export interface Placement {
  metric: Metric;
  value: number | null;
  /** Peers with a value at this hour. */
  peers: number;
  /** Share of those peers the report does better than (0–1), or null. */
  beats: number | null;
  standing: Standing;
  /** The median of the hour and of the day. */
  hourMedian: number | null;
  dayMedian: number | null;
  /** True when this hour is clearly worse than the day for everyone. */
  hourWorse: boolean;
}

/** What the baseline means. */
export interface Reading {
  kind: "individual" | "congestion" | "typical" | "unknown";
  placements: Record<Metric, Placement>;
  /** The numbers that decided the kind (for the sentence). */
  because: Metric[];
}

/** The numbers that can make a report `individual` or `congestion`. */
const DECIDING: readonly Metric[] = ["down", "loaded", "loss"];

/** Share of peers `value` beats in `d` (ties count half), or null. */
export function beats(d: Distribution, value: number | null, higherBetter: boolean): number | null {
  if (value === null || d.n === 0) return null;
  const worse = higherBetter ? d.below : d.n - d.below - d.equal;
  return (worse + d.equal / 2) / d.n;
}

function standingOf(share: number | null): Standing {
  if (share === null) return "unknown";
  if (share < 0.1) return "far-below";
  if (share < 0.25) return "below";
  if (share > 0.75) return "above";
  return "typical";
}

/** True when the hour's median is clearly worse than the day's for `metric`. */
export function hourIsWorse(metric: Metric, hour: number | null, day: number | null): boolean {
  if (hour === null || day === null) return false;
  switch (metric) {
    case "down":
    case "up":
      return day > 0 && hour < 0.8 * day;
    case "loaded":
      return hour > 1.25 * day && hour - day > 5;
    case "loss":
      return hour - day >= 0.5;
  }
}

/** Reads a baseline. `minPeers`: fewer peers with values at the hour → `unknown`. */
export function readBaseline(b: Baseline, minPeers: number): Reading {
  const median = (d: Distribution) => d.q ? d.q[2] : null;
  const placements = Object.fromEntries(METRICS.map((m): [Metric, Placement] => {
    const d = b.hour.metrics[m];
    const value = b.subject.values[m];
    const enough = d.n >= minPeers;
    const share = enough ? beats(d, value, HIGHER_IS_BETTER[m]) : null;
    const hourMedian = median(d);
    const dayMedian = median(b.day.metrics[m]);
    return [m, {
      metric: m,
      value,
      peers: d.n,
      beats: share,
      standing: standingOf(share),
      hourMedian,
      dayMedian,
      hourWorse: enough && hourIsWorse(m, hourMedian, dayMedian),
    }];
  })) as Record<Metric, Placement>;
  const deciding = DECIDING.map((m) => placements[m]).filter((p) => p.standing !== "unknown");
  if (deciding.length === 0) return { kind: "unknown", placements, because: [] };
  const far = deciding.filter((p) => p.standing === "far-below");
  if (far.length) return { kind: "individual", placements, because: far.map((p) => p.metric) };
  const busy = deciding.filter((p) => p.hourWorse);
  if (busy.length) return { kind: "congestion", placements, because: busy.map((p) => p.metric) };
  return { kind: "typical", placements, because: [] };
}
