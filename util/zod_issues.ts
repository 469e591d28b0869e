/**
 * Formats zod issues in the project's message style: every issue with its path, so one
 * message names everything wrong with a file at once — up to a point. A file with twenty
 * thousand wrong entries gets the first {@link MAX_LISTED_ISSUES} and a count of the rest,
 * each cut to {@link MAX_ISSUE_CHARS} characters, not a 14 MB line.
 *
 * @module
 */
import type { z } from "zod";

/** How many issues one message lists; the rest are counted. */
export const MAX_LISTED_ISSUES = 20;
/** How long one listed issue may be, in characters. */
export const MAX_ISSUE_CHARS = 300;

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
  return joinIssues(issues.map((i) => {
    const path = formatPath(i.path);
    const keys = i.code === "unrecognized_keys" ? ` (${i.keys.join(", ")})` : "";
    return `${path || "(top level)"}: ${i.message}${keys}`;
  }));
}

/**
 * Joins issue lines with `; `, listing at most {@link MAX_LISTED_ISSUES} (each cut to
 * {@link MAX_ISSUE_CHARS} characters, line breaks flattened) and counting the rest.
 *
 * @example
 * ```ts
 * import { joinIssues } from "./zod_issues.ts";
 * joinIssues(Array.from({ length: 22 }, (_, i) => `probes[${i}]: wrong`));
 * // "probes[0]: wrong; …; probes[19]: wrong; and 2 more issues"
 * ```
 */
export function joinIssues(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LISTED_ISSUES).map(oneLine);
  const more = lines.length - shown.length;
  if (more > 0) shown.push(`and ${more} more issue${more === 1 ? "" : "s"}`);
  return shown.join("; ");
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

function oneLine(s: string): string {
  const flat = s.replace(/[\r\n]+/g, " ");
  return flat.length > MAX_ISSUE_CHARS ? `${flat.slice(0, MAX_ISSUE_CHARS - 1)}…` : flat;
}
