/**
 * Judges a watch report against the windows a scenario put in: each window must be matched by
 * an event of the expected segment and kind that starts within one interval of the moment the
 * faults went in and ends within one interval of the moment they came out ("one interval":
 * the interval with its jitter, plus the time a sample takes, since a sample that began just
 * before the change sees part of it). Any other event, besides gaps and allowed kinds, is a
 * false alarm. Pure.
 *
 * @module
 */
import type { WatchBlock, WatchEvent } from "../../report/watch_schema.ts";
import type { FaultWindow } from "./watch_scenario_schema.ts";

/** A window as it really happened: when its faults went in and came out (ms). */
export interface AppliedWindow {
  window: FaultWindow;
  appliedAt: number;
  clearedAt: number;
}

/** How one window was found. */
export interface WindowMatch {
  expected: string;
  /** The event that matched, or null. */
  event: WatchEvent | null;
  /** Event start minus fault start, and event end minus fault end, s (null: no event/end). */
  startDelta: number | null;
  endDelta: number | null;
  ok: boolean;
  why?: string;
}

/** The judgement of one watch scenario run. */
export interface WatchJudgement {
  correct: boolean;
  windows: WindowMatch[];
  falseAlarms: WatchEvent[];
  /** The tolerance used either side, s. */
  toleranceS: number;
}

/** Judges `w` against the windows applied. */
export function judgeWatch(
  w: WatchBlock,
  applied: readonly AppliedWindow[],
  opts: { jitter: number; allow: readonly string[] },
): WatchJudgement {
  const maxSampleMs = Math.max(0, ...w.samples.durationMs);
  const tolMs = w.session.everyMs * (1 + opts.jitter) + maxSampleMs + 1000;
  const end = w.session.endedAt ? Date.parse(w.session.endedAt) : Infinity;
  const used = new Set<string>();
  const windows = applied.map((a): WindowMatch => {
    const exp = a.window.expect;
    const label = `${exp.kinds.join("|")}@${exp.segment}`;
    const candidates = w.events.filter((e) =>
      !used.has(e.id) && e.segment === exp.segment && exp.kinds.includes(e.kind) &&
      Date.parse(e.from) >= a.appliedAt - maxSampleMs - 1000 &&
      Date.parse(e.from) <= a.appliedAt + tolMs
    );
    const e = candidates[0] ?? null;
    if (!e) {
      return {
        expected: label,
        event: null,
        startDelta: null,
        endDelta: null,
        ok: false,
        why: "no event",
      };
    }
    used.add(e.id);
    const startDelta = (Date.parse(e.from) - a.appliedAt) / 1000;
    const endDelta = e.to === null ? null : (Date.parse(e.to) - a.clearedAt) / 1000;
    // A window that outlasted the watch may end with the watch; otherwise its end is checked.
    const endOk = a.clearedAt >= end
      ? e.to === null || Date.parse(e.to) >= a.appliedAt
      : e.to !== null && Date.parse(e.to) >= a.clearedAt - maxSampleMs - 1000 &&
        Date.parse(e.to) <= a.clearedAt + tolMs;
    return {
      expected: label,
      event: e,
      startDelta,
      endDelta,
      ok: endOk,
      ...(endOk ? {} : { why: `ends ${e.to ?? "never"}` }),
    };
  });
  const falseAlarms = w.events.filter((e) =>
    !used.has(e.id) && e.kind !== "gap" && !opts.allow.includes(e.kind)
  );
  return {
    correct: windows.every((m) => m.ok) && falseAlarms.length === 0,
    windows,
    falseAlarms,
    toleranceS: tolMs / 1000,
  };
}
