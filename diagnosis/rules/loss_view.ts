/**
 * The ping points along the path as rules read them: from `path.loss` when it ran (with the
 * echoes it added), else straight from the ping probes (`lan.gateway.ping`, `isp.ping`,
 * `internet.ping`), so a report without `path.loss` is judged the same way.
 *
 * @module
 */
import { localiseLoss, type LossVerdict } from "../../probes/lib/loss_localise.ts";
import {
  chainOf,
  type PingRecordLike,
  pointsFrom,
  type SeriesPoint,
  sizePairs,
} from "../../probes/lib/loss_points.ts";
import { judgeSize, type SizeVerdict } from "../../probes/lib/size_loss.ts";
import { measured, type RuleInput } from "./rule.ts";

/** One point with every echo it got, in order. */
export interface ViewPoint extends SeriesPoint {
  /** Every echo's RTT (null: lost), the probe's series and any rounds `path.loss` added. */
  all: (number | null)[];
}

/** The points and their verdicts, and the probe the evidence names. */
export interface LossView {
  /** Every point, the router's near-MTU series (`gateway-large`) included. */
  points: ViewPoint[];
  /** Where loss starts, per family (near-MTU series left out). */
  verdicts: LossVerdict[];
  /** Near-MTU against small echoes to each router. */
  sizes: (SizeVerdict & { point: ViewPoint })[];
  probe: "path.loss" | "lan.gateway.ping" | "internet.ping";
}

/** The loss view of a run, or null when no ping series was measured. */
export function lossView(input: RuleInput): LossView | null {
  const pl = measured(input, "path.loss");
  let points: ViewPoint[];
  if (pl) {
    points = pl.points.map((p) => ({
      ...p,
      label: p.name ?? p.target,
      samples: p.series[0]?.samples ?? [],
      intervalMs: p.series[0]?.intervalMs ?? 1000,
      all: p.series.flatMap((s) => s.samples),
    }));
  } else {
    points = pointsFrom({
      gateway: targetsOf(measured(input, "lan.gateway.ping")),
      isp: targetsOf(measured(input, "isp.ping")),
      anchors: targetsOf(measured(input, "internet.ping")),
    }).map((p) => ({ ...p, all: p.samples }));
  }
  if (points.length === 0) return null;
  const probe = pl
    ? "path.loss"
    : points.some((p) => p.role !== "gateway")
    ? "internet.ping"
    : "lan.gateway.ping";
  const sizes = sizePairs(points).map(({ small, large }) => ({
    ...judgeSize(small, large),
    point: large,
  }));
  return { points, verdicts: localiseLoss(chainOf(points)), sizes, probe };
}

function targetsOf(data: { targets?: unknown } | null): PingRecordLike[] {
  return Array.isArray(data?.targets) ? data.targets as PingRecordLike[] : [];
}
