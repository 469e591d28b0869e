/**
 * The reports the web view may show: files the user named, and reports inside directories
 * the user named (or the app's own reports directory). A report is addressed in URLs by a
 * ref `ROOT:RELATIVE/PATH`, resolved only through {@link resolveWithin}.
 *
 * @module
 */
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { HTTPException } from "hono/http-exception";
import type { Report } from "../report/schema.ts";
import { verifyReportText } from "../report/verify.ts";
import { resolveWithin } from "../util/path_within.ts";
import { INPUT_LIMITS, readInputText } from "../util/read_input.ts";
import type { Localized } from "../util/text.ts";

/** One report in the list; `error` when it does not verify. */
export interface LibraryEntry {
  ref: string;
  name: string;
  report?: Report;
  error?: Localized;
}

/** An opened, verified report. */
export interface OpenedReport {
  ref: string;
  path: string;
  /** The file's text exactly as stored (served for the JSON download). */
  text: string;
  report: Report;
}

const MAX_LISTED = 200;

/** The set of allowed directories and named files. */
export class ReportLibrary {
  readonly #roots: string[] = [];
  readonly #named: string[] = [];
  /** Roots that exist only because a file in them was named: nothing else there is shown. */
  readonly #fileOnly = new Set<number>();

  /**
   * @param dirs directories whose reports may be shown
   * @param files report files the user named; their directories become roots
   */
  constructor(dirs: readonly string[] = [], files: readonly string[] = []) {
    for (const d of dirs) this.addRoot(d);
    for (const f of files) {
      const dir = dirname(resolve(f));
      const known = this.#roots.includes(dir);
      const i = this.addRoot(dir);
      if (!known) this.#fileOnly.add(i);
      this.#named.push(resolve(f));
    }
  }

  /** Allows `dir` (idempotent) and returns its index. */
  addRoot(dir: string): number {
    const d = resolve(dir);
    const i = this.#roots.indexOf(d);
    if (i >= 0) return i;
    this.#roots.push(d);
    return this.#roots.length - 1;
  }

  /** The ref of an absolute path inside a root, or null. */
  refOf(path: string): string | null {
    const full = resolve(path);
    for (const [i, root] of this.#roots.entries()) {
      const r = relative(root, full);
      if (r && !r.startsWith("..") && !r.includes(`..${sep}`)) {
        return `${i}:${r.split(sep).join("/")}`;
      }
    }
    return null;
  }

  /**
   * Resolves a ref from a request to a file path.
   *
   * @throws {HTTPException} 404 for a malformed ref or one that leaves its root
   */
  async resolve(ref: string | undefined): Promise<string> {
    const m = /^(\d{1,4}):(.+)$/s.exec(ref ?? "");
    const root = m ? this.#roots[Number(m[1])] : undefined;
    const path = m && root ? await resolveWithin(root, m[2]) : null;
    const allowed = path && (!this.#fileOnly.has(Number(m![1])) || this.#named.includes(path));
    if (!allowed) throw new HTTPException(404, { message: "No such report" });
    return path;
  }

  /**
   * Opens and verifies the report at `ref`.
   *
   * @throws {HTTPException} 404 when the ref is not allowed
   * @throws {InvalidInputError} when the file is not a valid report
   */
  async open(ref: string | undefined): Promise<OpenedReport> {
    const path = await this.resolve(ref);
    let text: string;
    try {
      text = await readInputText(path, INPUT_LIMITS.report);
    } catch {
      throw new HTTPException(404, { message: "No such report" });
    }
    return { ref: ref!, path, text, report: await verifyReportText(text, basename(path)) };
  }

  /** The named files and the reports in the named directories (`*.json`, `*\/report.json`), newest first. */
  async list(): Promise<LibraryEntry[]> {
    const paths = new Set(this.#named);
    for (const [i, root] of this.#roots.entries()) {
      if (this.#fileOnly.has(i)) continue;
      for (const p of await candidates(root)) paths.add(p);
      if (paths.size >= MAX_LISTED) break;
    }
    const entries: LibraryEntry[] = [];
    for (const p of [...paths].slice(0, MAX_LISTED)) {
      const ref = this.refOf(p);
      if (!ref) continue;
      try {
        const { report } = await this.open(ref);
        entries.push({ ref, name: relative(this.#roots[Number(ref.split(":")[0])], p), report });
      } catch (e) {
        const text = (e as { text?: Localized }).text;
        if (this.#named.includes(p) || basename(p) === "report.json") {
          entries.push({
            ref,
            name: basename(p),
            error: text ?? { ja: "読めません", en: "Cannot be read" },
          });
        }
      }
    }
    return entries.sort((a, b) =>
      (b.report?.createdAt ?? "").localeCompare(a.report?.createdAt ?? "")
    );
  }
}

async function candidates(root: string): Promise<string[]> {
  const out: string[] = [];
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return out;
  }
  for (const n of names.sort().reverse()) {
    const p = join(root, n);
    const s = await stat(p).catch(() => null);
    if (s?.isFile() && n.endsWith(".json")) out.push(p);
    else if (s?.isDirectory()) {
      const inner = join(p, "report.json");
      if ((await stat(inner).catch(() => null))?.isFile()) out.push(inner);
    }
    if (out.length >= MAX_LISTED) break;
  }
  return out;
}
