/**
 * One watch, from consent already given to the watch report: opens the history, starts a
 * session (or resumes the one a killed or restarted watch left unfinished — the series goes
 * on, the time it was not running becomes a gap), runs the loop with the light sampler,
 * stores every sample, rewrites an interim report now and then and the final one at the end.
 * The terminal (`cli/watch.ts`), the OS schedule (`watch tick`) and the browser's offer all
 * start watches here.
 *
 * @module
 */
import { join, resolve } from "node:path";
import type { Brand } from "../brand/schema.ts";
import type { Grant } from "../consent/gate.ts";
import type { LoadedConfig } from "../probes/config_load.ts";
import type { ExecFn } from "../probes/lib/exec.ts";
import type { ReportPaths } from "../report/store.ts";
import type { Report } from "../report/schema.ts";
import { RefusedError } from "../util/errors.ts";
import type { Lang } from "../util/text.ts";
import { deviceZone } from "../watch/local_time.ts";
import { type LoopEnd, watchLoop } from "../watch/loop.ts";
import { pathState } from "../watch/path_state.ts";
import { loadTagKey } from "../watch/privacy.ts";
import type { Sample } from "../watch/sample.ts";
import { type SessionRow, WatchStore } from "../watch/store.ts";
import { reportId } from "./run.ts";
import { writeWatchReport } from "./watch_report.ts";
import { type TakenSample, takeSample } from "./watch_sample.ts";
import { parseSettings, type WatchSettings } from "./watch_settings.ts";

/** The history's file inside the data directory. */
export function historyPath(dataDir: string): string {
  return join(dataDir, "watch", "history.sqlite");
}

/** Opens the history of `dataDir`. */
export function openHistory(dataDir: string): WatchStore {
  return WatchStore.open(historyPath(dataDir));
}

/** What a watch is started with. */
export interface WatchOptions {
  brand: Brand;
  lang: Lang;
  grant: Grant;
  config: LoadedConfig;
  /** The per-user data directory (the history lives in it). */
  dataDir: string;
  /** `--out DIR`; default `<reports>/<report id>`. */
  outDir?: string;
  /** Where reports go by default (`~/kiriwake-reports`). */
  reportsDir: string;
  /** `--every`; default the config's `watch.everyMs`. */
  everyMs?: number;
  /** When the watch ends (ms); null: until stopped. */
  untilAt: number | null;
  burst: { everyMs: number; forMs: number } | null;
  /** A watch the OS schedule drives (`watch install`). */
  installed?: boolean;
  signal?: AbortSignal;
  exec?: ExecFn;
  now?: () => number;
  /** Called after each stored sample (the terminal prints a line). */
  onSample?: (s: Sample, count: number) => void;
  /** Called once the session is known: started fresh, or resumed. */
  onSession?: (s: SessionRow, resumed: boolean) => void;
}

/** How a watch ended and where its report is. */
export interface WatchResult {
  session: SessionRow;
  end: LoopEnd;
  report: Report;
  paths: ReportPaths;
}

/** A watch counts as running while its next promised sample is at most this late. */
const GRACE_MS = 120_000;
/** The interim report is rewritten at most this often. */
const INTERIM_MS = 30 * 60_000;

/** True when the process behind `s` still keeps its promises (a sample by `nextAt`). */
export function isAlive(s: SessionRow, now: number): boolean {
  if (s.endedAt !== null) return false;
  const due = s.nextAt ?? s.heartbeatAt ?? s.startedAt;
  return now <= due + GRACE_MS + Math.min(s.everyMs, 600_000);
}

/** The unfinished session, if any: the latest one not ended. */
export function activeSession(store: WatchStore): SessionRow | null {
  const s = store.latestSession();
  return s && s.endedAt === null ? s : null;
}

/**
 * Creates a session for a fresh watch. Pure apart from the store.
 */
export function createSession(store: WatchStore, opts: WatchOptions, now: number): SessionRow {
  const w = opts.config.config.watch;
  const zone = deviceZone(new Date(now));
  // The report's id says it is a watch: 20261203T120000Z-watch-1a2b3c.
  const stamp = reportId(new Date(now));
  const id = stamp.replace("-", "-watch-");
  const settings: WatchSettings = {
    reportId: id,
    outDir: resolve(opts.outDir ?? join(opts.reportsDir, id)),
    lang: opts.lang,
    configFile: opts.config.source === "brand default" ? null : opts.config.source,
    jitter: w.jitter,
    burst: opts.burst,
    busyHours: w.busyHours,
    ...zone,
    analysis: { lossLimit: w.lossLimit, slowAddedMs: w.slowAddedMs, slowFactor: w.slowFactor },
    granted: opts.grant.granted,
    refused: opts.grant.refused,
    installed: opts.installed ?? false,
  };
  store.createSession({
    id,
    startedAt: now,
    untilAt: opts.untilAt,
    everyMs: opts.everyMs ?? w.everyMs,
    settings,
  });
  return store.session(id)!;
}

/**
 * Runs a watch in this process until its end, a `watch stop`, or `signal`.
 *
 * @throws {RefusedError} when another watch is running (exit 3)
 * @throws {InvalidInputError} when the history or the report folder cannot be used
 */
export async function runWatch(opts: WatchOptions): Promise<WatchResult> {
  const now = opts.now ?? (() => Date.now());
  const store = openHistory(opts.dataDir);
  try {
    let session = activeSession(store);
    let resumed = false;
    if (session) {
      const settings = parseSettings(session.id, session.settings);
      if (isAlive(session, now()) || settings.installed) {
        throw new RefusedError(alreadyRunning(session, settings.installed));
      }
      if (session.untilAt !== null && session.untilAt <= now()) {
        // It ended while nothing ran: close it and report it, then start afresh.
        await finish(store, session, opts, null, { at: session.untilAt, reason: "time" });
        session = null;
      } else {
        const last = store.sampleCount(session.id).lastAt ?? session.startedAt;
        store.addGap(session.id, { from: last, to: now(), reason: "restart" });
        resumed = true;
      }
    }
    session ??= createSession(store, opts, now());
    opts.onSession?.(session, resumed);
    return await loop(store, session, opts, now);
  } finally {
    store.close();
  }
}

async function loop(
  store: WatchStore,
  session: SessionRow,
  opts: WatchOptions,
  now: () => number,
): Promise<WatchResult> {
  const settings = parseSettings(session.id, session.settings);
  const tagKey = await loadTagKey(join(opts.dataDir, "watch"));
  const signal = opts.signal ?? new AbortController().signal;
  const budget = throughputBudget(store, session, opts);
  let count = store.sampleCount(session.id).count;
  let last: TakenSample | null = null;
  let reportedAt = 0;
  store.updateSession(session.id, { pid: Deno.pid, heartbeatAt: now(), nextAt: now() });
  const end = await watchLoop(
    {
      everyMs: session.everyMs,
      jitter: settings.jitter,
      burst: settings.burst,
      untilAt: session.untilAt,
    },
    now(),
    {
      now,
      monotonic: () => performance.now(),
      sleep: (ms, s) => sleep(ms, s),
      async sample(at) {
        const bytes = budget.due(at);
        last = await takeSample(
          {
            config: opts.config.config,
            lang: opts.lang,
            grant: opts.grant,
            tagKey,
            exec: opts.exec,
            signal,
          },
          { first: count === 0, throughputBytes: bytes },
          at,
        );
        store.addSample(session.id, last.sample);
        budget.spent(at, last.sample.throughput?.bytes ?? 0);
        count++;
        opts.onSample?.(last.sample, count);
        if (count === 1 || at - reportedAt >= INTERIM_MS) {
          reportedAt = at;
          await finish(store, session, opts, last, null);
        }
        if (count % 50 === 0) store.rotate(opts.config.config.watch.store, at);
        const st = pathState(last.sample);
        return { trouble: st.dark !== null || st.lossAt !== null };
      },
      control() {
        const s = store.session(session.id);
        return { pausedUntil: s?.pausedUntil ?? null, stopRequested: s?.stopRequested ?? false };
      },
      gap: (g) => store.addGap(session.id, g),
      planned: (nextAt) => store.updateSession(session.id, { heartbeatAt: now(), nextAt }),
      random: Math.random,
      utcOffsetMinutes: settings.utcOffsetMinutes,
      signal,
    },
  );
  const endAt = end === "time" && session.untilAt !== null
    ? Math.min(now(), session.untilAt)
    : now();
  const written = await finish(store, session, opts, last, { at: endAt, reason: end });
  return { session: store.session(session.id)!, end, ...written };
}

/** Marks the end (when given) and writes the report. */
async function finish(
  store: WatchStore,
  session: SessionRow,
  opts: Pick<WatchOptions, "brand" | "lang" | "grant" | "config">,
  last: TakenSample | null,
  end: { at: number; reason: LoopEnd } | null,
): Promise<{ report: Report; paths: ReportPaths }> {
  if (end) {
    store.updateSession(session.id, { endedAt: end.at, endReason: end.reason, nextAt: null });
  }
  return await writeWatchReport({
    store,
    session: store.session(session.id)!,
    settings: parseSettings(session.id, session.settings),
    brand: opts.brand,
    lang: opts.lang,
    grant: opts.grant,
    config: opts.config,
    last,
    end,
  });
}

/** Keeps throughput samples to their interval and daily budget (smaller when metered). */
export function throughputBudget(
  store: WatchStore,
  session: SessionRow,
  opts: Pick<WatchOptions, "config">,
) {
  const cfg = opts.config.config;
  const t = cfg.watch.throughput;
  const metered = cfg.throughput.budget.metered;
  const daily = metered
    ? Math.min(t.dailyMaxBytes, cfg.throughput.budget.meteredMaxBytes)
    : t.dailyMaxBytes;
  const perSample = metered ? Math.min(t.maxBytes, daily) : t.maxBytes;
  const has = cfg.throughput.servers.length > 0 && !cfg.skip.includes("isp.throughput") &&
    t.everyMs > 0;
  const history = store.samples(session.id).filter((s) => s.throughput);
  const spentLog = history.map((s) => ({ at: s.at, bytes: s.throughput!.bytes }));
  let lastAt = history.at(-1)?.at ?? null;
  return {
    /** Bytes a throughput sample may use at `at`, or 0 when none is due. */
    due(at: number): number {
      if (!has || (lastAt !== null && at - lastAt < t.everyMs)) return 0;
      const today = spentLog.filter((x) => x.at > at - 86_400_000).reduce((n, x) => n + x.bytes, 0);
      return daily - today >= perSample ? perSample : 0;
    },
    spent(at: number, bytes: number) {
      if (bytes > 0 || this.due(at) > 0) {
        spentLog.push({ at, bytes });
        lastAt = at;
      }
    },
  };
}

function alreadyRunning(s: SessionRow, installed: boolean) {
  const since = new Date(s.startedAt).toISOString();
  return installed
    ? {
      ja:
        `OS のスケジュールで監視中です (${since} から)。kiriwake watch status で状態を、kiriwake watch uninstall で解除できます`,
      en:
        `A scheduled watch is installed (since ${since}); see kiriwake watch status, or remove it with kiriwake watch uninstall`,
    }
    : {
      ja:
        `別の監視が実行中です (${since} から)。kiriwake watch status で状態を、kiriwake watch stop で停止できます`,
      en:
        `Another watch is running (since ${since}); see kiriwake watch status, or end it with kiriwake watch stop`,
    };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((res) => {
    if (signal.aborted) return res();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      res();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
