/**
 * One run, from consent already given to the report on disk: runs the planned probes
 * through the runner, rewrites the partial report after every result, and writes the
 * final one. The CLI and the web view both start runs here, so they behave the same.
 *
 * @module
 */
import type { Grant } from "../consent/gate.ts";
import { machineIdentifiers } from "../consent/identifiers.ts";
import type { LoadedConfig } from "../probes/config_load.ts";
import type { ExecFn } from "../probes/lib/exec.ts";
import { type RunnerEvent, runProbes } from "../probes/runner.ts";
import type { Probe, ProbeResult } from "../probes/types.ts";
import { buildReport, type ReportMeta } from "../report/build.ts";
import type { Report } from "../report/schema.ts";
import { type ReportPaths, reportPaths, writeReport } from "../report/store.ts";
import type { Brand } from "../brand/schema.ts";
import { VERSION } from "../util/version.ts";
import type { Lang } from "../util/text.ts";
import type { Identifier } from "../util/redact.ts";
import type { LicenceStatus } from "../consent/licence_status.ts";

/** Options of one run. */
export interface SessionOptions {
  /** The report id, made once by {@link reportId} and used for the report's folder too. */
  id: string;
  brand: Brand;
  lang: Lang;
  grant: Grant;
  licence: LicenceStatus;
  config: LoadedConfig;
  /** Probes already planned (selected and ordered). */
  probes: readonly Probe[];
  paths: ReportPaths;
  signal?: AbortSignal;
  onEvent?: (e: RunnerEvent) => void;
  /** Called after each (partial or final) report write. */
  onWrite?: (report: Report) => void;
  exec?: ExecFn;
  now?: () => Date;
  sourceOf?: (p: Probe) => string;
}

/** The final report and where it is. */
export interface SessionResult {
  report: Report;
  /** Where it was written: the requested directory, or a temporary one after `writeError`. */
  paths: ReportPaths;
  /** Set when the requested directory could not be written at the end. */
  writeError?: { path: string; message: string };
}

/** Runs the probes and writes the report. Rejects only when no report can be written anywhere. */
export async function runSession(opts: SessionOptions): Promise<SessionResult> {
  const now = opts.now ?? (() => new Date());
  const createdAt = now();
  const meta = reportMeta(opts, createdAt);
  // Identifiers that can turn up anywhere (paths, command output) whatever probes declare.
  const baseIds = machineIdentifiers();
  const done: ProbeResult[] = [];
  const ids: Identifier[] = [];
  // One queue builds and writes reports in order, so a late partial never overwrites the final.
  let queue = Promise.resolve<unknown>(null);
  const enqueue = (make: () => Promise<Report>) => {
    const job = queue.then(make).then(async (report) => {
      await writeReport(opts.paths, report, opts.lang);
      opts.onWrite?.(report);
      return report;
    });
    queue = job.catch(() => null);
    return job;
  };
  const onEvent = (e: RunnerEvent) => {
    opts.onEvent?.(e);
    if (e.type !== "result") return;
    done.push(e.result);
    // Keep a valid partial report on disk at every step: a killed run loses nothing measured.
    const snapshot = [...done];
    const identifiers = [...baseIds, ...ids];
    enqueue(() =>
      buildReport(meta, { results: snapshot, identifiers, finishedAt: null, partial: true })
    )
      .catch(() => {}); // a failed partial write is retried by the final one
  };
  const out = await runProbes({
    probes: opts.probes,
    config: opts.config.config,
    lang: opts.lang,
    granted: opts.grant.granted,
    signal: opts.signal,
    onEvent,
    exec: opts.exec,
    now,
    sourceOf: opts.sourceOf,
    onIdentifier: (i) => ids.push(i),
  });
  const finishedAt = now();
  const report = await buildReport(meta, {
    results: out.results,
    identifiers: [...baseIds, ...out.identifiers],
    finishedAt,
    partial: out.interrupted,
    ...(out.interrupted
      ? { interrupted: { at: finishedAt, reason: interruptReason(opts.signal) } }
      : {}),
  });
  try {
    await enqueue(() => Promise.resolve(report));
    return { report, paths: opts.paths };
  } catch (e) {
    // Nothing measured may be lost: put the report where it can be written, and say so.
    const dir = await Deno.makeTempDir({ prefix: `kiriwake-${report.id}-` });
    const paths = reportPaths(dir);
    await writeReport(paths, report, opts.lang);
    return { report, paths, writeError: { path: opts.paths.dir, message: (e as Error).message } };
  }
}

function reportMeta(opts: SessionOptions, createdAt: Date): ReportMeta {
  const deviceOk = opts.grant.granted.includes("device");
  return {
    schema: "kiriwake.report/v1",
    id: opts.id,
    createdAt: createdAt.toISOString(),
    tool: {
      name: "kiriwake",
      version: VERSION,
      target: Deno.build.target,
      compiled: Deno.build.standalone ?? false,
      brand: { id: opts.brand.id, product: opts.brand.product, provider: opts.brand.provider },
    },
    terms: {
      version: opts.grant.record.terms.version,
      sha256: opts.grant.record.terms.sha256,
      language: opts.grant.record.terms.lang,
      acceptedAt: opts.grant.record.acceptedAt,
    },
    consent: { granted: opts.grant.granted, refused: opts.grant.refused },
    licence: opts.licence,
    environment: {
      os: Deno.build.os,
      arch: Deno.build.arch,
      ...(deviceOk ? { osRelease: safe(() => Deno.osRelease()) ?? "unknown" } : {}),
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
      lang: opts.lang,
    },
    config: { source: opts.config.source, sha256: opts.config.sha256 },
  };
}

/** A sortable, unique report id: `20261124T091500Z-1a2b3c`. */
export function reportId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `${stamp}-${crypto.randomUUID().slice(0, 6)}`;
}

function interruptReason(signal?: AbortSignal): string {
  const r = signal?.reason;
  return typeof r === "string" ? r : r instanceof Error ? r.message : "interrupted";
}

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
