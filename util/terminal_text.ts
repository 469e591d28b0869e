/**
 * Text on its way to a terminal, made inert. A report, a plugin's summary, an SSID or a file
 * name comes from outside the kit; printed as it is, an escape sequence in it can recolour,
 * move the cursor, erase what the kit printed, retitle the window or (on some terminals)
 * write files and answer back. Bidirectional overrides can make text read differently from
 * what it is. All of that is removed; tabs and newlines stay.
 *
 * @module
 */

// String sequences (OSC, DCS, SOS, PM, APC) with their payload, up to their terminator.
const STRING_SEQUENCE =
  // deno-lint-ignore no-control-regex -- matching controls is the point
  /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)/g;
// Control sequences: ESC [ (or the 8-bit CSI) parameters, intermediates, a final byte.
// deno-lint-ignore no-control-regex -- matching controls is the point
const CONTROL_SEQUENCE = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]/g;
// Any other escape: ESC and the byte after it.
// deno-lint-ignore no-control-regex -- matching controls is the point
const OTHER_ESCAPE = /\x1b[\x20-\x7e]?/g;
// C0 controls but tab and newline, DEL, C1 controls, bidirectional embeddings and isolates.
// deno-lint-ignore no-control-regex -- matching controls is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** The line-clearing sequence the kit's own progress bar draws with. */
export const CLEAR_LINE = "\r\x1b[2K";

/**
 * `text` without anything a terminal would act on instead of showing.
 *
 * @example
 * ```ts
 * import { terminalSafe } from "./terminal_text.ts";
 * terminalSafe("ok\x1b[2J\x1b]0;pwned\x07 done\r\n"); // "ok done\n"
 * ```
 */
export function terminalSafe(text: string): string {
  return text
    .replace(STRING_SEQUENCE, "")
    .replace(CONTROL_SEQUENCE, "")
    .replace(OTHER_ESCAPE, "")
    .replace(CONTROL, "");
}

/**
 * Like {@link terminalSafe}, but keeps the kit's own {@link CLEAR_LINE} sequences: what a
 * terminal is finally handed, after the pieces from outside were cleaned where they were
 * put together.
 */
export function terminalSafeKeepingProgress(text: string): string {
  return text.split(CLEAR_LINE).map(terminalSafe).join(CLEAR_LINE);
}

/**
 * JSON text with the characters a terminal acts on written as `\u` escapes: the same JSON
 * value, safe to print. (`JSON.stringify` escapes C0 controls already; DEL, C1 controls and
 * bidirectional overrides it leaves as they are.)
 *
 * @example
 * ```ts
 * import { jsonSafeForTerminal } from "./terminal_text.ts";
 * jsonSafeForTerminal(JSON.stringify({ s: "a\u009b2Jb" })); // '{"s":"a\\u009b2Jb"}'
 * ```
 */
export function jsonSafeForTerminal(json: string): string {
  return json.replace(
    /[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
