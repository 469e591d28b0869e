/**
 * The randomised table: each run classified (right segment, wrong segment, inconclusive, no
 * fault found), accuracy per fault kind, location and severity, the confusion matrix
 * (expected × blamed segment), the false-alarm rate over healthy runs, and whether the
 * issue's bar is met: ≥ 95 % right above each kind's threshold, no wrong segment below it,
 * no false alarm. Pure.
 *
 * @module
 */
import { describeRate, failureRate, successRate } from "../../util/stats.ts";
import { FAULT_KINDS, type FaultKind } from "./fault_kinds.ts";
import type { ScenarioOutcome } from "./harness.ts";
import type { RandomCase } from "./random_cases.ts";

/** How one run ended. */
export type Verdict = "right" | "wrong" | "inconclusive" | "none" | "error";

/** One classified run. */
export interface RandomResult {
  case: RandomCase;
  verdict: Verdict;
  /** What the headline named (a segment, `inconclusive`, `none`). */
  blamed: string;
  /** Healthy runs: warnings or faults nothing explains. */
  falseAlarms: string[];
  roots: string[];
  ms: number;
  dir: string | null;
  error?: string;
  /** What `path.loss` added: extra rounds and their time (null when it did not run). */
  adaptive?: { rounds: number; usedMs: number } | null;
}

/** Classifies the outcome of one case. */
export function classify(c: RandomCase, o: ScenarioOutcome): RandomResult {
  const run = o.runs[0];
  if (!run) {
    return {
      case: c,
      verdict: "error",
      blamed: "error",
      falseAlarms: [],
      roots: [],
      ms: 0,
      dir: null,
      error: o.error ?? "no run",
    };
  }
  const j = run.judgement;
  const blamed = j.headline ?? (j.inconclusive ? "inconclusive" : "none");
  const verdict: Verdict = c.location === null
    ? (j.falseAlarms.length === 0 ? "right" : "wrong")
    : j.headline === c.location
    ? "right"
    : j.headline !== null
    ? "wrong"
    : j.inconclusive
    ? "inconclusive"
    : "none";
  return {
    case: c,
    verdict,
    blamed,
    falseAlarms: c.location === null ? j.falseAlarms : [],
    roots: j.roots,
    ms: run.ms,
    dir: run.dir,
  };
}

/** The bucket a severity falls in, as a label. */
export function bucketOf(kind: FaultKind | undefined, c: RandomCase): string {
  if (!kind || c.severity === null) return "-";
  if (kind.modes) return kind.modes[c.severity];
  const edges = kind.buckets ?? [kind.severity.min, kind.severity.max];
  for (let i = 0; i < edges.length - 1; i++) {
    if (c.severity >= edges[i] && c.severity < edges[i + 1]) return `${edges[i]}–${edges[i + 1]}`;
  }
  return `${edges.at(-1)}+`;
}

/** The verdicts of the table: pass/fail per criterion. */
export interface RandomSummary {
  faulted: number;
  healthy: number;
  /** Per kind: right above its threshold, out of those runs. */
  aboveThreshold: { kind: string; right: number; n: number; ok: boolean }[];
  wrongBelowThreshold: number;
  falseAlarms: number;
  errors: number;
  passed: boolean;
}

/** Sums the results against the issue's bar. */
export function summarize(results: readonly RandomResult[]): RandomSummary {
  const faulted = results.filter((r) => r.case.location !== null);
  const healthy = results.filter((r) => r.case.location === null);
  const kinds = [...new Set(faulted.map((r) => r.case.kind))];
  const aboveThreshold = kinds.map((kind) => {
    const mine = faulted.filter((r) =>
      r.case.kind === kind && r.case.detectable && r.verdict !== "error"
    );
    const right = mine.filter((r) => r.verdict === "right").length;
    return { kind, right, n: mine.length, ok: mine.length === 0 || right / mine.length >= 0.95 };
  });
  const wrongBelowThreshold =
    faulted.filter((r) => !r.case.detectable && r.verdict === "wrong").length;
  const falseAlarms = healthy.filter((r) => r.verdict === "wrong").length;
  const errors = results.filter((r) => r.verdict === "error").length;
  return {
    faulted: faulted.length,
    healthy: healthy.length,
    aboveThreshold,
    wrongBelowThreshold,
    falseAlarms,
    errors,
    passed: aboveThreshold.every((a) => a.ok) && wrongBelowThreshold === 0 && falseAlarms === 0 &&
      errors === 0,
  };
}

const BLAMED = ["device", "lan", "isp", "dns", "internet", "service", "inconclusive", "none"];

/** The whole randomised table as text. */
export function formatRandomTable(results: readonly RandomResult[], seed: number): string {
  const lines: string[] = [];
  const faulted = results.filter((r) => r.case.location !== null);
  const healthy = results.filter((r) => r.case.location === null);
  lines.push(
    `Randomised scenarios, seed ${seed}: ${faulted.length} faulted, ${healthy.length} healthy with noise`,
  );
  lines.push("");
  // Per kind, location and severity bucket.
  const rows: string[][] = [[
    "kind",
    "at",
    "severity",
    "runs",
    "right",
    "wrong",
    "inconcl.",
    "none",
    "threshold",
  ]];
  const groups = new Map<string, RandomResult[]>();
  for (const r of faulted) {
    const kind = FAULT_KINDS.find((k) => k.id === r.case.kind);
    const key = [r.case.kind, r.case.location, bucketOf(kind, r.case)].join("\u0000");
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const order = (k: string) => {
    const [kind, at, bucket] = k.split("\u0000");
    const kindIx = FAULT_KINDS.findIndex((x) => x.id === kind);
    return [kindIx, at, parseFloat(bucket) || 0] as const;
  };
  const keys = [...groups.keys()].sort((a, b) => {
    const [ka, la, ba] = order(a);
    const [kb, lb, bb] = order(b);
    return ka - kb || la.localeCompare(lb) || ba - bb || a.localeCompare(b);
  });
  for (const key of keys) {
    const rs = groups.get(key)!;
    const [kind, at, bucket] = key.split("\u0000");
    const fk = FAULT_KINDS.find((x) => x.id === kind);
    const t = fk?.threshold(rs[0].case.location!);
    const count = (v: string) => String(rs.filter((r) => r.verdict === v).length);
    rows.push([
      kind,
      at,
      bucket,
      String(rs.length),
      count("right"),
      count("wrong"),
      count("inconclusive"),
      count("none"),
      t
        ? `${t.worse === "higher" ? "≥" : "≤"} ${t.value}${
          fk?.modes ? "" : ` ${fk?.severity.unit}`
        }`
        : "-",
    ]);
  }
  lines.push(...grid(rows), "");
  // Confusion matrix.
  const expected = [...new Set(faulted.map((r) => r.case.location!))];
  const matrix: string[][] = [["expected \\ blamed", ...BLAMED]];
  for (const e of expected) {
    const mine = faulted.filter((r) => r.case.location === e);
    matrix.push([e, ...BLAMED.map((b) => String(mine.filter((r) => r.blamed === b).length))]);
  }
  matrix.push([
    "(healthy)",
    ...BLAMED.map((b) => String(healthy.filter((r) => blamedHealthy(r) === b).length)),
  ]);
  lines.push(...grid(matrix), "");
  const s = summarize(results);
  for (const a of s.aboveThreshold) {
    const rate = a.n ? describeRate(successRate(a.right, a.n)).en : "no runs";
    lines.push(`${a.ok ? "ok   " : "BELOW"} ${a.kind}: right above its threshold ${rate}`);
  }
  lines.push(`wrong segment below a threshold: ${s.wrongBelowThreshold}`);
  const fa = healthy.length
    ? describeRate(failureRate(s.falseAlarms, healthy.length)).en
    : "no runs";
  lines.push(`false alarms on healthy runs with noise: ${fa}`);
  if (s.errors) lines.push(`runs that could not be judged: ${s.errors}`);
  lines.push(...adaptiveLines(results));
  lines.push(s.passed ? "PASSED" : "NOT PASSED");
  return lines.join("\n");
}

/** How often `path.loss` measured more, and what it cost, faulted and healthy runs apart. */
function adaptiveLines(results: readonly RandomResult[]): string[] {
  const line = (label: string, rs: readonly RandomResult[]) => {
    const known = rs.filter((r) => r.adaptive);
    if (known.length === 0) return [];
    const used = known.filter((r) => r.adaptive!.rounds > 0).map((r) => r.adaptive!.usedMs);
    const sorted = [...used].sort((a, b) => a - b);
    const s = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
    return [
      `measured more (${label}): ${used.length} of ${known.length} runs` +
      (used.length
        ? `, extra time median ${s(sorted[Math.floor((sorted.length - 1) / 2)])}, max ${
          s(sorted.at(-1))
        }`
        : ""),
    ];
  };
  return [
    ...line("faulted", results.filter((r) => r.case.location !== null)),
    ...line("healthy", results.filter((r) => r.case.location === null)),
  ];
}

function blamedHealthy(r: RandomResult): string {
  return r.falseAlarms.length ? r.blamed : r.blamed === "inconclusive" ? "inconclusive" : "none";
}

function grid(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)];
}
