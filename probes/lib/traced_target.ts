/**
 * The record of one traced target in `path.trace`: per-hop loss and RTT over several rounds,
 * whether the target was reached, and where loss starts and persists.
 *
 * @module
 */
import { z } from "zod";
import { localizedSchema } from "../../util/text.ts";

const localized = localizedSchema;
const hop = z.object({
  ttl: z.number(),
  sent: z.number(),
  received: z.number(),
  lossPercent: z.number(),
  addresses: z.array(z.string()),
  rtt: z.object({ minMs: z.number(), avgMs: z.number(), maxMs: z.number() }).strict().nullable(),
  annotations: z.array(z.string()),
  lossKind: z.enum(["none", "no-reply", "rate-limit", "persistent", "end-to-end", "unknown"]),
}).strict();
/** One traced target as `path.trace` records it. */
export const tracedTargetSchema = z.object({
  name: z.string().optional(),
  target: z.string(),
  family: z.union([z.literal(4), z.literal(6)]),
  status: z.enum(["ok", "warn", "fail", "skipped", "error"]),
  reason: localized.optional(),
  /** Which program traced (traceroute, tracepath, tracert), and how many rounds ran. */
  tool: z.string().nullable(),
  rounds: z.number(),
  reached: z.boolean(),
  hops: z.array(hop),
  endLossPercent: z.number().nullable(),
  rateLimitedHops: z.array(z.number()),
  persistentLossFrom: z.number().nullable(),
}).strict();
/** One traced target. */
export type TracedTarget = z.infer<typeof tracedTargetSchema>;
