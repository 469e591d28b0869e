/**
 * One line of a report list: the search columns and the headline's words, without the body.
 * One column list and one reader, shared by the search, the timeline and the CSV export.
 *
 * @module
 */
import type { Verdict } from "../diagnosis/schema.ts";
import { type Segment, SEGMENTS } from "../probes/types.ts";
import type { Localized } from "../util/text.ts";

/** A report as lists show it. */
export interface ReportSummary {
  receipt: string;
  reportId: string;
  tenant: string;
  receivedAt: Date;
  createdAt: Date;
  hourOfDay: number;
  ticket: string | null;
  verdicts: Record<Segment, Verdict>;
  headlineSegment: Segment | null;
  /** The headline sentence (null for a body without one). */
  headline: Localized | null;
  accessType: string | null;
  os: string;
  osRelease: string | null;
  kitVersion: string;
  partial: boolean;
  downMbps: number | null;
  upMbps: number | null;
  idleLatencyMs: number | null;
  loadedLatencyMs: number | null;
  lossPercent: number | null;
  deviceKey: string | null;
  licenceId: string | null;
  blamedHop: string | null;
  /** A watch report (`kiriwake watch`: samples over hours), not a single run. */
  watch: boolean;
}

/** The select list of {@link summaryOf}, over `reports` aliased `r`. */
export const SUMMARY_COLUMNS = [
  "r.receipt",
  "r.report_id",
  "r.tenant",
  "r.received_at",
  "r.created_at",
  "r.hour_of_day",
  "r.ticket",
  ...SEGMENTS.map((s) => `r.verdict_${s}`),
  "r.headline_segment",
  "r.body #> '{diagnosis,headline,text}' AS headline",
  "r.access_type",
  "r.os",
  "r.os_release",
  "r.kit_version",
  "r.partial",
  "r.down_mbps",
  "r.up_mbps",
  "r.idle_latency_ms",
  "r.loaded_latency_ms",
  "r.loss_percent",
  "r.device_key",
  "r.licence_id",
  "r.blamed_hop",
  "(r.body ? 'watch') AS watch",
].join(", ");

const num = (v: unknown): number | null => v === null || v === undefined ? null : Number(v);

function localized(v: unknown): Localized | null {
  const o = typeof v === "string" ? JSON.parse(v) : v;
  return o && typeof o === "object" && typeof o.ja === "string" && typeof o.en === "string"
    ? { ja: o.ja, en: o.en }
    : null;
}

/** Reads a row of {@link SUMMARY_COLUMNS}. */
export function summaryOf(r: Record<string, unknown>): ReportSummary {
  return {
    receipt: r.receipt as string,
    reportId: r.report_id as string,
    tenant: r.tenant as string,
    receivedAt: new Date(r.received_at as string),
    createdAt: new Date(r.created_at as string),
    hourOfDay: Number(r.hour_of_day),
    ticket: (r.ticket as string) ?? null,
    verdicts: Object.fromEntries(SEGMENTS.map((s) => [s, r[`verdict_${s}`]])) as Record<
      Segment,
      Verdict
    >,
    headlineSegment: (r.headline_segment as Segment) ?? null,
    headline: localized(r.headline),
    accessType: (r.access_type as string) ?? null,
    os: r.os as string,
    osRelease: (r.os_release as string) ?? null,
    kitVersion: r.kit_version as string,
    partial: Boolean(r.partial),
    downMbps: num(r.down_mbps),
    upMbps: num(r.up_mbps),
    idleLatencyMs: num(r.idle_latency_ms),
    loadedLatencyMs: num(r.loaded_latency_ms),
    lossPercent: num(r.loss_percent),
    deviceKey: (r.device_key as string) ?? null,
    licenceId: (r.licence_id as string) ?? null,
    blamedHop: (r.blamed_hop as string) ?? null,
    watch: Boolean(r.watch),
  };
}
