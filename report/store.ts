/**
 * Writes reports: `report.json` (the contract), `report.txt` (the summary) and
 * `report.html` (the single-file page to attach to an email) into one
 * directory, each atomically. Checked writable before anything is measured; while a run
 * goes on it is rewritten after every probe, so even a killed run leaves a valid partial
 * report behind.
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InvalidInputError } from "../util/errors.ts";
import { atomicWrite } from "../util/atomic_write.ts";
import type { Report } from "./schema.ts";
import { renderReportHtml } from "./html/render.tsx";
import { renderText } from "./text.ts";
import type { Lang } from "../util/text.ts";

/** The files of one report. */
export interface ReportPaths {
  dir: string;
  json: string;
  text: string;
  html: string;
}

/** Paths of the report files in `dir`. */
export function reportPaths(dir: string): ReportPaths {
  const d = resolve(dir);
  return {
    dir: d,
    json: join(d, "report.json"),
    text: join(d, "report.txt"),
    html: join(d, "report.html"),
  };
}

/**
 * Creates `dir` and proves it writable.
 *
 * @throws {InvalidInputError} naming the directory and why it cannot be written
 */
export async function prepareReportDir(dir: string, flag = "--out"): Promise<ReportPaths> {
  const paths = reportPaths(dir);
  try {
    await mkdir(paths.dir, { recursive: true });
    const probe = join(paths.dir, `.kiriwake-write-test-${crypto.randomUUID().slice(0, 8)}`);
    await Deno.writeTextFile(probe, "");
    await Deno.remove(probe);
  } catch (e) {
    throw new InvalidInputError({
      ja: `${flag} "${paths.dir}" に書き込めません: ${(e as Error).message}`,
      en: `Cannot write to ${flag} "${paths.dir}": ${(e as Error).message}`,
    });
  }
  return paths;
}

/** Writes the files atomically (the JSON last, so it is never older than the others). */
export async function writeReport(
  paths: ReportPaths,
  report: Report,
  lang: Lang,
): Promise<void> {
  await atomicWrite(paths.text, renderText(report, lang));
  await atomicWrite(paths.html, await renderReportHtml(report, lang));
  await atomicWrite(paths.json, JSON.stringify(report, null, 2) + "\n");
}

/**
 * Rewrites a saved report after something was recorded in it (a send): the JSON at `path`,
 * and — when it is a `report.json` with `report.txt`/`report.html` beside it — those too, in
 * the report's own language. Requires `--allow-write` on the directory.
 *
 * @throws {Deno.errors.PermissionDenied} (or another I/O error) when it cannot be written
 */
export async function rewriteReport(path: string, report: Report): Promise<void> {
  if (basename(path) === "report.json") {
    const paths = reportPaths(dirname(path));
    const lang = report.environment.lang;
    if (await exists(paths.text)) await atomicWrite(paths.text, renderText(report, lang));
    if (await exists(paths.html)) {
      await atomicWrite(paths.html, await renderReportHtml(report, lang));
    }
  }
  await atomicWrite(path, JSON.stringify(report, null, 2) + "\n");
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}
