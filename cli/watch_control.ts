/**
 * `kiriwake watch status | pause [DURATION] | resume | stop`: read and steer the watch that
 * runs (in a terminal, or by the OS schedule) through its history. They measure nothing and
 * send nothing, so they need no consent; `pause` and `stop` write the control the watch reads
 * every few seconds.
 *
 * @module
 */
import type { CommandContext, Io } from "../session/command.ts";
import { activeSession, openHistory } from "../session/watch.ts";
import { type WatchStatus, watchStatus } from "../session/watch_status.ts";
import { parseSettings } from "../session/watch_settings.ts";
import { EXIT, UsageError } from "../util/errors.ts";
import type { Lang } from "../util/text.ts";
import { clockTime } from "../watch/local_time.ts";
import { parseDuration } from "../watch/schedule.ts";
import type { SessionRow, WatchStore } from "../watch/store.ts";

/** The subcommands of this file, by name. */
export const CONTROL = {
  status: statusCommand,
  pause: pauseCommand,
  resume: resumeCommand,
  stop: stopCommand,
};

function statusCommand(
  args: string[],
  io: Io,
  ctx: CommandContext,
  dataDir: string,
  json: boolean,
): Promise<number> {
  noArgs("status", args);
  const store = openHistory(dataDir);
  let st: WatchStatus;
  try {
    st = watchStatus(store, ctx.now().getTime(), ctx.lang);
  } finally {
    store.close();
  }
  if (json) io.out(JSON.stringify(st, null, 2) + "\n");
  else io.out(statusText(st, ctx.lang));
  return Promise.resolve(EXIT.ok);
}

function statusText(st: WatchStatus, lang: Lang): string {
  const ja = lang === "ja";
  if (st.state === "none") return ja ? "監視の記録はありません\n" : "No watch has run yet\n";
  const word = {
    running: { ja: "実行中", en: "running" },
    paused: { ja: "一時停止中", en: "paused" },
    stalled: {
      ja: "止まっています (プロセスが見つかりません)",
      en: "not running (its process is gone)",
    },
    ended: { ja: "終了", en: "ended" },
    none: { ja: "", en: "" },
  }[st.state][lang];
  const t = (iso: string | null) => (iso ? clockOf(iso) : "–");
  const lines = [
    `${ja ? "監視" : "Watch"} ${st.session}: ${word}${
      st.installed ? (ja ? " (OS のスケジュール)" : " (OS schedule)") : ""
    }`,
    ja
      ? `  開始 ${t(st.startedAt)}、${st.samples} 回測定、最後 ${t(st.lastSampleAt)}${
        st.state === "running" ? `、次 ${t(st.nextAt)}` : ""
      }${st.untilAt ? `、終了予定 ${t(st.untilAt)}` : ""}`
      : `  started ${t(st.startedAt)}, ${st.samples} samples, last ${t(st.lastSampleAt)}${
        st.state === "running" ? `, next ${t(st.nextAt)}` : ""
      }${st.untilAt ? `, ends ${t(st.untilAt)}` : ""}`,
    ...(st.state === "paused"
      ? [ja ? `  ${t(st.pausedUntil)} まで一時停止` : `  paused until ${t(st.pausedUntil)}`]
      : []),
    ...st.events.map((e) => `  - ${e.detail}`),
    `  ${st.verdict ?? ""}`,
    `  ${ja ? "レポート" : "Report"}: ${st.report}`,
  ];
  return lines.join("\n") + "\n";
}

function clockOf(iso: string): string {
  const ms = Date.parse(iso);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";
  const d = new Date(ms);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${
    String(d.getDate()).padStart(2, "0")
  }`;
  return `${day} ${clockTime(ms, zone, true)}`;
}

async function pauseCommand(
  args: string[],
  io: Io,
  ctx: CommandContext,
  dataDir: string,
): Promise<number> {
  if (args.length > 1) throw usage("pause", args.slice(1));
  let ms: number;
  try {
    ms = parseDuration(args[0] ?? "1h");
  } catch (e) {
    throw new UsageError({
      ja: `watch pause: ${(e as Error).message}`,
      en: `watch pause: ${(e as Error).message}`,
    });
  }
  return await steer(io, ctx, dataDir, (store, s, now) => {
    store.updateSession(s.id, { pausedUntil: now + ms });
    return ctx.lang === "ja"
      ? `監視を ${clockOf(new Date(now + ms).toISOString())} まで一時停止しました\n`
      : `The watch is paused until ${clockOf(new Date(now + ms).toISOString())}\n`;
  });
}

async function resumeCommand(args: string[], io: Io, ctx: CommandContext, dataDir: string) {
  noArgs("resume", args);
  return await steer(io, ctx, dataDir, (store, s, now) => {
    // The end of the pause moves to now: the watch (or the next tick) records the gap.
    if (s.pausedUntil !== null && s.pausedUntil > now) {
      store.updateSession(s.id, { pausedUntil: now });
    }
    return ctx.lang === "ja" ? "監視を再開しました\n" : "The watch goes on\n";
  });
}

async function stopCommand(args: string[], io: Io, ctx: CommandContext, dataDir: string) {
  noArgs("stop", args);
  return await steer(io, ctx, dataDir, (store, s) => {
    store.updateSession(s.id, { stopRequested: true });
    const installed = parseSettings(s.id, s.settings).installed;
    return ctx.lang === "ja"
      ? `監視を止めます。数秒以内に最終レポートを書きます${
        installed ? " (OS のスケジュールは kiriwake watch uninstall で解除)" : ""
      }\n`
      : `The watch will stop and write its final report within seconds${
        installed ? " (remove the OS schedule with kiriwake watch uninstall)" : ""
      }\n`;
  });
}

function steer(
  io: Io,
  ctx: CommandContext,
  dataDir: string,
  act: (store: WatchStore, s: SessionRow, now: number) => string,
): Promise<number> {
  const store = openHistory(dataDir);
  try {
    const s = activeSession(store);
    if (!s) {
      io.err(ctx.lang === "ja" ? "実行中の監視はありません\n" : "No watch is running\n");
      return Promise.resolve(EXIT.usage);
    }
    io.err(act(store, s, ctx.now().getTime()));
    return Promise.resolve(EXIT.ok);
  } finally {
    store.close();
  }
}

function noArgs(name: string, args: string[]) {
  if (args.length) throw usage(name, args);
}

function usage(name: string, extra: string[]): UsageError {
  return new UsageError({
    ja: `watch ${name}: 余分な引数があります: ${extra.join(" ")}`,
    en: `watch ${name}: unexpected argument(s): ${extra.join(" ")}`,
  });
}
