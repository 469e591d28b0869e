/**
 * What comes back from a plugin, checked: the result schema, the errors that name the
 * plugin and the cause, and the dependency results a plugin is shown.
 *
 * @module
 */
import { z } from "zod";
import type { ProbeOutcome, ProbeResult } from "../probes/types.ts";
import { formatIssues } from "../util/zod_issues.ts";
import { MAX_RESULT_DEPTH, nestsDeeperThan } from "../util/json_text.ts";
import type { DependencyResult } from "./api.ts";

const text = z.string().min(1).max(2000);
const localized = z.object({ ja: text, en: text }).strict();

/** A plugin's result (see `PluginResult` in `plugins/api.ts`). */
export const pluginResultSchema = z.object({
  status: z.enum(["ok", "warn", "fail", "skipped"]),
  summary: localized,
  reason: localized.optional(),
  data: z.record(z.string(), z.unknown()).default({}),
  evidence: z.array(z.object({ label: z.string().max(200), text: z.string() }).strict()).max(20)
    .default([]),
}).strict();

/** Why a plugin did not give a result; `name` is what callers and reports branch on. */
export class PluginError extends Error {
  /**
   * @param name e.g. `PluginPermissionDenied`, `PluginCrashed`, `PluginInvalidResult`
   * @param message names the plugin and the cause
   */
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * Checks a plugin's result: nested no deeper than {@link MAX_RESULT_DEPTH} levels (so the
 * report that holds it can always be written), then the schema.
 *
 * @throws {PluginError} `PluginInvalidResult`, naming the depth limit or every wrong field
 */
export function parsePluginResult(id: string, value: unknown): ProbeOutcome {
  if (nestsDeeperThan(value, MAX_RESULT_DEPTH)) {
    throw new PluginError(
      "PluginInvalidResult",
      `Plugin "${id}" returned a result nested deeper than ${MAX_RESULT_DEPTH} levels (the limit)`,
    );
  }
  const r = pluginResultSchema.safeParse(value);
  if (!r.success) {
    throw new PluginError(
      "PluginInvalidResult",
      `Plugin "${id}" returned an invalid result: ${formatIssues(r.error.issues)}`,
    );
  }
  return r.data;
}

/**
 * The error for a failure the sandbox reported, by the name of what was thrown in it.
 */
export function sandboxError(id: string, name: string, message: string): PluginError {
  const p = `Plugin "${id}"`;
  if (name === "NotCapable" || name === "PermissionDenied") {
    return new PluginError(
      "PluginPermissionDenied",
      `${p} used a permission its manifest entry does not declare: ${message}`,
    );
  }
  if (name === "ImportRefused") {
    return new PluginError("PluginImportRefused", `${p} tried to import a module: ${message}`);
  }
  if (name === "EvalError") {
    return new PluginError(
      "PluginEvalRefused",
      `${p} tried to run code made from a string, which plugins cannot do: ${message}`,
    );
  }
  if (name === "ResultTooLarge") return new PluginError("PluginOutputTooLarge", `${p}: ${message}`);
  if (name === "InvalidResult") return new PluginError("PluginInvalidResult", `${p}: ${message}`);
  if (name === "Uncaught") return new PluginError("PluginCrashed", `${p} crashed: ${message}`);
  return new PluginError("PluginFailed", `${p} failed: ${name}: ${message}`);
}

/** The dependency results a plugin sees: the recorded results, without timings. */
export function dependencyView(
  deps: Readonly<Record<string, ProbeResult>>,
): Record<string, DependencyResult> {
  return Object.fromEntries(
    Object.entries(deps).map(([id, r]) => [id, {
      id: r.id,
      segment: r.segment,
      status: r.status,
      ...(r.summary ? { summary: r.summary } : {}),
      data: r.data,
    }]),
  );
}

/** The plugin's time before its own signal fires: a little less than the runner's. */
export function softTimeout(timeoutMs: number): number {
  return Math.max(50, timeoutMs - Math.min(1000, Math.floor(timeoutMs / 5)));
}
