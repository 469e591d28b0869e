/**
 * The runner: schedules probes in dependency order with bounded concurrency, gives each a
 * fresh deadline, and records every outcome. A probe that throws, hangs, is refused by
 * consent, does not apply to this OS or is cut short by Ctrl-C still yields a result.
 *
 * @module
 */
import type { ExecFn } from "./lib/exec.ts";
import { exec as realExec } from "./lib/exec.ts";
import type { RunConfig } from "./config.ts";
import { formatIssues } from "../util/zod_issues.ts";
import { trimEvidence } from "./lib/evidence.ts";
import { denoHost } from "./host.ts";
import {
  type Probe,
  type ProbeContext,
  type ProbeHost,
  type ProbeResult,
  type Segment,
  SkipProbe,
} from "./types.ts";
import type { Lang, Localized } from "../util/text.ts";
import type { Identifier } from "../util/redact.ts";
import type { DataCategory } from "../util/data_categories.ts";

/** What the runner tells its listeners (progress bar, web view) as it goes. */
export type RunnerEvent =
  | { type: "plan"; probes: { id: string; title: Localized; segment: Segment }[] }
  | { type: "start"; id: string }
  | { type: "progress"; id: string; fraction?: number; note?: string }
  | { type: "result"; result: ProbeResult; done: number; total: number }
  | { type: "done"; interrupted: boolean };

/** Options of one run. */
export interface RunOptions {
  /** The probes to run, already selected and checked by {@link planProbes}. */
  probes: readonly Probe[];
  config: RunConfig;
  lang: Lang;
  /** Data categories the customer consented to. */
  granted: readonly DataCategory[];
  /** Aborts the whole run (Ctrl-C, cancel in the web view). */
  signal?: AbortSignal;
  onEvent?: (e: RunnerEvent) => void;
  exec?: ExecFn;
  now?: () => Date;
  /** Where each probe came from, for the result's `source`. Default `builtin`. */
  sourceOf?: (p: Probe) => string;
  /** Called for each identifier a probe declares, as soon as it does. */
  onIdentifier?: (i: Identifier) => void;
  /** The machine the probes see; this one by default (tests pretend to be another OS). */
  host?: Partial<ProbeHost>;
}

/** What a run produced. */
export interface RunOutput {
  /** One result per probe, in plan order. */
  results: ProbeResult[];
  /** Identifiers the probes declared, for redaction. */
  identifiers: Identifier[];
  interrupted: boolean;
}

const INTERRUPTED: Localized = {
  ja: "実行が中断されたため測定していません",
  en: "Not measured: the run was interrupted",
};

/** Runs `probes`; resolves when every probe has a result. Never rejects on probe failures. */
export async function runProbes(opts: RunOptions): Promise<RunOutput> {
  const now = opts.now ?? (() => new Date());
  const emit = opts.onEvent ?? (() => {});
  const runSignal = opts.signal ?? new AbortController().signal;
  const byId = new Map(opts.probes.map((p) => [p.id, p]));
  const results = new Map<string, ProbeResult>();
  const identifiers: Identifier[] = [];
  const started = new Set<string>();
  const total = opts.probes.length;
  emit({
    type: "plan",
    probes: opts.probes.map((p) => ({ id: p.id, title: p.title, segment: p.segment })),
  });

  const shared: Shared = {
    opts,
    base: {
      ...denoHost(),
      ...opts.host,
      config: opts.config,
      lang: opts.lang,
      exec: opts.exec ?? realExec,
      now,
    },
    results,
    identifiers,
    emit,
    runSignal,
  };
  const finish = (r: ProbeResult) => {
    results.set(r.id, r);
    emit({ type: "result", result: r, done: results.size, total });
  };

  await new Promise<void>((resolveAll) => {
    let running = 0;
    const pump = () => {
      if (results.size === total) return resolveAll();
      for (const p of opts.probes) {
        if (running >= opts.config.concurrency) break;
        if (started.has(p.id)) continue;
        if (!p.dependsOn.every((d) => results.has(d) || !byId.has(d))) continue;
        started.add(p.id);
        if (runSignal.aborted) {
          finish(skipped(p, INTERRUPTED, now(), opts));
          continue;
        }
        running++;
        runOne(p, shared)
          .then(finish, (e) => finish(crashed(p, e, now(), opts)))
          .finally(() => {
            running--;
            pump();
          });
      }
      if (results.size === total) return resolveAll();
      if (running === 0) {
        // Every remaining probe is blocked by nothing runnable: cannot happen after
        // planProbes, but never hang on it.
        for (const p of opts.probes) {
          if (!results.has(p.id)) {
            finish(
              skipped(
                p,
                { ja: "依存関係を解決できません", en: "Unresolvable dependencies" },
                now(),
                opts,
              ),
            );
          }
        }
        resolveAll();
      }
    };
    pump();
  });
  const interrupted = runSignal.aborted;
  emit({ type: "done", interrupted });
  return { results: opts.probes.map((p) => results.get(p.id)!), identifiers, interrupted };
}

/** What every probe of one run shares: the options, the context base, the results so far. */
interface Shared {
  opts: RunOptions;
  /** The context every probe gets, less what is its own (signal, deps, callbacks). */
  base: Omit<ProbeContext, "signal" | "deps" | "progress" | "checkpoint" | "identifier">;
  results: Map<string, ProbeResult>;
  identifiers: Identifier[];
  emit: (e: RunnerEvent) => void;
  runSignal: AbortSignal;
}

async function runOne(probe: Probe, shared: Shared): Promise<ProbeResult> {
  const { opts, base, results, identifiers, emit, runSignal } = shared;
  const startedAt = base.now();
  const os = base.os;
  if (!(probe.platforms as readonly string[]).includes(os)) {
    return skipped(
      probe,
      {
        ja: `この OS (${os}) では測定できません`,
        en: `Not available on this OS (${os})`,
      },
      startedAt,
      opts,
    );
  }
  const refused = probe.dataCategories.filter((c) => !opts.granted.includes(c));
  if (refused.length > 0) {
    return skipped(
      probe,
      {
        ja: `同意されていないデータ区分が必要です: ${refused.join(", ")}`,
        en: `Needs data categories that were not consented: ${refused.join(", ")}`,
      },
      startedAt,
      opts,
    );
  }
  const timeoutMs = opts.config.timeouts[probe.id] ?? probe.timeoutMs;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([deadline, runSignal]);
  let checkpoint: Record<string, unknown> = {};
  const deps = Object.fromEntries(
    probe.dependsOn.filter((d) => results.has(d)).map((d) => [d, results.get(d)!]),
  );
  emit({ type: "start", id: probe.id });
  const t0 = performance.now();
  const base2 = {
    id: probe.id,
    title: probe.title,
    segment: probe.segment,
    startedAt: startedAt.toISOString(),
    source: opts.sourceOf?.(probe) ?? "builtin",
  };
  const ms = () => Math.round((performance.now() - t0) * 10) / 10;
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  aborted.catch(() => {}); // observed below; never an unhandled rejection
  try {
    const outcome = await Promise.race([
      probe.run({
        ...base,
        signal,
        deps,
        progress: (p) => emit({ type: "progress", id: probe.id, ...p }),
        checkpoint: (d) => void (checkpoint = d),
        identifier: (i) => {
          identifiers.push(i);
          opts.onIdentifier?.(i);
        },
      }),
      aborted,
    ]);
    const parsed = probe.schema.safeParse(outcome.data);
    if (!parsed.success) {
      return {
        ...base2,
        status: "error",
        durationMs: ms(),
        reason: {
          ja: `測定結果の形式が正しくありません: ${formatIssues(parsed.error.issues)}`,
          en: `The probe returned invalid data: ${formatIssues(parsed.error.issues)}`,
        },
        summary: outcome.summary,
        data: outcome.data ?? {},
        evidence: trimEvidence(outcome.evidence ?? []),
        error: { name: "InvalidResult", message: formatIssues(parsed.error.issues) },
      };
    }
    return {
      ...base2,
      status: outcome.status,
      durationMs: ms(),
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      summary: outcome.summary,
      data: parsed.data as Record<string, unknown>,
      evidence: trimEvidence(outcome.evidence ?? []),
    };
  } catch (e) {
    if (e instanceof SkipProbe) {
      return {
        ...base2,
        status: "skipped",
        reason: e.reason,
        durationMs: ms(),
        data: checkpoint,
        evidence: [],
      };
    }
    if (deadline.aborted) {
      return {
        ...base2,
        status: "timeout",
        durationMs: ms(),
        reason: {
          ja: `${timeoutMs / 1000} 秒以内に終わりませんでした`,
          en: `Did not finish within ${timeoutMs / 1000} s`,
        },
        data: checkpoint,
        evidence: [],
      };
    }
    if (runSignal.aborted) {
      return {
        ...base2,
        status: "error",
        durationMs: ms(),
        reason: { ja: "実行が中断されました", en: "The run was interrupted" },
        data: checkpoint,
        evidence: [],
        error: { name: "Interrupted", message: "The run was interrupted" },
      };
    }
    const err = e instanceof Error ? e : new Error(String(e));
    return {
      ...base2,
      status: "error",
      durationMs: ms(),
      reason: { ja: `測定中にエラー: ${err.message}`, en: `Error while measuring: ${err.message}` },
      data: checkpoint,
      evidence: [],
      error: { name: err.name, message: err.message },
    };
  }
}

function skipped(p: Probe, reason: Localized, at: Date, opts: RunOptions): ProbeResult {
  return {
    id: p.id,
    title: p.title,
    segment: p.segment,
    status: "skipped",
    reason,
    startedAt: at.toISOString(),
    durationMs: 0,
    data: {},
    evidence: [],
    source: opts.sourceOf?.(p) ?? "builtin",
  };
}

function crashed(p: Probe, e: unknown, at: Date, opts: RunOptions): ProbeResult {
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    ...skipped(p, { ja: "内部エラー", en: "Internal error" }, at, opts),
    status: "error",
    error: { name: err.name, message: err.message },
  };
}
