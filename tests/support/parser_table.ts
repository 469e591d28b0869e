/**
 * The refusal table: what every parser of the KIND table must do with every input of
 * `parser_inputs.ts` — its own recorded output parses to the expected parse, anything else
 * (another kind's output, empty, binary, long lines, huge text) is refused with a
 * `ParseError`, and nothing else is ever thrown. Shared by `tests/parser_table_test.ts` (CI)
 * and `bench/parser_table.ts` (`deno task parsers:table`, which also times every case).
 *
 * @module
 */
import { type ParseKind, PARSERS } from "../../probes/parse/mod.ts";
import { ParseError } from "../../probes/parse/parse_error.ts";
import type { Platform } from "../../probes/types.ts";
import { expectsError } from "./fixture_files.ts";
import { HUGE_PING_REPLIES, type ParserInput } from "./parser_inputs.ts";

/** Kinds that share one parser: each reads the others' output as its own. */
const FAMILY: Record<string, string> = {
  traceroute: "trace",
  tracert: "trace",
  tracepath: "trace",
  route: "routes",
  netstat: "routes",
};

const family = (kind: string) => FAMILY[kind] ?? kind;

/** How one case ended. `clean` is every outcome the table allows. */
export type Outcome =
  | { verdict: "clean"; how: "refused" | "parsed" }
  | { verdict: "accepted" | "wrong" | "crash"; detail: string };

/** The OS `kiriwake parse` would pass: the fixture's for its own family, else the kind's own. */
function osFor(kind: ParseKind, input: ParserInput): Platform | undefined {
  const os = PARSERS[kind].os;
  if (input.kind && family(input.kind) === family(kind) && input.os) {
    return os.includes(input.os as Platform) ? input.os as Platform : os[0];
  }
  return os.length === 1 ? os[0] : undefined;
}

/** Runs one case and judges it. Never throws. */
export function runCase(kind: ParseKind, input: ParserInput): Outcome {
  let result: unknown;
  try {
    result = PARSERS[kind].parse(input.text, { os: osFor(kind, input) });
  } catch (e) {
    if (!(e instanceof ParseError)) {
      return { verdict: "crash", detail: `${(e as Error)?.name}: ${(e as Error)?.message}` };
    }
    if (e.message.includes("\n")) return { verdict: "wrong", detail: "two-line message" };
    const own = input.kind !== null && family(input.kind) === family(kind);
    if (own && !expectsError(input.expected) && parsesAsOwn(kind, input)) {
      return { verdict: "wrong", detail: `refused its own output: ${e.message}` };
    }
    return { verdict: "clean", how: "refused" };
  }
  const json = JSON.parse(JSON.stringify(result));
  if (input.kind !== null && family(input.kind) === family(kind)) {
    if (expectsError(input.expected)) return { verdict: "accepted", detail: "should refuse" };
    return sameJson(json, input.expected)
      ? { verdict: "clean", how: "parsed" }
      : { verdict: "wrong", detail: "parse differs from the expected one" };
  }
  if (kind === "ping" && input.name.startsWith("iputils ping,")) {
    const ok = json.replies.length === HUGE_PING_REPLIES && json.received === HUGE_PING_REPLIES;
    return ok
      ? { verdict: "clean", how: "parsed" }
      : { verdict: "wrong", detail: "miscounted replies" };
  }
  return { verdict: "accepted", detail: JSON.stringify(json).slice(0, 160) };
}

/** True when the kind is the one the fixture was recorded as (not merely in its family). */
function parsesAsOwn(kind: string, input: ParserInput): boolean {
  if (input.kind === kind) return true;
  // `traceroute` reads tracert and tracepath too; `tracert`/`tracepath` only their own.
  return kind === "traceroute" || family(kind) === "routes";
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
