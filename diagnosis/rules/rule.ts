/**
 * The shape of a diagnosis rule: one small pure function from probe results to findings,
 * and the causal facts each finding carries so the diagnosis can tell a fault from its
 * consequences.
 *
 * @module
 */
import type { BuiltinData, BuiltinProbeId } from "../../probes/mod.ts";
import { isMeasured, type ProbeResult, type Segment } from "../../probes/types.ts";
import type { Finding } from "../schema.ts";

/** What a rule reads. */
export interface RuleInput {
  /** Results by probe id. */
  results: ReadonlyMap<string, ProbeResult>;
}

/**
 * Where on the path a thing sits, from the customer outwards. DNS is not a place: a
 * resolver sits in the home (`lan`), at the provider (`isp`) or out on the `internet`.
 */
export const LOCATIONS = ["device", "lan", "isp", "internet", "service"] as const;
/** One place on the path. */
export type Location = typeof LOCATIONS[number];

/**
 * Kinds of failure, for matching causes to consequences:
 * - `path`: packets do not get through (nothing beyond works);
 * - `quality`: they get through late or not all of them (loss, delay, jitter, slowness);
 * - `names`: names do not resolve to the right addresses;
 * - `tls`: secure connections are refused (clock, interception);
 * - `stall`: connections open but large transfers hang (a path-MTU black hole).
 */
export type FailureKind = "path" | "quality" | "names" | "tls" | "stall";

/** The id of a plugin probe a finding rests on (built-in ids are checked, these are not). */
export type PluginProbeId = string & { readonly plugin: unique symbol };

/** Marks `id` as a plugin probe's, for a finding's evidence. */
export function pluginProbeId(id: string): PluginProbeId {
  return id as PluginProbeId;
}

/** What a finding rests on: a probe, named by a checked built-in id (or a plugin's), and numbers. */
export interface RuleEvidence {
  probe: BuiltinProbeId | PluginProbeId;
  values?: Record<string, unknown>;
}

/** A finding, plus the causal facts the diagnosis orders findings by (not in the report). */
export interface RuleFinding extends Omit<Finding, "evidence"> {
  /** The probes and the numbers the finding rests on. */
  evidence: RuleEvidence[];
  /** Where the thing at fault sits; by default the finding's segment (`dns` → `isp`). */
  at?: Location;
  /** What this fault takes down for everything at or beyond `at`, if anything. */
  breaks?: FailureKind;
  /**
   * What kind of failure this is when seen as a symptom. Default: `path` for `fail`,
   * `quality` for `warn`.
   */
  symptom?: FailureKind;
}

/** A diagnosis rule. Pure: same results, same findings. */
export type Rule = (input: RuleInput) => RuleFinding[];

/** The result of a built-in probe, whatever its status, or undefined when it did not run. */
export function resultOf(input: RuleInput, id: BuiltinProbeId): ProbeResult | undefined {
  return input.results.get(id);
}

/**
 * The data of a built-in probe's measured result, typed by that probe's schema, or null when
 * the probe did not measure. The id is checked against the registry at compile time.
 */
export function measured<Id extends BuiltinProbeId>(
  input: RuleInput,
  id: Id,
): BuiltinData<Id> | null {
  const r = input.results.get(id);
  return r && isMeasured(r.status) ? r.data as BuiltinData<Id> : null;
}

/** Where a finding's thing sits when the rule did not say. */
export function defaultLocation(segment: Segment): Location {
  return segment === "dns" ? "isp" : segment;
}
