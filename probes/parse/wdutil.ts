/**
 * Parses the WIFI section of macOS `wdutil info` (macOS 12+; needs root). macOS 15 prints
 * `<redacted>` for SSID and BSSID unless the caller may see them.
 *
 * @module
 */
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";
import {
  emptyLink,
  finishLink,
  isRedacted,
  normalizeBssid,
  numberIn,
  type WifiBand,
  type WifiReading,
} from "./wifi_common.ts";

/**
 * Parses `wdutil info`; only the WIFI section is read.
 *
 * @throws {ParseError} when the WIFI section (or a pasted part of it) has fewer than three of
 *   its labels, or the text is empty, binary or beyond the limits of `input_limits.ts`
 * @example
 * ```ts
 * const text = "WIFI\n    RSSI : -60 dBm\n    Noise : -92 dBm\n    Channel : 5g36/80\n";
 * parseWdutil(text).interfaces[0].band; // "5"
 * ```
 */
export function parseWdutil(text: string): WifiReading {
  checkInput("wdutil", text);
  const short = text.trim().split("\n").length <= 5;
  const refusal = /must be run as root|requires root/i.test(text) ||
    (/wdutil/i.test(text) && /permission denied|sudo/i.test(text));
  if (short && refusal && !/\bRSSI\b/.test(text)) {
    return { state: "needs-admin", interfaces: [], message: text.trim().slice(0, 400) };
  }
  const fields = wifiSection(text);
  const known = [...fields.keys()].filter((k) => LABELS.has(k)).length;
  // RSSI is in every WIFI section (0 dBm when not associated); netsh shares SSID, BSSID,
  // Channel and (Windows 11 24H2) Rssi, and names each interface's GUID, which wdutil never does.
  if (known < 3 || !fields.has("rssi") || fields.has("guid")) {
    throw new ParseError("wdutil", ["the WIFI section of wdutil info (RSSI, Noise, Channel …)"]);
  }
  const link = emptyLink(fields.get("interface name") ?? null);
  const ssid = fields.get("ssid") ?? "";
  const bssid = fields.get("bssid") ?? "";
  link.ssidRedacted = isRedacted(ssid);
  link.bssidRedacted = isRedacted(bssid);
  link.ssid = link.ssidRedacted || /^none$/i.test(ssid) || ssid === "" ? null : ssid;
  link.bssid = normalizeBssid(bssid);
  const rssi = numberIn(fields.get("rssi"));
  const noise = numberIn(fields.get("noise"));
  // wdutil prints 0 dBm for both when not associated
  link.rssiDbm = rssi === 0 ? null : rssi;
  link.noiseDbm = noise === 0 ? null : noise;
  const rate = numberIn(fields.get("tx rate"));
  link.txRateMbps = rate === 0 ? null : rate;
  const phy = fields.get("phy mode") ?? "";
  link.phyMode = phy && !/^none$/i.test(phy) ? normalizePhy(phy) : null;
  const sec = fields.get("security") ?? "";
  link.security = sec && !/^none$/i.test(sec) ? sec : null;
  const ch = /^(\d)g(\d+)(?:\/(\d+))?/i.exec(fields.get("channel") ?? "");
  // macOS 13+: "5g44/40" (band, channel, width); macOS 12: "1 (20 MHz, Active)"
  const old = /^(\d+)\s*\((\d+)\s*MHz/i.exec(fields.get("channel") ?? "");
  if (ch) {
    link.band = ({ "2": "2.4", "5": "5", "6": "6" } as Record<string, WifiBand>)[ch[1]] ?? null;
    link.channel = Number(ch[2]);
    link.channelWidthMhz = ch[3] ? Number(ch[3]) : null;
  } else if (old) {
    link.channel = Number(old[1]);
    link.channelWidthMhz = Number(old[2]);
  }
  const opMode = fields.get("op mode") ?? "";
  link.connected = /^sta/i.test(opMode) ||
    (link.rssiDbm !== null && (link.ssid !== null || link.ssidRedacted));
  const power = fields.get("power") ?? "";
  if (/^off/i.test(power)) return { state: "off", interfaces: [finishLink(link)] };
  return { state: "ok", interfaces: [finishLink(link)] };
}

/** Labels of the WIFI section, lower-cased: a text needs three of them to be read as wdutil's. */
const LABELS = new Set([
  "mac address",
  "interface name",
  "power",
  "op mode",
  "ssid",
  "bssid",
  "rssi",
  "cca",
  "noise",
  "tx rate",
  "security",
  "phy mode",
  "mcs index",
  "guard interval",
  "nss",
  "channel",
  "country code",
  "scan cache count",
  "networkserviceid",
  "ipv4 config method",
  "ipv4 address",
  "ipv4 router",
  "ipv6 config method",
  "ipv6 address",
  "ipv6 router",
  "dns",
  "btc mode",
  "desense",
  "chain ack",
  "bt coex",
  "supported channels",
]);

/** `11ax` → `802.11ax`, as the other OSes print it. */
function normalizePhy(phy: string): string {
  return /^11/.test(phy) ? `802.${phy}` : phy;
}

/** Label → value of the WIFI section, labels lower-cased. */
function wifiSection(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let inWifi = !/^[ \t]*WIFI[ \t]*$/m.test(text); // a pasted excerpt without the banner
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (/^[A-Z][A-Z0-9 ]+$/.test(t)) {
      inWifi = t === "WIFI";
      continue;
    }
    if (!inWifi) continue;
    const i = line.indexOf(":");
    if (i < 0) continue;
    // wdutil pads its labels ("    RSSI      : -60 dBm"); airport -I and system_profiler
    // write the colon right after theirs, with some of the same words.
    if (!/\s$/.test(line.slice(0, i))) continue;
    const label = line.slice(0, i).trim().toLowerCase();
    if (label && !fields.has(label)) fields.set(label, line.slice(i + 1).trim());
  }
  return fields;
}
