/**
 * Where loss starts, from concurrent ping series to points along the path: the home router
 * (`lan`), the provider's first hops and its on-net hosts (`isp`), the anchors beyond it
 * (`internet`). Loss that starts in a segment shows at every point beyond it; loss at one
 * point that later points do not show is that host limiting its ICMP answers, not lost
 * traffic (RFC 1812 §4.3.2.8, RFC 4443 §2.4(f)).
 *
 * Every judgement is on 95 % intervals (`util/stats.ts`), never on a point estimate:
 * - a point's loss is *significant* when its Wilson interval lies above the healthy limit
 *   (1 %: Microsoft Teams' client-to-edge target, Cisco's VoWLAN ≤ 1 %);
 * - loss *starts* at the first significant point that every later point carries on (each is
 *   significant too; one significantly lower marks this point as dropping its own answers)
 *   and that every earlier point shows significantly less of (Newcombe's difference interval
 *   excludes 0);
 * - anything short of that is `undecided` (measure more) while the losses seen are above
 *   twice the healthy limit, and `clean` when they are within it.
 * Pure.
 *
 * @module
 */
import { failureRate, type Rate, rateDifference } from "../../util/stats.ts";

/** Loss up to this share is what healthy lines show: a finding needs its interval above it. */
export const HEALTHY_LOSS = 0.01;
/** Loss whose interval lies above this share breaks connections (a fault, not a warning). */
export const HEAVY_LOSS = 0.1;

/** The segments a loss can start in. */
export type LossSegment = "lan" | "isp" | "internet";

/** One series of echoes to a point on the path. */
export interface LossPoint {
  /** Where a loss that starts at this point sits. */
  segment: LossSegment;
  /** Order along the path within its family; points beyond have larger positions. */
  position: number;
  family: 4 | 6;
  /** The point's name or address, for the evidence. */
  label: string;
  sent: number;
  lost: number;
}

/** The judgement on one family's points. */
export type LossVerdict =
  | { kind: "clean"; family: 4 | 6 }
  | {
    kind: "localised";
    family: 4 | 6;
    segment: LossSegment;
    /** The first point that shows it, and its rate. */
    at: string;
    rate: Rate;
    /** The nearest point before it, and its (significantly lower) rate. */
    before: { label: string; rate: Rate } | null;
  }
  | {
    /** Significant loss whose start cannot be told yet: between `from` and `to`. */
    kind: "unlocalised";
    family: 4 | 6;
    from: LossSegment;
    to: LossSegment;
    at: string;
    rate: Rate;
  }
  | {
    /** Loss seen above the healthy range, but not significantly so. */
    kind: "undecided";
    family: 4 | 6;
    segment: LossSegment;
    at: string;
    rate: Rate;
  };

interface Judged extends LossPoint {
  rate: Rate;
  significant: boolean;
  /** Later points show significantly less loss: this host drops its own answers. */
  local: boolean;
}

/**
 * Judges each family's points (points that never answered are left out: a host that does
 * not answer ping says nothing about loss).
 *
 * @example
 * ```ts
 * import { localiseLoss } from "./loss_localise.ts";
 * const p = (segment: "lan" | "isp" | "internet", position: number, lost: number) =>
 *   ({ segment, position, family: 4 as const, label: segment, sent: 60, lost });
 * localiseLoss([p("lan", 0, 0), p("isp", 1, 9), p("internet", 3, 10)])[0].kind; // "localised"
 * ```
 */
export function localiseLoss(points: readonly LossPoint[]): LossVerdict[] {
  const families = [...new Set(points.map((p) => p.family))].sort();
  return families.map((f) =>
    judgeChain(points.filter((p) => p.family === f && p.sent > 0 && p.lost < p.sent), f)
  ).filter((v): v is LossVerdict => v !== null);
}

/** True when some verdict asks for more echoes before it can decide. */
export function needsMore(verdicts: readonly LossVerdict[]): boolean {
  return verdicts.some((v) => v.kind === "unlocalised" || v.kind === "undecided");
}

function judgeChain(chain: LossPoint[], family: 4 | 6): LossVerdict | null {
  if (chain.length === 0) return null;
  const rated = chain.map((p) => {
    const rate = failureRate(p.lost, p.sent);
    return { ...p, rate, significant: rate.low > HEALTHY_LOSS, local: false };
  }).sort((a, b) => a.position - b.position);
  const points: Judged[] = rated.map((p) => ({
    ...p,
    local: rated.some((q) => q.position > p.position && lower(q, p)),
  }));
  for (const p of points) {
    if (!p.significant || p.local) continue;
    // Loss that starts here shows at every point beyond: each of them must show it too.
    const beyond = points.filter((q) => q.position > p.position);
    if (beyond.some((q) => !q.significant)) {
      // Not yet: a later point that looks clean may be clean (this host drops its own
      // answers) or may have too few echoes to show the loss. Measure more.
      return { kind: "undecided", family, segment: p.segment, at: p.label, rate: p.rate };
    }
    const earlier = points.filter((q) => q.position < p.position && !q.local);
    const clean = earlier.filter((q) => lower(q, p));
    // A point before that is not clearly cleaner, or one that drops its own answers after
    // the last clean point (its own loss hides whether the path loses there), leaves the
    // start open between that point's segment and this one's.
    const lastClean = clean.at(-1)?.position ?? -Infinity;
    const unclear = earlier.find((q) => !clean.includes(q)) ??
      points.find((q) =>
        q.local && q.position > lastClean && q.position < p.position && q.segment !== p.segment
      );
    if (unclear) {
      return {
        kind: "unlocalised",
        family,
        from: unclear.segment,
        to: p.segment,
        at: p.label,
        rate: p.rate,
      };
    }
    const before = clean.at(-1);
    return {
      kind: "localised",
      family,
      segment: p.segment,
      at: p.label,
      rate: p.rate,
      before: before ? { label: before.label, rate: before.rate } : null,
    };
  }
  const seen = points.find((p) => !p.local && p.rate.estimate > 2 * HEALTHY_LOSS);
  return seen
    ? { kind: "undecided", family, segment: seen.segment, at: seen.label, rate: seen.rate }
    : { kind: "clean", family };
}

/** True when `a` shows significantly less loss than `b`. */
function lower(a: { rate: Rate }, b: { rate: Rate }): boolean {
  return rateDifference(b.rate, a.rate).low > 0;
}
