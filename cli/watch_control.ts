/**
 * `kiriwake watch status | pause [DURATION] | resume | stop`: read and steer the watch that
 * runs (in a terminal, or by the OS schedule) through its history. They measure nothing and
 * send nothing, so they need no consent; `pause` and `stop` write the control the watch reads
 * every few seconds.
 *
 * @module
 */
import { join } from "node:path";
import type { CommandContext, Io } from "../session/command.ts";
import { activeSession, isAlive, openHistory } from "../session/watch.ts";
import { parseSettings } from "../session/watch_settings.ts";
import { EXIT, UsageError } from "../util/errors.ts";
import type { Lang } from "../util/text.ts";
import { clockTime } from "../watch/local_time.ts";
import { watchReportData } from "../watch/report_data.ts";
import { parseDuration } from "../watch/schedule.ts";
import type { SessionRow, WatchStore } from "../watch/store.ts";

/** The state `watch status` reports. */
export interface WatchStatus {
  state: "none" | "running" | "paused" | "stalled" | "ended";
  session: string | null;
  installed: boolean;
  startedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  untilAt: string | null;
  everyMs: number | null;
  samples: number;
  lastSampleAt: string | null;
  nextAt: string | null;
  pausedUntil: string | null;
  events: { kind: string; segment: string; from: string; to: string | null; detail: string }[];
  verdict: string | null;
  report: string | null;
}

/** Reads the latest watch's state from the history. */
export function watchStatus(store: WatchStore, now: number, lang: Lang): WatchStatus {
  const s = store.latestSession();
  if (!s) {
    return {
      state: "none",
      session: null,
      installed: false,
      startedAt: null,
      endedAt: null,
      endReason: null,
      untilAt: null,
      everyMs: null,
      samples: 0,
      lastSampleAt: null,
      nextAt: null,
      pausedUntil: null,
      events: [],
      verdict: null,
      report: null,
    };
  }
  const settings = parseSettings(s.id, s.settings);
  const samples = store.samples(s.id);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const { block } = watchReportData(
    {
      id: s.id,
      startedAt: new Date(s.startedAt).toISOString(),
      endedAt: iso(s.endedAt),
      endReason: null,
      everyMs: s.everyMs,
      burst: settings.burst,
      busyHours: settings.busyHours,
      timeZone: settings.timeZone,
      utcOffsetMinutes: settings.utcOffsetMinutes,
      accessType: samples.find((x) => x.accessType)?.accessType ?? null,
    },
    samples,
    store.gaps(s.id),
    settings.analysis,
  );
  const state = s.endedAt !== null
    ? "ended"
    : s.pausedUntil !== null && s.pausedUntil > now
    ? "paused"
    : isAlive(s, now)
    ? "running"
    : "stalled";
  return {
    state,
    session: s.id,
    installed: settings.installed,
    startedAt: iso(s.startedAt),
    endedAt: iso(s.endedAt),
    endReason: s.endReason,
    untilAt: iso(s.untilAt),
    everyMs: s.everyMs,
    samples: samples.length,
    lastSampleAt: iso(samples.at(-1)?.at ?? null),
    nextAt: iso(s.nextAt),
    pausedUntil: iso(s.pausedUntil),
    events: block.events.filter((e) => e.kind !== "gap").map((e) => ({
      kind: e.kind,
      segment: e.segment,
      from: e.from,
      to: e.to,
      detail: e.detail[lang],
    })),
    verdict: block.verdict[lang],
    report: join(settings.outDir, "report.json"),
  };
}

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
