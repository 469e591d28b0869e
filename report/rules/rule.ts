/**
 * The shape of a diagnosis rule: one small pure function from probe results to findings.
 *
 * @module
 */
import type { ProbeResult, Segment } from "../../probes/types.ts";
import type { Finding } from "../schema.ts";

/** What a rule reads. */
export interface RuleInput {
  /** Results by probe id. */
  results: ReadonlyMap<string, ProbeResult>;
}

/** A finding, plus where it sits in causal order when that differs from its segment. */
export interface RuleFinding extends Finding {
  /**
   * Causal position, as the segment whose faults this one explains and is explained by.
   * E.g. "nothing on the internet answers by IP" sits at `isp`: it explains DNS failures.
   */
  causalAt?: Segment;
  /**
   * The segment whose fault this finding follows from, when the rule can tell (e.g. every
   * failed request failed at its DNS lookup). It becomes a consequence of that fault.
   */
  explainedBy?: Segment;
}

/** A diagnosis rule. Pure: same results, same findings. */
export type Rule = (input: RuleInput) => RuleFinding[];

/** The data of a measured result, or null when the probe did not measure. */
export function measured<T>(input: RuleInput, id: string): T | null {
  const r = input.results.get(id);
  return r && (r.status === "ok" || r.status === "warn" || r.status === "fail")
    ? r.data as T
    : null;
}
