/**
 * Loads the watch scenarios of a folder (every `*.json`, sorted), validated all at once so
 * one message names every broken file and field, and prints their outcomes as a table.
 *
 * @module
 */
import { basename, join } from "node:path";
import { formatIssues } from "../../util/zod_issues.ts";
import type { WatchOutcome } from "./watch_harness.ts";
import { type WatchScenario, watchScenarioSchema } from "./watch_scenario_schema.ts";

/**
 * Reads and validates the watch scenarios in `dir`. Requires `--allow-read`.
 *
 * @throws {Error} naming each file and field that is wrong
 */
export async function loadWatchScenarios(dir: string): Promise<WatchScenario[]> {
  const files: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && e.name.endsWith(".json")) files.push(join(dir, e.name));
  }
  files.sort();
  const problems: string[] = [];
  const out: WatchScenario[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(await Deno.readTextFile(file));
    } catch (e) {
      problems.push(`Cannot load watch scenario "${file}": ${(e as Error).message}`);
      continue;
    }
    const r = watchScenarioSchema.safeParse(raw);
    if (!r.success) {
      problems.push(`Cannot load watch scenario "${file}": ${formatIssues(r.error.issues)}`);
      continue;
    }
    out.push({ ...r.data, name: r.data.name ?? basename(file, ".json"), file });
  }
  if (files.length === 0) problems.push(`No watch scenario files (*.json) in "${dir}"`);
  if (problems.length) throw new Error(problems.join("\n"));
  return out;
}

/** The table of watch outcomes and its closing line. Pure. */
export function watchTable(outcomes: readonly WatchOutcome[]): string {
  const rows = outcomes.map(watchRow);
  const head = ["watch scenario", "expected", "found (start/end vs fault, s)", "verdict", "time"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  const ok = outcomes.filter((o) => o.judgement?.correct).length;
  const alarms = outcomes.reduce((n, o) => n + (o.judgement?.falseAlarms.length ?? 0), 0);
  return [
    line(head),
    ...rows.map(line),
    `${ok}/${outcomes.length} watch scenarios correct, ${alarms} false alarms`,
  ].join("\n");
}

/** One row's cells. */
export function watchRow(o: WatchOutcome): string[] {
  const expected = o.scenario.timeline.map((w) => `${w.expect.kinds[0]}@${w.expect.segment}`)
    .join(", ") || "(none)";
  const time = `${(o.ms / 1000).toFixed(0)}s`;
  if (!o.judgement) return [o.scenario.name, expected, o.error ?? "", "ERROR", time];
  const j = o.judgement;
  const found = [
    ...j.windows.map((m) =>
      m.event
        ? `${m.event.kind}@${m.event.segment} ${fmt(m.startDelta)}/${fmt(m.endDelta)}${
          m.ok ? "" : ` (${m.why})`
        }`
        : `missing ${m.expected}`
    ),
    ...j.falseAlarms.map((e) => `false alarm ${e.kind}@${e.segment} ${e.from.slice(11, 19)}`),
  ].join("; ") || "no events";
  return [o.scenario.name, expected, found, j.correct ? "ok" : "WRONG", time];
}

function fmt(x: number | null): string {
  return x === null ? "end" : `${x >= 0 ? "+" : ""}${x.toFixed(1)}`;
}
