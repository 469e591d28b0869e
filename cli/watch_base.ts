/**
 * The flags of every measuring form of `kiriwake watch` (the watch itself and
 * `watch install`), checked, and the config and consent they need before anything starts.
 *
 * @module
 */
import { join } from "node:path";
import { ensureConsent } from "./consent_gate.ts";
import type { CommandContext, Io } from "../session/command.ts";
import { prepareRun } from "../session/prepare.ts";
import type { WatchOptions } from "../session/watch.ts";
import { UsageError } from "../util/errors.ts";
import { deviceZone } from "../watch/local_time.ts";
import { parseDuration, parseUntil } from "../watch/schedule.ts";

/** The options `watch` parses. */
export const OPTIONS = {
  every: { type: "string" },
  for: { type: "string" },
  until: { type: "string" },
  burst: { type: "string" },
  "burst-for": { type: "string" },
  out: { type: "string" },
  config: { type: "string" },
  "accept-terms": { type: "string" },
  consent: { type: "string" },
  json: { type: "boolean" },
  quiet: { type: "boolean" },
} as const;

/** The flags every measuring form of `watch` takes. */
export type WatchFlags = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]["type"] extends "boolean" ? boolean : string;
};

/**
 * Everything a measuring `watch` needs before it starts: the flags checked, the config and
 * consent. Shared by the foreground watch and `watch install`.
 *
 * @throws {UsageError} for bad or conflicting flags
 */
export async function watchBase(
  io: Io,
  ctx: CommandContext,
  values: WatchFlags,
  dataDir: string,
): Promise<Omit<WatchOptions, "signal">> {
  const now = ctx.now().getTime();
  const dur = (flag: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    try {
      return parseDuration(v);
    } catch (e) {
      throw new UsageError({
        ja: `--${flag}: ${(e as Error).message}`,
        en: `--${flag}: ${(e as Error).message}`,
      });
    }
  };
  if (values.for !== undefined && values.until !== undefined) {
    throw new UsageError({
      ja: "--for と --until は同時に使えません",
      en: "--for and --until cannot be used together",
    });
  }
  if (values.out === "") throw new UsageError({ ja: "--out が空です", en: "--out is empty" });
  const everyMs = dur("every", values.every);
  if (everyMs !== undefined && everyMs < 1000) {
    throw new UsageError({ ja: "--every は 1 秒以上です", en: "--every must be at least 1 s" });
  }
  const forMs = dur("for", values.for);
  let untilAt: number | null = forMs !== undefined ? now + forMs : null;
  if (values.until !== undefined) {
    try {
      untilAt = parseUntil(values.until, now, deviceZone(ctx.now()).utcOffsetMinutes);
    } catch (e) {
      throw new UsageError({
        ja: `--until: ${(e as Error).message}`,
        en: `--until: ${(e as Error).message}`,
      });
    }
    if (untilAt <= now) {
      throw new UsageError({ ja: "--until が過去の時刻です", en: "--until is in the past" });
    }
  }
  const burstEvery = dur("burst", values.burst);
  const burstFor = dur("burst-for", values["burst-for"]);
  if (burstFor !== undefined && burstEvery === undefined) {
    throw new UsageError({
      ja: "--burst-for には --burst が必要です",
      en: "--burst-for needs --burst",
    });
  }
  const { config, notes } = await prepareRun({
    brand: ctx.brand,
    configDir: ctx.configDir,
    configFile: values.config,
  });
  if (!values.quiet) io.err(notes(ctx.lang, values.quiet));
  const grant = await ensureConsent({
    brand: ctx.brand,
    lang: ctx.lang,
    io,
    dir: ctx.configDir,
    now: ctx.now(),
    acceptTerms: values["accept-terms"],
    consent: values.consent,
  });
  if (!values.quiet) { for (const w of grant.warnings) io.err(`${w[ctx.lang]}\n`); }
  return {
    brand: ctx.brand,
    lang: ctx.lang,
    grant,
    config,
    dataDir,
    outDir: values.out,
    reportsDir: join(io.env("HOME") ?? io.env("USERPROFILE") ?? ".", "kiriwake-reports"),
    everyMs,
    untilAt,
    burst: burstEvery !== undefined
      ? { everyMs: burstEvery, forMs: burstFor ?? 30 * 60_000 }
      : null,
  };
}
