/**
 * The one error parsers throw: the text was not output of the expected command, or it was
 * no text a command prints at all (empty, binary, beyond the size limits).
 *
 * @module
 */

/** Why the input was refused before its content was looked at. */
export type InputProblem =
  | { reason: "empty" }
  | { reason: "binary"; at: number }
  | { reason: "too-large"; size: number; limit: number }
  | { reason: "line-too-long"; line: number; length: number; limit: number };

/**
 * Command output could not be parsed. Names the kind of output and what was missing, so
 * `kiriwake parse` can tell support staff what to ask the customer for; `problem` is set
 * when the input was refused as a whole (empty, binary, too large).
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
  /** Set when the input was refused before its content was read. */
  readonly problem: InputProblem | null;
  /**
   * @param kind the kind of output that was expected
   * @param missing what was looked for and not found
   * @param problem why the input was refused as a whole, if it was
   */
  constructor(kind: string, missing: readonly string[], problem: InputProblem | null = null) {
    super(
      problem
        ? `Cannot parse ${kind} output: ${describeProblem(problem)}`
        : `Cannot parse ${kind} output: found no ${missing.join(", ")}`,
    );
    this.name = "ParseError";
    this.kind = kind;
    this.missing = missing;
    this.problem = problem;
  }
}

/** The English words for an input problem, e.g. "line 3 is 65536 characters long (limit 16384)". */
export function describeProblem(p: InputProblem): string {
  switch (p.reason) {
    case "empty":
      return "the input is empty";
    case "binary":
      return `the input is binary data, not text (character ${p.at})`;
    case "too-large":
      return `the input is ${p.size} characters long (limit ${p.limit})`;
    case "line-too-long":
      return `line ${p.line} is ${p.length} characters long (limit ${p.limit})`;
  }
}
