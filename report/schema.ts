/**
 * The report contract `kiriwake.report/v1`: what the kit writes, what support opens, what
 * the web view renders. Validated on write and on read. `deno task schema` exports it as
 * JSON Schema to `report/report.schema.json`.
 *
 * Change it deliberately: a breaking change is a new schema version.
 *
 * @module
 */
import { z } from "zod";
import { PROBE_STATUSES, type ProbeResult, SEGMENTS } from "../probes/types.ts";
import { licenceStatusSchema } from "../consent/licence_status.ts";
import { diagnosisSchema } from "../diagnosis/schema.ts";
import { localizedSchema } from "../util/text.ts";
import { DATA_CATEGORIES } from "../util/data_categories.ts";
import { sendBlockSchema } from "./send_schema.ts";

/** The schema id every report carries. */
export const REPORT_SCHEMA_ID = "kiriwake.report/v1";

const localized = localizedSchema;
const segment = z.enum(SEGMENTS);
const category = z.enum(DATA_CATEGORIES);
const isoTime = z.iso.datetime({ offset: true });

/** One probe result in a report. */
export const probeResultSchema = z.object({
  id: z.string().min(1),
  title: localized,
  segment,
  status: z.enum(PROBE_STATUSES),
  reason: localized.optional(),
  summary: localized.optional(),
  startedAt: isoTime,
  durationMs: z.number().nonnegative(),
  data: z.record(z.string(), z.unknown()),
  evidence: z.array(z.object({ label: z.string(), text: z.string() }).strict()),
  error: z.object({ name: z.string(), message: z.string() }).strict().optional(),
  source: z.string(),
}).strict();

// The probe contract's result type and the report's must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _resultTypesAgree: Same<z.infer<typeof probeResultSchema>, ProbeResult> = true;

/** The whole report. */
export const reportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  id: z.string().min(1),
  createdAt: isoTime,
  finishedAt: isoTime.nullable(),
  /** True when the run did not finish (interrupted, or still running). */
  partial: z.boolean(),
  interrupted: z.object({ at: isoTime, reason: z.string() }).strict().optional(),
  tool: z.object({
    name: z.string(),
    version: z.string(),
    /** The build target, e.g. `x86_64-unknown-linux-gnu`. */
    target: z.string(),
    /** True inside a `deno compile` binary. */
    compiled: z.boolean(),
    brand: z.object({ id: z.string(), product: z.string(), provider: z.string() }).strict(),
  }).strict(),
  terms: z.object({
    version: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    language: z.enum(["ja", "en"]),
    acceptedAt: isoTime,
  }).strict(),
  consent: z.object({
    granted: z.array(category),
    refused: z.array(category),
    /**
     * Each time the customer agreed to send this report, and what became of it. Written
     * after the report, so it is not covered by `digest` (see `report/send_schema.ts`).
     */
    send: sendBlockSchema.optional(),
  }).strict(),
  licence: licenceStatusSchema,
  environment: z.object({
    os: z.string(),
    arch: z.string(),
    osRelease: z.string().optional(),
    locale: z.string(),
    lang: z.enum(["ja", "en"]),
  }).strict(),
  config: z.object({
    source: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }).strict(),
  probes: z.array(probeResultSchema),
  diagnosis: diagnosisSchema,
  redaction: z.object({
    /** Categories refused, whose values were removed or masked. */
    refused: z.array(category),
    /** How many distinct values of each identifier kind were masked. */
    masked: z.record(z.string(), z.number().int().nonnegative()),
  }).strict(),
  digest: z.object({
    algorithm: z.literal("sha256"),
    /** Hex SHA-256 of the canonical JSON of the report without `digest` and `consent.send`. */
    value: z.string().regex(/^[0-9a-f]{64}$/),
  }).strict(),
}).strict();

/** A report as written to `report.json`. */
export type Report = z.infer<typeof reportSchema>;
/** A report before its digest is computed. */
export type ReportBody = Omit<Report, "digest">;
