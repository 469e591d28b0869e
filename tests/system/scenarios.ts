/**
 * Loads the scenario files of a folder: every `*.json`, sorted by name, validated all at
 * once so one message names every broken file and field before anything is built.
 *
 * @module
 */
import { basename, join } from "node:path";
import { formatIssues } from "../../util/zod_issues.ts";
import { type Scenario, scenarioSchema } from "./scenario_schema.ts";

/**
 * Reads and validates the scenarios in `dir`. Requires `--allow-read`.
 *
 * @throws {Error} naming each file and field that is wrong, or when names repeat
 */
export async function loadScenarios(dir: string): Promise<Scenario[]> {
  const files: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && e.name.endsWith(".json")) files.push(join(dir, e.name));
  }
  files.sort();
  const problems: string[] = [];
  const out: Scenario[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(await Deno.readTextFile(file));
    } catch (e) {
      problems.push(`Cannot load scenario "${file}": ${(e as Error).message}`);
      continue;
    }
    const r = scenarioSchema.safeParse(raw);
    if (!r.success) {
      problems.push(`Cannot load scenario "${file}": ${formatIssues(r.error.issues)}`);
      continue;
    }
    out.push({ ...r.data, name: r.data.name ?? basename(file, ".json"), file });
  }
  const seen = new Set<string>();
  for (const s of out) {
    if (seen.has(s.name)) problems.push(`Scenario name "${s.name}" is used twice (${s.file})`);
    seen.add(s.name);
  }
  if (files.length === 0) problems.push(`No scenario files (*.json) in "${dir}"`);
  if (problems.length) throw new Error(problems.join("\n"));
  return out;
}
