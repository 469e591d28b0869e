/**
 * What the adversarial cases are made of: run arguments that measure nothing beyond the
 * probes named, plugin manifests written on the fly, hostile files (named pipes, devices,
 * link loops, sparse giants), deeply nested JSON, and the reports a run leaves behind.
 *
 * @module
 */
import { join } from "node:path";
import { type TestPlugin, writeManifest } from "../../plugins/testing.ts";
import { sampleReport } from "../../report/html/testing.ts";
import { seal } from "../../report/digest.ts";
import type { Report } from "../../report/schema.ts";
import { readVerifiedReport } from "../../report/verify.ts";
import { type Kit, TERMS } from "./harness.ts";

export type { TestPlugin };

/** `run` with consent given and English messages. */
export function runArgs(...extra: string[]): string[] {
  return ["run", "--accept-terms", TERMS, "--consent", "all", "--lang", "en", ...extra];
}

/** A config that runs only `only` (and measures no target at all). */
export function onlyConfig(only: string[], extra: Record<string, unknown> = {}) {
  return { schema: "kiriwake.config/v1", only, ...extra };
}

/** Writes the plugins and their manifest into the case's folder; returns the manifest path. */
export function manifestOf(k: Kit, plugins: TestPlugin[]): Promise<string> {
  return writeManifest(k.dir, plugins);
}

/** A module plugin `t.<name>` whose body is `body` (TypeScript, `ctx` in scope). */
export function modulePlugin(
  name: string,
  body: string,
  extra: Partial<TestPlugin> = {},
): TestPlugin {
  return {
    id: `t.${name}`,
    file: `${name}.ts`,
    kind: "module",
    code: `export default async function run(ctx: any) {\n${body}\n}\n`,
    ...extra,
  };
}

/** A command plugin `t.<name>` run by `sh`. */
export function commandPlugin(name: string, script: string, extra: Partial<TestPlugin> = {}) {
  return {
    id: `t.${name}`,
    file: `${name}.sh`,
    kind: "command" as const,
    code: `${script}\n`,
    ...extra,
    entry: { platforms: ["linux", "darwin"], timeoutMs: 30_000, ...extra.entry },
  };
}

/** A plugin result with `data` spliced in as JSON text. */
export function okResult(dataJson = "{}", summary = "fine"): string {
  return `{"status":"ok","summary":{"ja":${JSON.stringify(summary)},"en":${
    JSON.stringify(summary)
  }},"data":${dataJson}}`;
}

/** `[[[…]]]` nested `depth` deep. */
export function deepArray(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

/** The kinds of file that are not a file to read. */
export const BAD_FILES = ["fifo", "dev-zero", "directory", "link-loop", "sparse-10g"] as const;
/** One of {@link BAD_FILES}. */
export type BadFile = typeof BAD_FILES[number];

/** Makes a bad file of `kind` at `name` in the case's folder; returns its path. */
export async function badFile(k: Kit, name: string, kind: BadFile): Promise<string> {
  const p = k.path(name);
  switch (kind) {
    case "fifo": {
      const r = await new Deno.Command("mkfifo", { args: [p] }).output();
      if (!r.success) throw new Error("mkfifo failed");
      return p;
    }
    case "dev-zero":
      await Deno.symlink("/dev/zero", p);
      return p;
    case "directory":
      await Deno.mkdir(p);
      return p;
    case "link-loop":
      await Deno.symlink(`${p}.other`, p);
      await Deno.symlink(p, `${p}.other`);
      return p;
    case "sparse-10g": {
      const f = await Deno.open(p, { write: true, create: true });
      await f.truncate(10 * 1024 ** 3);
      f.close();
      return p;
    }
  }
}

/** A valid sealed report (the sample one). */
export function validReport(): Promise<Report> {
  return sampleReport({ fault: "none" });
}

/** Seals a (changed) report body again, so only what is checked after the digest can refuse it. */
export async function reseal(r: Report): Promise<Report> {
  const { digest: _, ...body } = r;
  return await seal(body);
}

/** The report files under `dir` (any depth). */
export function reportsUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: Deno.DirEntry[];
    try {
      entries = [...Deno.readDirSync(d)];
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory) walk(p);
      else if (e.name === "report.json") out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Null when a report under `dir` verifies (and is final unless `partial`), else why not. */
export async function reportProblem(dir: string, partial = false): Promise<string | null> {
  const found = reportsUnder(dir);
  if (found.length === 0) return `no report under ${dir}`;
  for (const f of found) {
    try {
      const r = await readVerifiedReport(f);
      if (r.partial === partial) return null;
    } catch (e) {
      return `${f}: ${(e as Error).message.slice(0, 200)}`;
    }
  }
  return `no ${partial ? "partial" : "final"} report under ${dir}`;
}

/** The result of probe `id` in the report under `dir`. */
export async function resultIn(dir: string, id: string) {
  for (const f of reportsUnder(dir)) {
    const r = await readVerifiedReport(f).catch(() => null);
    const p = r?.probes.find((x) => x.id === id);
    if (p) return p;
  }
  return null;
}
