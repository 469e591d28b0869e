/**
 * Writes reports: `report.json` (the contract), `report.txt` (the summary) and
 * `report.html` (the single-file page to attach to an email) into one
 * directory, each atomically. Checked writable before anything is measured; while a run
 * goes on it is rewritten after every probe, so even a killed run leaves a valid partial
 * report behind. A directory that already holds a report (an earlier run's, or one a
 * customer sent) is never written over.
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InvalidInputError } from "../util/errors.ts";
import { atomicWrite } from "../util/atomic_write.ts";
import { INPUT_LIMITS, readInputText } from "../util/read_input.ts";
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

/** Where a report goes, and the earlier report that made it go elsewhere. */
export type PreparedReportDir = ReportPaths & {
  /** The report file already in the requested directory, when the new one went to a sub-folder. */
  existing?: string;
};

/**
 * Creates `dir` and proves it writable. When `dir` already holds a report file, the report
 * goes to the sub-folder `opts.orInside` of it instead (when given); a directory holding a
 * report is never chosen — unless it holds an earlier version of the report `opts.rewrites`
 * names by id (a watch rewrites its report after every sample).
 *
 * @throws {InvalidInputError} naming the directory and why it cannot be written, or the
 *   report already there
 */
export async function prepareReportDir(
  dir: string,
  flag = "--out",
  opts: { orInside?: string; rewrites?: string } = {},
): Promise<PreparedReportDir> {
  let paths: PreparedReportDir = reportPaths(dir);
  const existing = await reportFileIn(paths);
  if (existing && opts.rewrites !== undefined && await holdsOwnReport(paths, opts.rewrites)) {
    // The same report written again (a watch's report after each sample): its own folder.
  } else if (existing && opts.orInside) {
    paths = { ...reportPaths(join(paths.dir, opts.orInside)), existing };
    const again = await reportFileIn(paths);
    if (again) throw holdsReport(flag, paths.dir, again);
  } else if (existing) {
    throw holdsReport(flag, paths.dir, existing);
  }
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

/**
 * Whether `paths.json` is a regular file (not a link) holding the report `id`, read through the
 * one bounded reader: an earlier version of the same report, which may be replaced.
 */
async function holdsOwnReport(paths: ReportPaths, id: string): Promise<boolean> {
  try {
    if (!(await Deno.lstat(paths.json)).isFile) return false;
    const text = await readInputText(paths.json, INPUT_LIMITS.report);
    return (JSON.parse(text) as { id?: unknown }).id === id;
  } catch {
    return false;
  }
}

/** The first report file present in `paths.dir` (of any kind: a link counts), or null. */
async function reportFileIn(paths: ReportPaths): Promise<string | null> {
  for (const f of [paths.json, paths.text, paths.html]) {
    try {
      await Deno.lstat(f);
      return f;
    } catch { /* not there */ }
  }
  return null;
}

function holdsReport(flag: string, dir: string, file: string): InvalidInputError {
  return new InvalidInputError({
    ja:
      `${flag} "${dir}" には既にレポート "${file}" があります。上書きしないので、別のフォルダーを指定してください`,
    en:
      `${flag} "${dir}" already holds a report ("${file}"), which is never overwritten; choose another folder`,
  });
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
