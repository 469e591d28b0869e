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
import { DATA_CATEGORIES, PROBE_STATUSES, type ProbeResult, SEGMENTS } from "../probes/types.ts";

/** Why a licence is not valid: the `problem` of the report's licence block. */
export const LICENCE_PROBLEMS = [
  "missing",
  "malformed",
  "unknown-key",
  "bad-signature",
  "wrong-product",
  "not-yet-valid",
  "expired",
] as const;

/** The schema id every report carries. */
export const REPORT_SCHEMA_ID = "kiriwake.report/v1";

const localized = z.object({ ja: z.string(), en: z.string() }).strict();
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

/** Verdicts a segment can have. `unknown`: nothing measured it. */
export const VERDICTS = ["ok", "warn", "fail", "unknown"] as const;
/** The verdict on one segment. */
export type Verdict = typeof VERDICTS[number];

const confidence = z.enum(["low", "medium", "high"]);

/** A finding of the diagnosis: what is wrong (or notable), why we think so, what to do. */
export const findingSchema = z.object({
  /** Stable id of the rule that raised it, e.g. `dns.all-resolvers-failed`. */
  id: z.string().min(1),
  segment,
  severity: z.enum(["info", "warn", "fail"]),
  confidence,
  title: localized,
  /** What was seen, for the customer. */
  detail: localized,
  /** What to try next, for the customer. */
  advice: localized,
  /** One line for the support desk. */
  technical: z.string(),
  /** The probes and the numbers the finding rests on. */
  evidence: z.array(
    z.object({
      probe: z.string(),
      values: z.record(z.string(), z.unknown()).optional(),
    }).strict(),
  ),
  /** Set when this is explained by a fault upstream (the id of that finding). */
  consequenceOf: z.string().optional(),
}).strict();
/** A diagnosis finding. */
export type Finding = z.infer<typeof findingSchema>;

const segmentVerdict = z.object({
  verdict: z.enum(VERDICTS),
  /** Ids of the findings about this segment. */
  findings: z.array(z.string()),
  summary: localized,
  /**
   * How sure the verdict is: for `fail`/`warn` the strongest confidence of the segment's own
   * findings (or of the upstream fault that explains them); for `ok`, `high` when more than
   * one measurement speaks for the segment, else `medium`. Absent for `unknown`.
   */
  confidence: confidence.optional(),
  /** Set when every fault of this segment is a consequence of one upstream: that finding's id. */
  explainedBy: z.string().optional(),
}).strict();

/** The diagnosis: a verdict per segment, the findings, and the headline. */
export const diagnosisSchema = z.object({
  headline: z.object({
    /** The first failing (or else warning) segment in causal order, or null when all is well. */
    segment: segment.nullable(),
    finding: z.string().nullable(),
    text: localized,
    /** The confidence of the finding the headline names. */
    confidence: confidence.optional(),
  }).strict(),
  segments: z.object(
    Object.fromEntries(SEGMENTS.map((s) => [s, segmentVerdict])) as Record<
      typeof SEGMENTS[number],
      typeof segmentVerdict
    >,
  ).strict(),
  findings: z.array(findingSchema),
}).strict();
/** The diagnosis part of a report. */
export type Diagnosis = z.infer<typeof diagnosisSchema>;

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
  }).strict(),
  licence: z.object({
    required: z.boolean(),
    status: z.enum(["valid", "not-required", "missing", "invalid"]),
    licensee: z.string().optional(),
    notAfter: isoTime.optional(),
    reason: localized.optional(),
    /** Why an installed licence is not valid (see `consent/decide.ts`). */
    problem: z.enum(LICENCE_PROBLEMS).optional(),
    /** The licence's own id, its services and start, when one was verified. */
    id: z.string().optional(),
    services: z.array(z.string()).optional(),
    notBefore: isoTime.optional(),
    /** Id of the provider key that signed it. */
    keyId: z.string().optional(),
  }).strict(),
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
    /** Hex SHA-256 of the canonical JSON of the report without `digest`. */
    value: z.string().regex(/^[0-9a-f]{64}$/),
  }).strict(),
}).strict();

/** A report as written to `report.json`. */
export type Report = z.infer<typeof reportSchema>;
/** A report before its digest is computed. */
export type ReportBody = Omit<Report, "digest">;
