/**
 * The scenario table: one row per scenario (expected segment, what the headline said,
 * the findings, the time) and the closing line `N/M scenarios correct, K false alarms`.
 * Pure.
 *
 * @module
 */
import type { ScenarioOutcome } from "./harness.ts";

/** Totals over all scenarios. */
export interface Totals {
  correct: number;
  total: number;
  /** False alarms summed over every run of every scenario. */
  falseAlarms: number;
  /** False alarms on healthy scenarios (expected headline null) only. */
  healthyFalseAlarms: number;
}

/** Sums the outcomes; skipped scenarios are not counted. */
export function totals(all: readonly ScenarioOutcome[]): Totals {
  let falseAlarms = 0;
  let healthyFalseAlarms = 0;
  const outcomes = all.filter((o) => !o.skipped);
  for (const o of outcomes) {
    for (const r of o.runs) {
      falseAlarms += r.judgement.falseAlarms.length;
      if (o.scenario.expect.headline === null) healthyFalseAlarms += r.judgement.falseAlarms.length;
    }
  }
  return {
    correct: outcomes.filter((o) => o.correct).length,
    total: outcomes.length,
    falseAlarms,
    healthyFalseAlarms,
  };
}

/** The closing line. */
export function summaryLine(t: Totals): string {
  return `${t.correct}/${t.total} scenarios correct, ${t.falseAlarms} false alarms`;
}

/** One row's cells. */
export function row(o: ScenarioOutcome): string[] {
  const expected = o.scenario.expect.headline ?? "(none)";
  const time = o.runs.reduce((s, r) => s + r.ms, 0) / 1000;
  if (o.skipped) {
    return [o.scenario.name, expected, "skipped", `needs ${o.skipped.join(", ")}`, fmt(0)];
  }
  if (o.error) return [o.scenario.name, expected, "ERROR", o.error.split("\n")[0], fmt(time)];
  const last = o.runs.at(-1)!.judgement;
  const got = last.headline ?? "(none)";
  const okRuns = o.runs.filter((r) => r.judgement.correct).length;
  const verdict = `${o.correct ? "ok" : "WRONG"} ${got}` +
    (o.runs.length > 1 ? ` (${okRuns}/${o.runs.length} runs)` : "");
  const alarms = [...new Set(o.runs.flatMap((r) => r.judgement.falseAlarms))];
  const missing = [...new Set(o.runs.flatMap((r) => r.judgement.missing))];
  const findings = [
    last.roots.join(", ") || "-",
    last.consequences ? `+${last.consequences} consequences` : "",
    missing.length ? `missing: ${missing.join(", ")}` : "",
    alarms.length ? `false alarm: ${alarms.join(", ")}` : "",
  ].filter(Boolean).join("; ");
  return [o.scenario.name, expected, verdict, findings, fmt(time)];
}

/** The whole table as text, header and summary line included. */
export function formatTable(outcomes: readonly ScenarioOutcome[]): string {
  const rows = [["scenario", "expected", "verdict", "findings", "time"], ...outcomes.map(row)];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r.map((c, i) => i === r.length - 1 ? c.padStart(widths[i]) : c.padEnd(widths[i])).join("  ")
      .trimEnd();
  return [
    line(rows[0]),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(1).map(line),
    "",
    ...skippedLine(outcomes),
    summaryLine(totals(outcomes)),
  ].join("\n");
}

function skippedLine(outcomes: readonly ScenarioOutcome[]): string[] {
  const skipped = outcomes.filter((o) => o.skipped);
  if (skipped.length === 0) return [];
  const ids = [...new Set(skipped.flatMap((o) => o.skipped!))];
  return [`${skipped.length} scenarios skipped: this build has no ${ids.join(", ")}`];
}

function fmt(seconds: number): string {
  return `${seconds.toFixed(1)}s`;
}
