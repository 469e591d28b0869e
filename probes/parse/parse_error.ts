/**
 * The one error parsers throw: the text was not output of the expected command.
 *
 * @module
 */

/**
 * Command output could not be parsed. Names the kind of output and what was missing, so
 * `kiriwake parse` can tell support staff what to ask the customer for.
 *
 * @example
 * ```ts
 * import { ParseError } from "./parse_error.ts";
 * new ParseError("ping", ["replies", "statistics"]).message;
 * // "Cannot parse ping output: found no replies, statistics"
 * ```
 */
export class ParseError extends SyntaxError {
  /** The kind of output that was expected, e.g. `ping`. */
  readonly kind: string;
  /** What the parser looked for and did not find. */
  readonly missing: readonly string[];
  /**
   * @param kind the kind of output that was expected
   * @param missing what was looked for and not found
   */
  constructor(kind: string, missing: readonly string[]) {
    super(`Cannot parse ${kind} output: found no ${missing.join(", ")}`);
    this.name = "ParseError";
    this.kind = kind;
    this.missing = missing;
  }
}
