/**
 * One tick of a scheduled watch (`kiriwake watch tick`, fired by the OS schedule that
 * `watch install` made): if the installed watch is on and not paused, wait a random moment
 * (off the hour), take one sample, store it, rewrite the watch report, and exit. Between
 * ticks no kiriwake process runs at all. A tick that finds the watch stopped or past its end
 * writes the final report and does nothing more.
 *
 * @module
 */
import { join } from "node:path";
import type { ReportPaths } from "../report/store.ts";
import { loadTagKey } from "../watch/privacy.ts";
import { OFF_HOUR_MS, offTheHour } from "../watch/schedule.ts";
import { activeSession, openHistory, throughputBudget, type WatchOptions } from "./watch.ts";
import { writeWatchReport } from "./watch_report.ts";
import { takeSample } from "./watch_sample.ts";
import { parseSettings } from "./watch_settings.ts";

/** What a tick did. */
export type TickOutcome =
  | { did: "nothing"; why: "no-watch" | "paused" | "too-soon" }
  | { did: "sampled" | "ended"; paths: ReportPaths };

/** Options of a tick: a watch's, plus how long the random wait may be. */
export type TickOptions =
  & Pick<WatchOptions, "brand" | "lang" | "grant" | "config" | "dataDir" | "exec" | "signal">
  & {
    now?: () => number;
    /** Waits before sampling (tests pass one that does not). */
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
  };

/** The longest random wait of a tick, ms (the OS adds its own delay where it has one). */
const MAX_TICK_WAIT_MS = 60_000;

/** Runs one tick. */
export async function watchTick(opts: TickOptions): Promise<TickOutcome> {
  const now = opts.now ?? (() => Date.now());
  const random = opts.random ?? Math.random;
  const store = openHistory(opts.dataDir);
  try {
    const session = activeSession(store);
    if (!session) return { did: "nothing", why: "no-watch" };
    const settings = parseSettings(session.id, session.settings);
    if (!settings.installed) return { did: "nothing", why: "no-watch" };
    const base = {
      store,
      settings,
      brand: opts.brand,
      lang: opts.lang,
      grant: opts.grant,
      config: opts.config,
    };
    const t = now();
    if (session.stopRequested || (session.untilAt !== null && t >= session.untilAt)) {
      const end = {
        at: session.stopRequested ? t : session.untilAt!,
        reason: session.stopRequested ? "stopped" as const : "time" as const,
      };
      store.updateSession(session.id, { endedAt: end.at, endReason: end.reason, nextAt: null });
      const { paths } = await writeWatchReport({
        ...base,
        session: store.session(session.id)!,
        end,
      });
      return { did: "ended", paths };
    }
    if (session.pausedUntil !== null && session.pausedUntil > t) {
      return { did: "nothing", why: "paused" };
    }
    const { count, lastAt } = store.sampleCount(session.id);
    // Two firings close together (a wake-up and a catch-up): one sample is enough.
    if (lastAt !== null && t - lastAt < session.everyMs / 2) {
      return { did: "nothing", why: "too-soon" };
    }
    if (session.pausedUntil !== null && lastAt !== null && session.pausedUntil > lastAt) {
      store.addGap(session.id, { from: lastAt, to: session.pausedUntil, reason: "paused" });
      store.updateSession(session.id, { pausedUntil: null });
    }
    // A random moment, kept off the full hour, before measuring.
    const wait = Math.round(
      random() * Math.min(MAX_TICK_WAIT_MS, settings.jitter * session.everyMs),
    );
    const at = offTheHour(t + wait, OFF_HOUR_MS, settings.utcOffsetMinutes);
    await (opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(Math.max(0, at - t));
    const tagKey = await loadTagKey(join(opts.dataDir, "watch"));
    const budget = throughputBudget(store, session, opts);
    const taken = await takeSample(
      {
        config: opts.config.config,
        lang: opts.lang,
        grant: opts.grant,
        tagKey,
        exec: opts.exec,
        signal: opts.signal,
      },
      { first: count === 0, throughputBytes: budget.due(now()) },
      now(),
    );
    store.addSample(session.id, taken.sample);
    store.updateSession(session.id, {
      pid: Deno.pid,
      heartbeatAt: now(),
      nextAt: now() + session.everyMs,
    });
    if ((count + 1) % 50 === 0) store.rotate(opts.config.config.watch.store, now());
    const { paths } = await writeWatchReport({
      ...base,
      session: store.session(session.id)!,
      last: taken,
    });
    return { did: "sampled", paths };
  } finally {
    store.close();
  }
}
