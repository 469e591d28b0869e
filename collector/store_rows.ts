/**
 * How a report's columns map to SQL parameters and back: one list, so the insert, the
 * reads and the row type cannot drift apart.
 *
 * @module
 */
import type { Segment } from "../probes/types.ts";
import type { Verdict } from "../diagnosis/schema.ts";
import type { ReportColumns } from "./extract.ts";

/** A report ready to store: validated, digest checked, tenant decided. */
export interface NewReport {
  columns: ReportColumns;
  digest: string;
  ticket: string | null;
  /** The id of the licence that verified (the tenant's evidence), or null. */
  licenceId: string | null;
  deletionSha256: string;
  /** The report's JSON text. */
  body: string;
  sizeBytes: number;
  /** The receipt time; the database's clock when absent (tests pin it). */
  receivedAt?: Date;
}

const SEGMENTS: readonly Segment[] = ["device", "lan", "isp", "dns", "internet", "service"];

/** Insert columns after `received_at, receipt, tenant`, with each parameter's SQL type. */
const INSERT: readonly [string, string][] = [
  ["report_id", "text"],
  ["ticket", "text"],
  ["created_at", "timestamptz"],
  ["hour_of_day", "smallint"],
  ...SEGMENTS.map((s): [string, string] => [`verdict_${s}`, "text"]),
  ["headline_segment", "text"],
  ["access_type", "text"],
  ["os", "text"],
  ["os_release", "text"],
  ["arch", "text"],
  ["kit_version", "text"],
  ["brand", "text"],
  ["licence_id", "text"],
  ["device_key", "text"],
  ["partial", "boolean"],
  ["down_mbps", "real"],
  ["up_mbps", "real"],
  ["idle_latency_ms", "real"],
  ["loaded_latency_ms", "real"],
  ["loss_percent", "real"],
  ["deletion_sha256", "text"],
  ["size_bytes", "int"],
  ["body", "jsonb"],
];

/** Every column a read returns. */
export const REPORT_COLUMNS: readonly string[] = [
  "received_at",
  "receipt",
  "tenant",
  ...INSERT.map(([c]) => c).filter((c) => c !== "deletion_sha256"),
];

/** The insert's columns, typed placeholders and values for `report` under `tenant`. */
export function reportParams(report: NewReport) {
  const c = report.columns;
  const values: unknown[] = [
    c.reportId,
    report.ticket,
    c.createdAt,
    c.hourOfDay,
    ...SEGMENTS.map((s) => c.verdicts[s]),
    c.headlineSegment,
    c.accessType,
    c.os,
    c.osRelease,
    c.arch,
    c.kitVersion,
    c.brand,
    report.licenceId,
    c.deviceKey,
    c.partial,
    c.downMbps,
    c.upMbps,
    c.idleLatencyMs,
    c.loadedLatencyMs,
    c.lossPercent,
    report.deletionSha256,
    report.sizeBytes,
    report.body,
  ];
  return {
    columns: INSERT.map(([c]) => c),
    /** `$first::type, …`; JSON goes in as text and is cast, so no driver re-encodes it. */
    placeholders: (first: number) =>
      INSERT.map(([, type], i) =>
        type === "jsonb" ? `($${first + i}::text)::jsonb` : `$${first + i}::${type}`
      ),
    values,
  };
}

/** A stored report as reads return it. */
export interface StoredReport {
  receipt: string;
  tenant: string;
  receivedAt: Date;
  ticket: string | null;
  licenceId: string | null;
  sizeBytes: number;
  columns: ReportColumns;
  /** The report as received (parsed JSON). */
  body: Record<string, unknown>;
}

// deno-lint-ignore no-explicit-any
type Row = Record<string, any>;

const num = (v: unknown): number | null => v === null || v === undefined ? null : Number(v);

/** Reads a row of {@link REPORT_COLUMNS}. */
export function storedReportOf(row: Row): StoredReport {
  const body = typeof row.body === "string" ? JSON.parse(row.body) : row.body;
  return {
    receipt: row.receipt,
    tenant: row.tenant,
    receivedAt: new Date(row.received_at),
    ticket: row.ticket ?? null,
    licenceId: row.licence_id ?? null,
    sizeBytes: Number(row.size_bytes),
    body,
    columns: {
      reportId: row.report_id,
      createdAt: new Date(row.created_at).toISOString(),
      hourOfDay: Number(row.hour_of_day),
      verdicts: Object.fromEntries(SEGMENTS.map((s) => [s, row[`verdict_${s}`]])) as Record<
        Segment,
        Verdict
      >,
      headlineSegment: row.headline_segment ?? null,
      accessType: row.access_type ?? null,
      os: row.os,
      osRelease: row.os_release ?? null,
      arch: row.arch,
      kitVersion: row.kit_version,
      brand: row.brand,
      partial: row.partial,
      downMbps: num(row.down_mbps),
      upMbps: num(row.up_mbps),
      idleLatencyMs: num(row.idle_latency_ms),
      loadedLatencyMs: num(row.loaded_latency_ms),
      lossPercent: num(row.loss_percent),
      deviceKey: row.device_key ?? null,
    },
  };
}
