/**
 * Builds a report from a run: diagnosis, then redaction of the whole body, then the digest.
 * The result is validated against the schema before anyone can write it.
 *
 * @module
 */
import type { ProbeResult } from "../probes/types.ts";
import { diagnose } from "../diagnosis/diagnose.ts";
import { seal } from "./digest.ts";
import { type Identifier, redact } from "../util/redact.ts";
import { type Report, type ReportBody, reportSchema } from "./schema.ts";
import type { Diagnosis } from "../diagnosis/schema.ts";
import type { WatchBlock } from "./watch_schema.ts";

/** Everything about a run except its probe results. */
export type ReportMeta = Omit<
  ReportBody,
  "probes" | "diagnosis" | "redaction" | "partial" | "finishedAt" | "interrupted"
>;

/** The run's state when the report is built. */
export interface RunState {
  results: readonly ProbeResult[];
  identifiers: readonly Identifier[];
  /** Null while the run goes on. */
  finishedAt: Date | null;
  partial: boolean;
  interrupted?: { at: Date; reason: string };
  /** A watch report's series and events; with it, `diagnosis` speaks about the watch. */
  watch?: { block: WatchBlock; diagnosis: Diagnosis };
}

/**
 * Builds, redacts, seals and validates a report.
 *
 * @throws {Error} when the result does not satisfy the report schema (a bug, not bad input)
 */
export async function buildReport(meta: ReportMeta, run: RunState): Promise<Report> {
  const body: ReportBody = {
    ...meta,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    partial: run.partial,
    ...(run.interrupted
      ? { interrupted: { at: run.interrupted.at.toISOString(), reason: run.interrupted.reason } }
      : {}),
    probes: [...run.results],
    diagnosis: run.watch?.diagnosis ?? diagnose(run.results),
    redaction: { refused: meta.consent.refused, masked: {} },
    ...(run.watch ? { watch: run.watch.block } : {}),
  };
  const { value, masked } = redact(body, {
    refused: meta.consent.refused,
    identifiers: run.identifiers,
  });
  value.redaction = { refused: meta.consent.refused, masked };
  // Sealed over exactly what the schema lets through, which is exactly what is written: a
  // reader digests the file's own JSON, member for member.
  const { digest: _, ...checked } = reportSchema.parse(await seal(value));
  return await seal(checked);
}
