/**
 * The diagnosis contract: a verdict per segment, findings with evidence and advice, and the
 * headline. Part of the report (`report/schema.ts` embeds it); defined here, where it is made.
 *
 * @module
 */
import { z } from "zod";
import { SEGMENTS } from "../probes/types.ts";
import { localizedSchema } from "../util/text.ts";

const localized = localizedSchema;
const segment = z.enum(SEGMENTS);

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
