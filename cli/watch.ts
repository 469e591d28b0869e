/**
 * `kiriwake watch`: samples the connection for hours and writes a watch report that says
 * when which segment dropped, lost packets or slowed, and whether the evening is worse.
 *
 * ```
 * kiriwake watch [--every 10m] [--for 24h | --until TIME] [--burst 2m --burst-for 30m]
 *                [--out DIR] [--config FILE] [--accept-terms V --consent LIST] [--quiet] [--json]
 * kiriwake watch status [--json] | pause [1h] | resume | stop
 * kiriwake watch install [same flags] | uninstall | tick
 * ```
 *
 * The same consent rules and flags as `run`: nothing is measured before the terms are
 * accepted and the categories consented.
 *
 * @module
 */
import { join } from "node:path";
import { ensureConsent } from "./consent_gate.ts";
import { rememberReport } from "../consent/report_list.ts";
import type { Command, CommandContext, Io } from "../session/command.ts";
import { prepareRun } from "../session/prepare.ts";
import { runWatch, type WatchOptions } from "../session/watch.ts";
import { parseCommandArgs } from "../util/args.ts";
import { userDataDir } from "../util/config_dir.ts";
import { EXIT, UsageError } from "../util/errors.ts";
import type { Lang } from "../util/text.ts";
import { clockTime, deviceZone } from "../watch/local_time.ts";
import { pathState } from "../watch/path_state.ts";
import type { Sample } from "../watch/sample.ts";
import { parseDuration, parseUntil } from "../watch/schedule.ts";
import { CONTROL } from "./watch_control.ts";
import { SCHEDULE } from "./watch_schedule.ts";

const OPTIONS = {
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

/** Watches. Exit 0: nothing found; 1: an event or a busy-hours problem; 130: interrupted. */
export const watchCommand: Command = async (args, io, ctx) => {
  const { values, positionals } = parseCommandArgs("watch", args, OPTIONS, 2);
  const [sub, ...rest] = positionals;
  const dataDir = userDataDir(ctx.brand.id, Deno.build.os, io.env);
  if (sub && sub in CONTROL) {
    return await CONTROL[sub as keyof typeof CONTROL](rest, io, ctx, dataDir, values.json ?? false);
  }
  if (sub && sub in SCHEDULE) {
    return await SCHEDULE[sub as keyof typeof SCHEDULE](rest, io, ctx, dataDir, values);
  }
  if (sub) {
    throw new UsageError({
      ja:
        `watch: 不明なサブコマンド "${sub}" (status, pause, resume, stop, install, uninstall, tick)`,
      en:
        `watch: unknown subcommand "${sub}" (status, pause, resume, stop, install, uninstall, tick)`,
    });
  }
  const base = await watchBase(io, ctx, values, dataDir);
  const controller = new AbortController();
  const onSignal = () => controller.abort("SIGINT");
  Deno.addSignalListener("SIGINT", onSignal);
  const term = Deno.build.os === "windows" ? null : onSignal;
  if (term) Deno.addSignalListener("SIGTERM", term);
  let result;
  try {
    result = await runWatch({
      ...base,
      signal: controller.signal,
      onSession: (s, resumed) => {
        if (values.quiet) return;
        const until = s.untilAt === null ? null : new Date(s.untilAt).toISOString();
        io.err(sessionLine(ctx.lang, resumed, s.everyMs, until));
      },
      onSample: values.quiet ? undefined : (s, n) => io.err(sampleLine(s, n, ctx.lang)),
    });
  } finally {
    Deno.removeSignalListener("SIGINT", onSignal);
    if (term) Deno.removeSignalListener("SIGTERM", term);
  }
  await rememberReport(ctx.configDir, result.paths.json, ctx.now()).catch(() => {});
  const { report } = result;
  const fault = Object.values(report.diagnosis.segments).some((s) =>
    s.verdict === "fail" || s.verdict === "warn"
  );
  const code = result.end === "interrupted" ? 130 : fault ? EXIT.faultFound : EXIT.ok;
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          reportId: report.id,
          report: result.paths.json,
          session: result.session.id,
          end: result.end,
          exitCode: code,
          verdict: report.watch!.verdict,
          events: report.watch!.events.map((e) => ({
            kind: e.kind,
            segment: e.segment,
            from: e.from,
            to: e.to,
            samples: e.samples,
          })),
          timeOfDay: report.watch!.timeOfDay.map((t) => ({
            segment: t.segment,
            verdict: t.verdict,
          })),
          samples: report.watch!.samples.t.length,
          digest: report.digest.value,
        },
        null,
        2,
      ) + "\n",
    );
  } else if (!values.quiet) {
    io.err(`\n${report.watch!.verdict[ctx.lang]}\n`);
    for (const e of report.watch!.events) io.err(`  - ${e.detail[ctx.lang]}\n`);
    io.err(
      ctx.lang === "ja" ? `レポート: ${result.paths.json}\n` : `Report: ${result.paths.json}\n`,
    );
  }
  return code;
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

function sessionLine(lang: Lang, resumed: boolean, everyMs: number, until: string | null): string {
  const every = everyMs >= 60_000
    ? `${Math.round(everyMs / 60_000)} min`
    : `${Math.round(everyMs / 1000)} s`;
  if (lang === "ja") {
    return `${resumed ? "中断していた監視を再開します" : "監視を始めます"}: ${every} ごと${
      until ? `、${until} まで` : "、止めるまで"
    } (Ctrl-C か kiriwake watch stop で終了)\n`;
  }
  return `${resumed ? "Resuming the unfinished watch" : "Watching"}: every ${every}${
    until ? ` until ${until}` : " until stopped"
  } (Ctrl-C or kiriwake watch stop ends it)\n`;
}

/** One line per sample: the time, and each segment's answer. */
export function sampleLine(s: Sample, n: number, lang: Lang): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";
  const st = pathState(s);
  const names = {
    lan: { ja: "ルーター", en: "router" },
    isp: { ja: "プロバイダー", en: "provider" },
    internet: { ja: "インターネット", en: "internet" },
    dns: { ja: "DNS", en: "DNS" },
  } as const;
  const parts = (["lan", "isp", "internet", "dns"] as const).flatMap((seg) => {
    const rs = s.readings.filter((r) =>
      r.segment === seg && r.role !== "public" && r.role !== "hop"
    );
    if (rs.length === 0) return [];
    const lost = rs.reduce((k, r) => k + r.lost, 0);
    const sent = rs.reduce((k, r) => k + r.sent, 0);
    const ms = rs.find((r) => r.rttMs !== null)?.rttMs;
    const word = lost === sent
      ? (lang === "ja" ? "応答なし" : "no answer")
      : `${
        ms === undefined || ms === null
          ? "–"
          : ms < 1
          ? ms.toFixed(2)
          : ms < 10
          ? ms.toFixed(1)
          : Math.round(ms)
      } ms${lost ? ` (${lang === "ja" ? "損失" : "lost"} ${lost}/${sent})` : ""}`;
    return [`${names[seg][lang]} ${word}`];
  });
  const flag = st.dark ? ` ← ${st.dark}` : st.lossAt ? ` ← loss@${st.lossAt}` : "";
  return `${clockTime(s.at, zone, true)} #${n}  ${parts.join(" · ")}${flag}\n`;
}
