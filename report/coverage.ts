/**
 * What each segment's verdict rests on: which of its probes measured and which did not
 * (skipped, interrupted, failed to run). A partial report must never show a segment as fine
 * when the probes that speak for it never ran; this is where the pages and the text summary
 * learn which ones those are.
 *
 * @module
 */
import { type Segment, SEGMENTS } from "../probes/types.ts";
import type { Verdict } from "../diagnosis/schema.ts";
import type { Localized } from "../util/text.ts";
import type { Report } from "./schema.ts";

/** A probe that did not measure, and why. */
export interface NotMeasured {
  id: string;
  title: Localized;
  reason: Localized | null;
}

/** One segment's coverage. */
export interface SegmentCoverage {
  /** The diagnosis's verdict. */
  verdict: Verdict;
  /**
   * What to show: `partial` when the diagnosis says fine but the run was interrupted before
   * some of the segment's probes measured — never green, since nothing was said about them.
   */
  shown: Verdict | "partial";
  measured: string[];
  notMeasured: NotMeasured[];
}

const MEASURED = new Set(["ok", "warn", "fail"]);

/**
 * The coverage of every segment of `report`.
 *
 * @example
 * ```ts ignore
 * segmentCoverage(report).lan.shown; // "partial" when the router ping never ran
 * ```
 */
export function segmentCoverage(report: Report): Record<Segment, SegmentCoverage> {
  const out = {} as Record<Segment, SegmentCoverage>;
  for (const s of SEGMENTS) {
    const probes = report.probes.filter((p) => p.segment === s);
    const notMeasured = probes.filter((p) => !MEASURED.has(p.status)).map((p) => ({
      id: p.id,
      title: p.title,
      reason: p.reason ?? null,
    }));
    const verdict = report.diagnosis.segments[s].verdict;
    const shown = verdict === "ok" && report.partial && notMeasured.length > 0
      ? "partial"
      : verdict;
    out[s] = {
      verdict,
      shown,
      measured: probes.filter((p) => MEASURED.has(p.status)).map((p) => p.id),
      notMeasured,
    };
  }
  return out;
}
