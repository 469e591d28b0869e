/**
 * The registry of command-output parsers: one line per KIND. `kiriwake parse KIND`, its
 * usage text and the fixture tests all derive from this table, so adding a parser is
 * adding a line here (and its fixtures under `tests/fixtures/<os>/<locale>/<KIND>/`).
 *
 * @module
 */
import type { Platform } from "../types.ts";
import { parseAirport } from "./airport.ts";
import { parseIpconfig } from "./ipconfig.ts";
import { parseIw } from "./iw.ts";
import { parseNetshWinhttp } from "./netsh_winhttp.ts";
import { parseNetshWlan } from "./netsh_wlan.ts";
import { parseNmcliWifi } from "./nmcli.ts";
import { parseRegProxy } from "./reg_proxy.ts";
import { parseResolvConf } from "./resolv_conf.ts";
import { parseResolvectl } from "./resolvectl.ts";
import { parseScutilDns } from "./scutil_dns.ts";
import { parseScutilProxy } from "./scutil_proxy.ts";
import { parseSystemProfiler } from "./system_profiler.ts";
import { parseWdutil } from "./wdutil.ts";
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
  ipconfig: kind((t) => parseIpconfig(t), ["windows"], "ipconfig /all（英語・日本語）", "ipconfig /all (English, Japanese)"),
  "netsh-wlan": kind((t) => parseNetshWlan(t), ["windows"], "netsh wlan show interfaces（位置情報の拒否、無線なしを含む）", "netsh wlan show interfaces (incl. Location refusal, no wireless interface)"),
  wdutil: kind((t) => parseWdutil(t), ["darwin"], "sudo wdutil info の WIFI 部", "WIFI section of sudo wdutil info"),
  system_profiler: kind((t) => parseSystemProfiler(t), ["darwin"], "system_profiler SPAirPortDataType（テキストまたは -json）", "system_profiler SPAirPortDataType (text or -json)"),
  airport: kind((t) => parseAirport(t), ["darwin"], "airport -I（macOS 14.4 で廃止）", "airport -I (removed in macOS 14.4)"),
  iw: kind((t) => parseIw(t), ["linux"], "iw dev / link / station dump / survey dump", "iw dev / link / station dump / survey dump"),
  nmcli: kind((t, o) => parseNmcliWifi(t, { fields: o?.fields }), ["linux"], "nmcli -t dev wifi list", "nmcli -t dev wifi list"),
  "scutil-dns": kind((t) => parseScutilDns(t), ["darwin"], "scutil --dns", "scutil --dns"),
  "scutil-proxy": kind((t) => parseScutilProxy(t), ["darwin"], "scutil --proxy", "scutil --proxy"),
  "reg-proxy": kind((t) => parseRegProxy(t), ["windows"], "reg query …\\Internet Settings（プロキシ設定）", "reg query …\\Internet Settings (proxy settings)"),
  "netsh-winhttp": kind((t) => parseNetshWinhttp(t), ["windows"], "netsh winhttp show proxy（WinHTTP のプロキシ、各言語）", "netsh winhttp show proxy (WinHTTP proxy, any language)"),
  resolvectl: kind((t) => parseResolvectl(t), ["linux"], "resolvectl status / resolvectl dns", "resolvectl status / resolvectl dns"),
  "resolv-conf": kind((t) => parseResolvConf(t), ["linux", "darwin"], "/etc/resolv.conf", "/etc/resolv.conf"),
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
