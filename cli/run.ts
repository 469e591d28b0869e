/**
 * `kiriwake run`: consent → probes → diagnosis → report. What no arguments does, too.
 *
 * @module
 */
import { join } from "node:path";
import { ensureConsent } from "./consent_gate.ts";
import { rememberReport } from "../consent/report_list.ts";
import { EXIT, RefusedError, UsageError } from "../util/errors.ts";
import { dataFolderOrNull } from "../session/send/data_folder.ts";
import { statusVerdict } from "../session/send/status.ts";
import { retryQueuedSends } from "./send_retry.ts";
import type { Report } from "../report/schema.ts";
import { prepareReportDir } from "../report/store.ts";
import { prepareRun } from "../session/prepare.ts";
import { reportId, runSession } from "../session/run.ts";
import { parseCommandArgs } from "../util/args.ts";
import type { Command } from "../session/command.ts";
import { dryRun } from "./dry_run.ts";
import { progressRenderer } from "./progress.ts";

/** Runs the kit. Exit 0: nothing wrong found; 1: a fault found; 130: interrupted. */
export const runCommand: Command = async (args, io, ctx) => {
  const { values } = parseCommandArgs("run", args, {
    config: { type: "string" },
    out: { type: "string" },
    "accept-terms": { type: "string" },
    consent: { type: "string" },
    json: { type: "boolean" },
    quiet: { type: "boolean" },
    "dry-run": { type: "boolean" },
    manifest: { type: "string" },
  });
  const { lang, brand } = ctx;
  if (values.out === "") throw new UsageError({ ja: "--out が空です", en: "--out is empty" });

  // Everything that can be wrong with the input fails here, before anything is measured.
  const { config, probes, sourceOf, notes } = await prepareRun({
    brand,
    configDir: ctx.configDir,
    configFile: values.config,
    manifest: values.manifest,
  });
  io.err(notes(lang, values.quiet));
  if (values["dry-run"]) {
    return await dryRun(io, ctx, { probes, consent: values.consent, json: values.json });
  }
  const grant = await ensureConsent({
    brand,
    lang,
    io,
    dir: ctx.configDir,
    now: ctx.now(),
    acceptTerms: values["accept-terms"],
    consent: values.consent,
  });
  if (!values.quiet) { for (const w of grant.warnings) io.err(`${w[lang]}\n`); }
  const licence = grant.licence;
  // The provider's signed status: a suspended licence stops here; offline, nothing changes.
  const dataDir = dataFolderOrNull(brand.id, io.env);
  if (dataDir) {
    const status = await statusVerdict({ brand, dataDir, now: ctx.now(), licence });
    if (status.refusal) throw new RefusedError(status.refusal);
    if (!values.quiet) { for (const a of status.announcements) io.err(`${a[lang]}\n`); }
  }
  // One id for the report and its folder: the customer reads it out on the phone.
  const id = reportId(ctx.now());
  const outDir = values.out ?? join(homeDir(io.env), "kiriwake-reports", id);
  const paths = await prepareReportDir(outDir);
  // So that `terms revoke` can say which reports remain; losing this must not stop a run.
  await rememberReport(ctx.configDir, paths.json, ctx.now()).catch((e) =>
    io.err(`${lang === "ja" ? "注意" : "Note"}: ${(e as Error).message}\n`)
  );

  const controller = new AbortController();
  const onSigint = () => controller.abort("SIGINT");
  Deno.addSignalListener("SIGINT", onSigint);
  let result;
  try {
    result = await runSession({
      id,
      brand,
      lang,
      grant,
      licence,
      config,
      probes,
      paths,
      signal: controller.signal,
      sourceOf,
      onEvent: values.quiet ? undefined : progressRenderer(io, lang),
    });
  } finally {
    Deno.removeSignalListener("SIGINT", onSigint);
  }
  const { report } = result;
  const code = report.partial ? 130 : faultFound(report) ? EXIT.faultFound : EXIT.ok;
  if (result.writeError) {
    io.err(
      lang === "ja"
        ? `"${result.writeError.path}" に書き込めなかったため、レポートを別の場所に保存しました (${result.writeError.message})\n`
        : `Could not write to "${result.writeError.path}" (${result.writeError.message}); the report was saved elsewhere\n`,
    );
  }
  // Reports queued while the line was down go now that it has been measured to work.
  if (dataDir) await retryQueuedSends(io, lang, { brand, dataDir, now: ctx.now }, values.quiet);
  if (values.json) {
    io.out(JSON.stringify(jsonSummary(report, result.paths, code), null, 2) + "\n");
  } else if (!values.quiet) {
    io.err(`\n${report.diagnosis.headline.text[lang]}\n`);
    io.err(
      lang === "ja"
        ? `レポート: ${result.paths.json}\n要約: ${result.paths.text}\n`
        : `Report: ${result.paths.json}\nSummary: ${result.paths.text}\n`,
    );
  }
  return code;
};

/** True when any segment has a warning or a fault. */
export function faultFound(report: Report): boolean {
  return Object.values(report.diagnosis.segments).some((s) =>
    s.verdict === "fail" || s.verdict === "warn"
  );
}

function jsonSummary(report: Report, paths: { json: string; text: string }, exitCode: number) {
  return {
    reportId: report.id,
    report: paths.json,
    summary: paths.text,
    partial: report.partial,
    exitCode,
    headline: report.diagnosis.headline,
    segments: Object.fromEntries(
      Object.entries(report.diagnosis.segments).map(([k, v]) => [k, v.verdict]),
    ),
    findings: report.diagnosis.findings.map((f) => ({
      id: f.id,
      segment: f.segment,
      severity: f.severity,
      ...(f.consequenceOf ? { consequenceOf: f.consequenceOf } : {}),
    })),
    probes: report.probes.map((p) => ({ id: p.id, status: p.status, durationMs: p.durationMs })),
    digest: report.digest.value,
  };
}

function homeDir(env: (n: string) => string | undefined): string {
  return env("HOME") ?? env("USERPROFILE") ?? ".";
}
