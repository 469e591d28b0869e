/**
 * Parses route traces from any OS and locale into one shape: hops, probes, timeouts and
 * annotations. Each of the traceroute, tracepath and tracert parsers reads only lines of its
 * own shape, so the one that reads the most probes is the one that wrote the text.
 *
 * @module
 */
import type { Platform } from "../types.ts";
import { ipFamily } from "./address.ts";
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";
import { parseTracepath } from "./tracepath.ts";
import { parseTracert } from "./tracert.ts";
import { parseTracerouteUnix } from "./traceroute_unix.ts";
import type { TraceResult, TraceTool } from "./traceroute_types.ts";

export type * from "./traceroute_types.ts";

/** Options of {@link parseTrace}. */
export interface TraceParseOptions {
  /** The OS that produced the output; decides only between equally good readings. */
  os?: Platform;
  /** Accept only this tool's output (`kiriwake parse tracert`); any of the three when absent. */
  tool?: TraceTool;
}

const PARSERS: Record<TraceTool, (text: string) => TraceResult> = {
  traceroute: parseTracerouteUnix,
  tracepath: parseTracepath,
  tracert: parseTracert,
};

/** The most probes one hop line can carry: traceroute's `-q` allows up to 10. */
const MAX_PROBES_PER_HOP = 10;
/** The longest host name DNS allows (RFC 1035 §2.3.4, as text without the final dot). */
const MAX_NAME_CHARS = 253;

/**
 * Parses the output of `traceroute`/`traceroute6` (Linux, macOS, BSD), `tracepath` (Linux)
 * or `tracert` (Windows, any display language).
 *
 * @throws {ParseError} when no hop line is found, a hop carries more than 10 probes or a name
 *   longer than 253 characters, or the text is another tool's than `opts.tool`, or it is empty, binary or beyond the limits of `input_limits.ts`
 * @example
 * ```ts
 * const t = parseTrace("traceroute to 192.0.2.9 (192.0.2.9), 30 hops max\n 1  192.0.2.9  0.5 ms\n");
 * t.reached; // true
 * ```
 */
export function parseTrace(text: string, opts: TraceParseOptions = {}): TraceResult {
  const kind = opts.tool ?? "traceroute";
  checkInput(kind, text);
  const preferred: TraceTool = opts.os === "windows"
    ? "tracert"
    : /^[ \t]*\d{1,3}\??:\s/m.test(text)
    ? "tracepath"
    : "traceroute";
  const order = [preferred, ...(["traceroute", "tracepath", "tracert"] as const)]
    .filter((t, i, all) => all.indexOf(t) === i);
  let best: TraceResult | null = null;
  let bestScore = 0;
  for (const tool of order) {
    const r = PARSERS[tool](text);
    const score = r.hops.reduce((n, h) => n + h.probes.length, 0);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  if (!best || (opts.tool && best.tool !== opts.tool)) {
    throw new ParseError(kind, ["hop lines"]);
  }
  // No tool sends more than 10 probes per hop (traceroute -q caps there) and no host name is
  // longer than 253 characters (RFC 1035): a line beyond either is not a hop line.
  const implausible = best.hops.some((h) =>
    h.probes.length > MAX_PROBES_PER_HOP ||
    h.probes.some((p) => (p.name?.length ?? 0) > MAX_NAME_CHARS)
  );
  if (implausible) {
    throw new ParseError(kind, [
      `hop lines of at most ${MAX_PROBES_PER_HOP} probes with names of at most ${MAX_NAME_CHARS} characters`,
    ]);
  }
  const family = ipFamily(best.address ?? best.target ?? "") ||
    ipFamily(best.hops.flatMap((h) => h.probes).find((p) => p.address)?.address ?? "");
  best.family = family === 0 ? null : family;
  return best;
}
