/**
 * Size-dependent loss: near-MTU echoes with Don't Fragment sent beside small ones to the same
 * host at the same time. A link that loses large frames only (a poor Wi-Fi, where long frames
 * take long on air and collide more) loses the large ones significantly more often; plain
 * random loss takes both alike. Judged on 95 % intervals, as `loss_localise.ts` does. Pure.
 *
 * @module
 */
import { failureRate, type Rate, rateDifference } from "../../util/stats.ts";
import { HEALTHY_LOSS, HEAVY_LOSS } from "./loss_localise.ts";

/** Echo counts of one series. */
export interface Counted {
  sent: number;
  lost: number;
}

/** The judgement on one small/large pair. */
export interface SizeVerdict {
  /**
   * `size-dependent`: large echoes lost above the healthy range and significantly more than
   * small ones; `none`: no such difference; `undecided`: a difference seen but not yet
   * significant (large ones lost at least twice as often; measure more).
   */
  kind: "size-dependent" | "none" | "undecided";
  small: Rate;
  large: Rate;
}

/**
 * Judges a pair.
 *
 * @example
 * ```ts
 * import { judgeSize } from "./size_loss.ts";
 * judgeSize({ sent: 40, lost: 0 }, { sent: 40, lost: 12 }).kind; // "size-dependent"
 * judgeSize({ sent: 40, lost: 6 }, { sent: 40, lost: 7 }).kind; // "none": loss of any size
 * judgeSize({ sent: 60, lost: 23 }, { sent: 20, lost: 13 }).kind; // "none": a host's answer limit
 * ```
 */
export function judgeSize(small: Counted, large: Counted): SizeVerdict {
  const s = failureRate(small.lost, small.sent);
  const l = failureRate(large.lost, large.sent);
  // A host losing echoes of any size heavily (a router limiting the answers it sends itself)
  // makes either series look worse by chance, and looks are repeated while measuring more:
  // there only intervals apart count (found in the lab: 23 of 60 small and 13 of 20 large
  // lost to a router answering half its pings, on a healthy line).
  const apart = s.low > HEAVY_LOSS ? l.low > s.high : rateDifference(l, s).low > 0;
  const kind = l.low > HEALTHY_LOSS && apart
    ? "size-dependent"
    : l.estimate > 2 * HEALTHY_LOSS && l.estimate >= 2 * s.estimate + HEALTHY_LOSS
    ? "undecided"
    : "none";
  return { kind, small: s, large: l };
}
