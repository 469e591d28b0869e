/**
 * The registry of command-output parsers: one line per KIND. `kiriwake parse KIND`, its
 * usage text and the fixture tests all derive from this table, so adding a parser is
 * adding a line here (and its fixtures under `tests/fixtures/<os>/<locale>/<KIND>/`).
 *
 * @module
 */
import type { Platform } from "../types.ts";
import { PARSERS_3B } from "./kinds.ts";
import { parsePing } from "./ping.ts";
import { parseRoutes } from "./routes.ts";
import { parseTrace } from "./traceroute.ts";
import type { Localized } from "../../util/text.ts";

/** Options a parser may take; most ignore them. */
export interface ParseOptions {
  /** The OS that produced the output; parsers guess from the text when absent. */
  os?: Platform;
  /** nmcli `-f` field list, when the output was made with one. */
  fields?: readonly string[];
}

/** One kind of command output the kit can parse. */
export interface ParserEntry {
  /** Pure `text → data`; throws `ParseError` when the text is not this kind of output. */
  parse(text: string, opts?: ParseOptions): unknown;
  /** The OSes whose output this kind covers; a single one is implied when `--os` is absent. */
  os: readonly Platform[];
  /** One line for usage text. */
  description: Localized;
}

const ALL: readonly Platform[] = ["windows", "darwin", "linux"];
const kind = (parse: ParserEntry["parse"], os: readonly Platform[], ja: string, en: string) => ({
  parse,
  os,
  description: { ja, en },
});

/** Every parser by KIND. Keep one line per kind (merges stay one-line additions). */
// deno-fmt-ignore
export const PARSERS = {
  ping: kind(parsePing, ALL, "ping (iputils, busybox, macOS, Windows 各言語)", "ping: iputils, busybox, macOS/BSD, Windows (any language)"),
  traceroute: kind(parseTrace, ALL, "traceroute / tracepath / tracert", "traceroute/traceroute6, tracepath or tracert"),
  tracert: kind(parseTrace, ["windows"], "Windows の tracert (各言語)", "Windows tracert (any language)"),
  tracepath: kind(parseTrace, ["linux"], "Linux の tracepath (英語・日本語)", "Linux tracepath (English or Japanese)"),
  route: kind(parseRoutes, ALL, "route print、ip [-j] route、route -n/get: デフォルト ゲートウェイ", "route print, ip [-j] route, route -n/get: default gateways"),
  netstat: kind(parseRoutes, ALL, "netstat -rn: デフォルト ゲートウェイ", "netstat -rn (Windows, macOS/BSD, Linux): default gateways"),
  ipconfig: PARSERS_3B["ipconfig"],
  "netsh-wlan": PARSERS_3B["netsh-wlan"],
  wdutil: PARSERS_3B["wdutil"],
  system_profiler: PARSERS_3B["system_profiler"],
  airport: PARSERS_3B["airport"],
  iw: PARSERS_3B["iw"],
  nmcli: PARSERS_3B["nmcli"],
  "scutil-dns": PARSERS_3B["scutil-dns"],
  "scutil-proxy": PARSERS_3B["scutil-proxy"],
  "reg-proxy": PARSERS_3B["reg-proxy"],
  resolvectl: PARSERS_3B["resolvectl"],
  "resolv-conf": PARSERS_3B["resolv-conf"],
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
