/**
 * Judges one run of a scenario: did the headline name the expected segment, are the
 * expected findings there, and which warnings or faults were raised that nothing explains
 * (false alarms). Pure.
 *
 * @module
 */
import type { Segment } from "../../probes/types.ts";
import type { Diagnosis } from "../../diagnosis/schema.ts";

/** What a scenario expects (the `expect` block of its file). */
export interface Expectation {
  headline: Segment | null;
  findings: readonly string[];
  allow: readonly string[];
}

/** The judgement of one run. */
export interface Judgement {
  correct: boolean;
  /** The segment the headline named. */
  headline: Segment | null;
  /** Expected finding ids that were not raised. */
  missing: string[];
  /** Warnings or faults raised that are neither expected, allowed, nor explained. */
  falseAlarms: string[];
  /** Raised warnings/faults as `id` (roots) — consequences are counted, not listed. */
  roots: string[];
  consequences: number;
  /** No fault named, but the headline says the evidence could not decide (`…-inconclusive`). */
  inconclusive: boolean;
}

/** Strips the `#2` suffix the diagnosis gives repeated ids. */
export function baseId(id: string): string {
  return id.replace(/#\d+$/, "");
}

/**
 * Judges `diagnosis` against `expect`.
 *
 * A false alarm is a warn/fail finding that is not a consequence of another, not listed in
 * `findings` or `allow`, and — when a fault was injected — about another segment than the
 * one at fault. On a healthy network every such finding is a false alarm.
 */
export function judge(expect: Expectation, diagnosis: Diagnosis): Judgement {
  const raised = diagnosis.findings.filter((f) => f.severity !== "info");
  const ids = new Set(diagnosis.findings.map((f) => baseId(f.id)));
  const missing = expect.findings.filter((id) => !ids.has(id));
  const known = new Set([...expect.findings, ...expect.allow]);
  const falseAlarms = raised
    .filter((f) => !f.consequenceOf && !known.has(baseId(f.id)))
    .filter((f) => expect.headline === null || f.segment !== expect.headline)
    .map((f) => f.id);
  const headline = diagnosis.headline.segment;
  return {
    correct: headline === expect.headline && missing.length === 0 &&
      (expect.headline !== null || falseAlarms.length === 0),
    headline,
    missing,
    falseAlarms,
    roots: raised.filter((f) => !f.consequenceOf).map((f) => f.id),
    consequences: raised.filter((f) => f.consequenceOf).length,
    inconclusive: headline === null && !!diagnosis.headline.finding?.endsWith("-inconclusive"),
  };
}
