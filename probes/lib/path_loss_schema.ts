/**
 * The data `path.loss` records: every point with its echoes and rate, the verdict per family,
 * the near-MTU comparisons and what the adaptive rounds cost.
 *
 * @module
 */
import { z } from "zod";
import { rateSchema } from "../../util/stats.ts";

const segment = z.enum(["lan", "isp", "internet"]);
const family = z.union([z.literal(4), z.literal(6)]);
const series = z.object({ intervalMs: z.number(), samples: z.array(z.number().nullable()) })
  .strict();
const point = z.object({
  role: z.enum(["gateway", "gateway-large", "hop", "on-net", "anchor"]),
  segment,
  position: z.number(),
  name: z.string().optional(),
  target: z.string(),
  payloadBytes: z.number().optional(),
  family,
  sent: z.number(),
  lost: z.number(),
  rate: rateSchema,
  /** The original series (from the ping probe) first, then one per extra round. */
  series: z.array(series),
}).strict();
const verdict = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("clean"), family }).strict(),
  z.object({
    kind: z.literal("localised"),
    family,
    segment,
    at: z.string(),
    rate: rateSchema,
    before: z.object({ label: z.string(), rate: rateSchema }).strict().nullable(),
  }).strict(),
  z.object({
    kind: z.literal("unlocalised"),
    family,
    from: segment,
    to: segment,
    at: z.string(),
    rate: rateSchema,
  }).strict(),
  z.object({ kind: z.literal("undecided"), family, segment, at: z.string(), rate: rateSchema })
    .strict(),
]);
const size = z.object({
  target: z.string(),
  family,
  payloadBytes: z.number(),
  kind: z.enum(["size-dependent", "none", "undecided"]),
  small: rateSchema,
  large: rateSchema,
}).strict();
/** The schema of `path.loss` data. */
export const pathLossSchema = z.object({
  /** Loss up to this share is healthy; a finding needs its interval above it. */
  healthyLoss: z.number(),
  points: z.array(point),
  verdicts: z.array(verdict),
  /** Near-MTU echoes to the router against small ones at the same time. */
  sizes: z.array(size),
  adaptive: z.object({
    budgetMs: z.number(),
    /** Time the extra rounds took. */
    usedMs: z.number(),
    rounds: z.number(),
    /** Series run at once per point in each extra round. */
    streams: z.number(),
    /** Echoes added per point, at most. */
    addedEchoes: z.number(),
  }).strict(),
}).strict();
