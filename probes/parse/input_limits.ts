/**
 * The limits every parser holds its input to before reading it: not empty, text rather than
 * binary, at most {@link MAX_INPUT_CHARS} characters and, outside JSON, no line longer than
 * {@link MAX_LINE_CHARS}. Real command output is far inside them (the longest line in the
 * fixtures and corpora is 2,911 characters: `wdutil`'s list of supported channels; a
 * 200,000-reply ping is 13 MB), and every parser's regular expressions run in time linear in
 * the line, so the limits bound the time of any one parse.
 *
 * @module
 */
import { ParseError } from "./parse_error.ts";

/** The most characters a parser reads: 16 Mi (a 200,000-reply ping is about 13 M). */
export const MAX_INPUT_CHARS = 16 * 1024 * 1024;

/** The longest line a text parser reads: 16 Ki, five times the longest real line seen. */
export const MAX_LINE_CHARS = 16 * 1024;

/** Options of {@link checkInput}. */
export interface InputCheckOptions {
  /** JSON output (`ip -j route`) may be one long line; its parser is linear. */
  longLines?: boolean;
}

/**
 * Throws {@link ParseError} (with its `problem` set) when `text` is empty or blank, binary
 * (a NUL, or control characters and U+FFFD replacement characters making up more than 1 % of
 * it), longer than {@link MAX_INPUT_CHARS}, or has a line longer than {@link MAX_LINE_CHARS}.
 *
 * @param kind the kind of output the caller parses, for the message
 * @example
 * ```ts
 * import { checkInput } from "./input_limits.ts";
 * checkInput("ping", "PING 192.0.2.1 (192.0.2.1) 56(84) bytes of data.\n"); // passes
 * ```
 */
export function checkInput(kind: string, text: string, opts: InputCheckOptions = {}): void {
  if (text.length > MAX_INPUT_CHARS) {
    throw new ParseError(kind, [], {
      reason: "too-large",
      size: text.length,
      limit: MAX_INPUT_CHARS,
    });
  }
  if (text.trim() === "") throw new ParseError(kind, [], { reason: "empty" });
  const binaryAt = binaryPosition(text);
  if (binaryAt >= 0) throw new ParseError(kind, [], { reason: "binary", at: binaryAt });
  if (opts.longLines) return;
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > MAX_LINE_CHARS) {
      throw new ParseError(kind, [], {
        reason: "line-too-long",
        line,
        length: stop - start,
        limit: MAX_LINE_CHARS,
      });
    }
    if (end < 0) break;
    start = end + 1;
  }
}

/**
 * The position of the first NUL, or of the first suspicious character when they make up more
 * than 1 % of the text (and at least 8); -1 for text. Suspicious: C0 controls other than tab,
 * line ends, form feed and escape (colour codes in pasted text), DEL, C1 controls, U+FFFD.
 */
function binaryPosition(text: string): number {
  const nul = text.indexOf("\0");
  if (nul >= 0) return nul;
  let count = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const bad = (c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 &&
      c !== 0x1b) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd;
    if (bad) {
      if (first < 0) first = i;
      count++;
    }
  }
  return count >= 8 && count * 100 > text.length ? first : -1;
}
