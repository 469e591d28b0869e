/**
 * Runs started from the browser: at most one at a time, each with its own AbortController
 * (cancel), the events so far (so a page opened late, or reloaded, sees everything), and
 * listeners for live server-sent events.
 *
 * @module
 */
import type { RunnerEvent } from "../probes/runner.ts";
import type { ProbeStatus } from "../probes/types.ts";
import type { SessionResult } from "../session/run.ts";
import type { Localized } from "../util/text.ts";

/** What the progress page and its event stream show. */
export type WebEvent =
  | { type: "plan"; probes: { id: string; title: Localized }[] }
  | { type: "start"; id: string }
  | { type: "progress"; id: string; note?: string; fraction?: number }
  | {
    type: "result";
    id: string;
    status: ProbeStatus;
    summary: Localized | null;
    done: number;
    total: number;
  }
  | { type: "finished"; ref: string | null; partial: boolean }
  | { type: "failed"; message: Localized };

/** One run. */
export interface WebRun {
  id: string;
  startedAt: Date;
  events: WebEvent[];
  controller: AbortController;
  /** Set when the run has ended (finished or failed). */
  ended: boolean;
  result?: SessionResult;
  /** The library ref of the saved report. */
  ref?: string | null;
  /** Settles when the run has ended and its report is written. */
  settled: Promise<void>;
}

/** Starts the session for a run; resolves with where the report went. */
export type StartSession = (
  signal: AbortSignal,
  onEvent: (e: RunnerEvent) => void,
) => Promise<{ result: SessionResult; ref: string | null }>;

/** Turns a runner event into what the browser needs. */
export function toWebEvent(e: RunnerEvent): WebEvent | null {
  switch (e.type) {
    case "plan":
      return { type: "plan", probes: e.probes.map((p) => ({ id: p.id, title: p.title })) };
    case "start":
      return { type: "start", id: e.id };
    case "progress":
      return { type: "progress", id: e.id, note: e.note, fraction: e.fraction };
    case "result":
      return {
        type: "result",
        id: e.result.id,
        status: e.result.status,
        summary: e.result.summary ?? e.result.reason ?? null,
        done: e.done,
        total: e.total,
      };
    default:
      return null;
  }
}

/** The runs of one server. */
export class RunManager {
  readonly #runs = new Map<string, WebRun>();
  readonly #listeners = new Map<string, Set<(e: WebEvent) => void>>();
  #current: WebRun | null = null;

  /** Starts a run, or returns the one still going. */
  start(session: StartSession): WebRun {
    if (this.#current && !this.#current.ended) return this.#current;
    const run: WebRun = {
      id: crypto.randomUUID().slice(0, 8),
      startedAt: new Date(),
      events: [],
      controller: new AbortController(),
      ended: false,
      settled: Promise.resolve(),
    };
    this.#runs.set(run.id, run);
    this.#current = run;
    const emit = (e: WebEvent) => {
      run.events.push(e);
      for (const l of this.#listeners.get(run.id) ?? []) l(e);
    };
    run.settled = session(run.controller.signal, (e) => {
      const w = toWebEvent(e);
      if (w) emit(w);
    }).then(
      ({ result, ref }) => {
        run.result = result;
        run.ref = ref;
        run.ended = true;
        emit({ type: "finished", ref, partial: result.report.partial });
      },
      (err) => {
        run.ended = true;
        const text = (err as { text?: Localized }).text;
        emit({
          type: "failed",
          message: text ??
            { ja: `内部エラー: ${String(err)}`, en: `Internal error: ${String(err)}` },
        });
      },
    );
    return run;
  }

  /** The run with `id`. */
  get(id: string): WebRun | undefined {
    return this.#runs.get(id);
  }

  /** The run going on now, if any. */
  get running(): WebRun | null {
    return this.#current && !this.#current.ended ? this.#current : null;
  }

  /** Cancels run `id`: the runner stops and a partial report is saved. */
  cancel(id: string, reason = "cancelled in the browser"): void {
    const run = this.#runs.get(id);
    if (run && !run.ended) run.controller.abort(reason);
  }

  /** Cancels the run going on, if any, and resolves once its report is written. */
  async stop(reason: string): Promise<void> {
    const run = this.running;
    if (!run) return;
    run.controller.abort(reason);
    await run.settled;
  }

  /**
   * Calls `listener` with every past event of run `id`, then with each new one, until the
   * returned function is called.
   */
  subscribe(id: string, listener: (e: WebEvent) => void): () => void {
    const run = this.#runs.get(id);
    if (!run) return () => {};
    // Replay and subscribe in one synchronous step, so no event falls between them.
    for (const e of run.events) listener(e);
    const set = this.#listeners.get(id) ?? new Set();
    set.add(listener);
    this.#listeners.set(id, set);
    return () => set.delete(listener);
  }
}
