/**
 * A watch scenario: a watch in compressed time (`--every 5s --for 3m`) while faults come and
 * go on a timeline, and the events its report must show — each window found within one
 * interval, attributed to the right segment — with no other event. Files live in
 * `tests/system/scenarios/watch/` (the `watch` group of `deno task scenarios`); see
 * `docs/scenarios.md`.
 *
 * @module
 */
import { z } from "zod";
import { faultSchema } from "./scenario_schema.ts";

const segment = z.enum(["lan", "isp", "dns", "internet", "device"]);
const kind = z.enum([
  "outage",
  "loss",
  "slow",
  "dns-failure",
  "wifi-roam",
  "wifi-signal",
  "address-change",
  "gap",
]);

/** A span of the timeline during which some faults hold. */
export const windowSchema = z.object({
  /** Seconds after the watch's first sample when the faults go in. */
  at: z.number().nonnegative(),
  /** Seconds after the first sample when they are taken out (the lab is reset). */
  until: z.number().positive(),
  faults: z.array(faultSchema).min(1),
  /** The event this window must make. */
  expect: z.object({
    segment,
    /** Event kinds that count (a heavy loss window may show dark samples: an outage). */
    kinds: z.array(kind).min(1),
  }).strict(),
}).strict();
/** One window of faults. */
export type FaultWindow = z.infer<typeof windowSchema>;

/** A watch scenario file. */
export const watchScenarioSchema = z.object({
  $schema: z.string().optional(),
  name: z.string().min(1).optional(),
  description: z.string().min(1),
  /** `--every` and `--for` of the watch. */
  every: z.string().default("5s"),
  for: z.string().default("3m"),
  /** Faults that hold for the whole watch: noise a healthy line has (ICMP rate limiting). */
  noise: z.array(faultSchema).default([]),
  timeline: z.array(windowSchema).default([]),
  /** Deep-merged into the lab's watch config (objects merge, arrays replace). */
  config: z.record(z.string(), z.unknown()).default({}),
  /** Event kinds that may appear without counting as false alarms (say why in the description). */
  allow: z.array(kind).default([]),
  /** Part of the short sample CI runs (keep the total to a few minutes). */
  ci: z.boolean().default(false),
}).strict().refine((s) => s.timeline.every((w) => w.until > w.at), {
  message: "every window must end after it starts (until > at)",
  path: ["timeline"],
});
/** A validated watch scenario. */
export type WatchScenario = z.infer<typeof watchScenarioSchema> & { name: string; file: string };
