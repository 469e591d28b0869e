/**
 * Parses route traces from any OS and locale into one shape: hops, probes, timeouts and
 * annotations. Dispatches to the traceroute, tracepath or tracert parser.
 *
 * @module
 */
import type { Platform } from "../types.ts";
import { ipFamily } from "./address.ts";
import { ParseError } from "./parse_error.ts";
import { parseTracepath } from "./tracepath.ts";
import { parseTracert } from "./tracert.ts";
import { parseTracerouteUnix } from "./traceroute_unix.ts";
import type { TraceResult } from "./traceroute_types.ts";

export type * from "./traceroute_types.ts";

/** Options of {@link parseTrace}. */
export interface TraceParseOptions {
  /** The OS that produced the output; guessed from the text when absent. */
  os?: Platform;
}

/**
 * Parses the output of `traceroute`/`traceroute6` (Linux, macOS), `tracepath` (Linux) or
 * `tracert` (Windows, any display language).
 *
 * @throws {ParseError} when no hop line is found
 * @example
 * ```ts
 * const t = parseTrace("traceroute to 192.0.2.9 (192.0.2.9), 30 hops max\n 1  192.0.2.9  0.5 ms\n");
 * t.reached; // true
 * ```
 */
export function parseTrace(text: string, opts: TraceParseOptions = {}): TraceResult {
  const result = pick(text, opts.os)(text);
  if (result.hops.length === 0) throw new ParseError(`${result.tool}`, ["hop lines"]);
  const family = ipFamily(result.address ?? result.target ?? "") ||
    ipFamily(result.hops.flatMap((h) => h.probes).find((p) => p.address)?.address ?? "");
  result.family = family === 0 ? null : family;
  return result;
}

function pick(text: string, os: Platform | undefined): (text: string) => TraceResult {
  if (os === "windows") return parseTracert;
  if (/^\s*\d+\??:\s/m.test(text)) return parseTracepath;
  if (/^\s*traceroute6?\s+to\s/m.test(text) || os) return parseTracerouteUnix;
  return /^\s*\d+\s+(?:<?\d+\s*ms|\*)\s/m.test(text) ? parseTracert : parseTracerouteUnix;
}
