/**
 * What a watch session keeps beside its plan in the history, so that a restarted watch, a
 * scheduled tick or `watch report` can go on exactly as it began: where its report goes,
 * which config it measures, the busy hours and time zone, the thresholds, and the consent it
 * started under. Validated when read back.
 *
 * @module
 */
import { z } from "zod";
import { DATA_CATEGORIES } from "../util/data_categories.ts";
import { InvalidInputError } from "../util/errors.ts";
import { formatIssues } from "../util/zod_issues.ts";

const category = z.enum(DATA_CATEGORIES);

/** The settings of one watch session. */
export const watchSettingsSchema = z.object({
  /** The report's id (fixed for the session, so its folder stays the same). */
  reportId: z.string().min(1),
  /** Where the report is written. */
  outDir: z.string().min(1),
  lang: z.enum(["ja", "en"]),
  /** `--config FILE` (absolute), or null for the brand's default. */
  configFile: z.string().nullable(),
  jitter: z.number().min(0).max(0.5),
  burst: z.object({ everyMs: z.number().int().positive(), forMs: z.number().int().positive() })
    .strict().nullable(),
  busyHours: z.object({ from: z.number().int(), to: z.number().int() }).strict(),
  timeZone: z.string(),
  utcOffsetMinutes: z.number().int(),
  analysis: z.object({
    lossLimit: z.number(),
    slowAddedMs: z.number(),
    slowFactor: z.number(),
  }).strict(),
  granted: z.array(category),
  refused: z.array(category),
  /** True for a watch the OS schedule drives (`watch install`). */
  installed: z.boolean(),
}).strict();
/** The settings of one watch session. */
export type WatchSettings = z.infer<typeof watchSettingsSchema>;

/**
 * Reads settings back from the history.
 *
 * @throws {InvalidInputError} naming the session and the wrong fields
 */
export function parseSettings(sessionId: string, raw: unknown): WatchSettings {
  const r = watchSettingsSchema.safeParse(raw);
  if (!r.success) {
    const why = formatIssues(r.error.issues);
    throw new InvalidInputError({
      ja: `監視 ${sessionId} の設定が壊れています: ${why}`,
      en: `The settings of watch ${sessionId} are damaged: ${why}`,
    });
  }
  return r.data;
}
