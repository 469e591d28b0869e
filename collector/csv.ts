/**
 * CSV for exports (RFC 4180): every text cell quoted when it needs to be, and text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first — OWASP's "CSV
 * injection") prefixed with `'`, because a ticket, a host name or an SSID is whatever the
 * customer's device said. Numbers stay numbers. A UTF-8 byte order mark first, so Excel on
 * Japanese Windows reads the Japanese text as UTF-8.
 *
 * @example
 * ```ts
 * import { toCsv } from "./csv.ts";
 * toCsv(["a", "b"], [["=1+1", 2], ['say "hi"', null]]);
 * // '\uFEFFa,b\r\n\'=1+1,2\r\n"say ""hi""",\r\n'
 * ```
 *
 * @module
 */

/** A cell: text, a number, a boolean, a time, or nothing. */
export type Cell = string | number | boolean | Date | null | undefined;

/** One cell as CSV. */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  let s = v instanceof Date ? v.toISOString() : v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A whole CSV document. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [header.map(csvCell).join(",")];
  for (const r of rows) lines.push(r.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
