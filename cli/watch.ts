/**
 * `kiriwake watch`: samples the connection for hours and writes a watch report that says
 * when which segment dropped, lost packets or slowed, and whether the evening is worse.
 *
 * ```
 * kiriwake watch [--every 10m] [--for 24h | --until TIME] [--burst 2m --burst-for 30m]
 *                [--out DIR] [--config FILE] [--accept-terms V --consent LIST] [--quiet] [--json]
 * kiriwake watch status [--json] | pause [1h] | resume | stop
 * kiriwake watch report                    (rewrite the latest watch's report from its history)
 * kiriwake watch install [same flags] | uninstall | tick
 * ```
 *
 * The same consent rules and flags as `run`: nothing is measured before the terms are
 * accepted and the categories consented.
 *
 * @module
 */
import { rememberReport } from "../consent/report_list.ts";
import type { Command } from "../session/command.ts";
import { runWatch } from "../session/watch.ts";
import { parseCommandArgs } from "../util/args.ts";
import { userDataDir } from "../util/data_dir.ts";
import { EXIT, InvalidInputError, UsageError } from "../util/errors.ts";
import type { Lang } from "../util/text.ts";
import { clockTime } from "../watch/local_time.ts";
import { pathState } from "../watch/path_state.ts";
import type { Sample } from "../watch/sample.ts";
import { OPTIONS, watchBase } from "./watch_base.ts";
import { CONTROL } from "./watch_control.ts";
import { SCHEDULE } from "./watch_schedule.ts";

/** Watches. Exit 0: nothing found; 1: an event or a busy-hours problem; 130: interrupted. */
export const watchCommand: Command = async (args, io, ctx) => {
  const { values, positionals } = parseCommandArgs("watch", args, OPTIONS, 2);
  const [sub, ...rest] = positionals;
  const dataDir = historyFolder(ctx.brand.id, io.env);
  if (sub && sub in CONTROL) {
    return await CONTROL[sub as keyof typeof CONTROL](rest, io, ctx, dataDir, values.json ?? false);
  }
  if (sub && sub in SCHEDULE) {
    return await SCHEDULE[sub as keyof typeof SCHEDULE](rest, io, ctx, dataDir, values);
  }
  if (sub) {
    throw new UsageError({
      ja:
        `watch: 不明なサブコマンド "${sub}" (status, pause, resume, stop, report, install, uninstall, tick)`,
      en:
        `watch: unknown subcommand "${sub}" (status, pause, resume, stop, report, install, uninstall, tick)`,
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

/** The data folder the history lives in; named in the error when the OS gives none. */
function historyFolder(brandId: string, env: (n: string) => string | undefined): string {
  try {
    return userDataDir(brandId, Deno.build.os, env);
  } catch {
    throw new InvalidInputError({
      ja:
        "監視の履歴を保存するフォルダーが見つかりません (HOME が未設定です)。KIRIWAKE_DATA_DIR で指定してください",
      en:
        "Cannot find the per-user data folder for the watch history (HOME is not set); name one with KIRIWAKE_DATA_DIR",
    });
  }
}
