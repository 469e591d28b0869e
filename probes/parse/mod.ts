/**
 * The registry of command-output parsers: one line per KIND. `kiriwake parse KIND`, its
 * usage text and the fixture tests all derive from this table, so adding a parser is
 * adding a line here (and its fixtures under `tests/fixtures/<os>/<locale>/<KIND>/`).
 *
 * @module
 */
import type { Platform } from "../types.ts";
import { parsePing } from "./ping.ts";
import { parseRoutes } from "./routes.ts";
import { parseTrace } from "./traceroute.ts";

/** Options every parser accepts. */
export interface ParseOptions {
  /** The OS that produced the output; parsers guess from the text when absent. */
  os?: Platform;
}

/** One kind of command output the kit can parse. */
export interface ParserEntry {
  /** Pure `text → data`; throws `ParseError` when the text is not this kind of output. */
  parse(text: string, opts?: ParseOptions): unknown;
  /** The OSes whose output this kind covers; a single one is implied when `--os` is absent. */
  os: readonly Platform[];
  /** One line for `kiriwake parse --help`. */
  description: string;
}

const ALL: readonly Platform[] = ["windows", "darwin", "linux"];
const kind = (
  parse: ParserEntry["parse"],
  os: readonly Platform[],
  description: string,
): ParserEntry => ({ parse, os, description });

/** Every parser by KIND. Keep one line per kind. */
export const PARSERS = {
  ping: kind(parsePing, ALL, "ping: iputils, busybox, macOS/BSD, Windows (any language)"),
  traceroute: kind(parseTrace, ALL, "traceroute/traceroute6, tracepath or tracert"),
  tracert: kind(parseTrace, ["windows"], "Windows tracert (any language)"),
  tracepath: kind(parseTrace, ["linux"], "Linux tracepath (English or Japanese)"),
  route: kind(parseRoutes, ALL, "route print, ip [-j] route, route -n/get: default gateways"),
  netstat: kind(parseRoutes, ALL, "netstat -rn (Windows, macOS/BSD, Linux): default gateways"),
} satisfies Record<string, ParserEntry>;

/** A KIND `kiriwake parse` accepts. */
export type ParseKind = keyof typeof PARSERS;

/** The parser for `kind`, or undefined when there is none. */
export function parserFor(kind: string): ParserEntry | undefined {
  return Object.hasOwn(PARSERS, kind) ? PARSERS[kind as ParseKind] : undefined;
}

/** All kinds, sorted, for usage messages. */
export function parseKinds(): string[] {
  return Object.keys(PARSERS).sort();
}
