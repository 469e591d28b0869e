/**
 * What `watch status` (and the app's watch page) report: the latest watch's state, its
 * samples, its events so far and its verdict so far, read from the history. Pure apart from
 * the store.
 *
 * @module
 */
import { join } from "node:path";
import type { Lang } from "../util/text.ts";
import { watchReportData } from "../watch/report_data.ts";
import type { WatchStore } from "../watch/store.ts";
import { isAlive } from "./watch.ts";
import { parseSettings } from "./watch_settings.ts";

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
