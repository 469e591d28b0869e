/**
 * The parsers of issue 3b by `kiriwake parse` KIND, in the registry's shape. Folded into
 * `probes/parse/mod.ts` one line per kind; kept here so the table has one owner.
 *
 * @module
 */
import type { Platform } from "../types.ts";
import { parseAirport } from "./airport.ts";
import { parseIpconfig } from "./ipconfig.ts";
import { parseIw } from "./iw.ts";
import { parseNetshWlan } from "./netsh_wlan.ts";
import { parseNmcliWifi } from "./nmcli.ts";
import { parseRegProxy } from "./reg_proxy.ts";
import { parseResolvConf } from "./resolv_conf.ts";
import { parseResolvectl } from "./resolvectl.ts";
import { parseScutilDns } from "./scutil_dns.ts";
import { parseScutilProxy } from "./scutil_proxy.ts";
import { parseSystemProfiler } from "./system_profiler.ts";
import { parseWdutil } from "./wdutil.ts";
import type { Localized } from "../../util/text.ts";

/** Options a parser may take; most ignore them. */
export interface ParseOptions {
  os?: Platform;
  /** nmcli `-f` field list, when the output was made with one. */
  fields?: readonly string[];
}

/** One parser as the registry lists it. */
export interface ParserEntry {
  parse(text: string, opts?: ParseOptions): unknown;
  os: readonly Platform[];
  description: Localized;
}

/** The 3b parsers by kind. */
export const PARSERS_3B = {
  "ipconfig": {
    parse: (t) => parseIpconfig(t),
    os: ["windows"],
    description: { ja: "ipconfig /all（英語・日本語）", en: "ipconfig /all (English, Japanese)" },
  },
  "netsh-wlan": {
    parse: (t) => parseNetshWlan(t),
    os: ["windows"],
    description: {
      ja: "netsh wlan show interfaces（位置情報の拒否、無線なしを含む）",
      en: "netsh wlan show interfaces (incl. Location refusal, no wireless interface)",
    },
  },
  "wdutil": {
    parse: (t) => parseWdutil(t),
    os: ["darwin"],
    description: { ja: "sudo wdutil info の WIFI 部", en: "WIFI section of sudo wdutil info" },
  },
  "system_profiler": {
    parse: (t) => parseSystemProfiler(t),
    os: ["darwin"],
    description: {
      ja: "system_profiler SPAirPortDataType（テキストまたは -json）",
      en: "system_profiler SPAirPortDataType (text or -json)",
    },
  },
  "airport": {
    parse: (t) => parseAirport(t),
    os: ["darwin"],
    description: {
      ja: "airport -I（macOS 14.4 で廃止）",
      en: "airport -I (removed in macOS 14.4)",
    },
  },
  "iw": {
    parse: (t) => parseIw(t),
    os: ["linux"],
    description: {
      ja: "iw dev / link / station dump / survey dump",
      en: "iw dev / link / station dump / survey dump",
    },
  },
  "nmcli": {
    parse: (t: string, o?: ParseOptions) => parseNmcliWifi(t, { fields: o?.fields }),
    os: ["linux"],
    description: { ja: "nmcli -t dev wifi list", en: "nmcli -t dev wifi list" },
  },
  "scutil-dns": {
    parse: (t) => parseScutilDns(t),
    os: ["darwin"],
    description: { ja: "scutil --dns", en: "scutil --dns" },
  },
  "scutil-proxy": {
    parse: (t) => parseScutilProxy(t),
    os: ["darwin"],
    description: { ja: "scutil --proxy", en: "scutil --proxy" },
  },
  "reg-proxy": {
    parse: (t) => parseRegProxy(t),
    os: ["windows"],
    description: {
      ja: "reg query …\\Internet Settings（プロキシ設定）",
      en: "reg query …\\Internet Settings (proxy settings)",
    },
  },
  "resolvectl": {
    parse: (t) => parseResolvectl(t),
    os: ["linux"],
    description: {
      ja: "resolvectl status / resolvectl dns",
      en: "resolvectl status / resolvectl dns",
    },
  },
  "resolv-conf": {
    parse: (t) => parseResolvConf(t),
    os: ["linux", "darwin"],
    description: { ja: "/etc/resolv.conf", en: "/etc/resolv.conf" },
  },
} satisfies Record<string, ParserEntry>;

/** A kind of {@link PARSERS_3B}. */
export type Kind3b = keyof typeof PARSERS_3B;
