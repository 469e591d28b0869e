/**
 * Formats zod issues in the project's message style: every issue with its path, so one
 * message names everything wrong with a file at once.
 *
 * @module
 */
import type { z } from "zod";

/**
 * Formats issues as `path: message` lines, e.g. `probes[2].timeoutMs: Too small: expected number to be >0`.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { formatIssues } from "./zod_issues.ts";
 * const r = z.object({ probes: z.array(z.object({ timeoutMs: z.number().positive() })) })
 *   .safeParse({ probes: [{ timeoutMs: -1 }] });
 * if (!r.success) formatIssues(r.error.issues); // "probes[0].timeoutMs: Too small: …"
 * ```
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => {
    const path = formatPath(i.path);
    const keys = i.code === "unrecognized_keys" ? ` (${i.keys.join(", ")})` : "";
    return `${path || "(top level)"}: ${i.message}${keys}`;
  }).join("; ");
}

/** Formats a zod path as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}
