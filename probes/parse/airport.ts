/**
 * Parses the legacy macOS `airport -I` (Apple80211 private framework tool). macOS 14.4
 * removed its function: it prints only a deprecation warning, which is reported as
 * `tool-removed`.
 *
 * @module
 */
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";
import {
  emptyLink,
  finishLink,
  normalizeBssid,
  numberIn,
  type WifiReading,
} from "./wifi_common.ts";

/** Fields only `airport -I` prints; a text needs `agrCtlRSSI` or three of these. */
const KEYS = new Set([
  "agrCtlRSSI",
  "agrExtRSSI",
  "agrCtlNoise",
  "agrExtNoise",
  "state",
  "op mode",
  "lastTxRate",
  "maxRate",
  "lastAssocStatus",
  "802.11 auth",
  "link auth",
  "BSSID",
  "SSID",
  "MCS",
  "guardInterval",
  "NSS",
  "channel",
]);

/**
 * Parses `airport -I` output.
 *
 * @throws {ParseError} when neither `agrCtlRSSI` nor three other `airport -I` fields, the
 *   deprecation notice or "AirPort: Off" is found, or the text is empty, binary or too large
 * @example
 * ```ts
 * parseAirport("     agrCtlRSSI: -55\n    agrCtlNoise: -90\n").interfaces[0].snrDb; // 35
 * ```
 */
export function parseAirport(text: string): WifiReading {
  checkInput("airport", text);
  const f = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    // The label starts and ends with a non-space, so it and the indent cannot trade
    // characters; airport right-aligns its labels, the colon right after them (wdutil and
    // netsh pad theirs: "SSID      : x" is not airport's).
    const m = /^[ \t]*([\w.](?:[\w .]*[\w.])?):\s?(.*)$/.exec(line);
    if (m && !f.has(m[1].trim())) f.set(m[1].trim(), m[2].trim());
  }
  const known = [...f.keys()].filter((k) => KEYS.has(k)).length;
  if (!f.has("agrCtlRSSI") && known < 3) {
    const message = text.trim().slice(0, 400);
    if (/airport/i.test(text) && /deprecated/i.test(text)) {
      return { state: "tool-removed", interfaces: [], message };
    }
    if (/^[ \t]*AirPort: Off/im.test(text)) return { state: "off", interfaces: [], message };
    throw new ParseError("airport", ["agrCtlRSSI and the other fields of airport -I"]);
  }
  const link = emptyLink();
  const rssi = numberIn(f.get("agrCtlRSSI"));
  const noise = numberIn(f.get("agrCtlNoise"));
  link.rssiDbm = rssi === 0 ? null : rssi;
  link.noiseDbm = noise === 0 ? null : noise;
  link.ssid = f.get("SSID") || null;
  link.bssid = normalizeBssid(f.get("BSSID"));
  link.txRateMbps = numberIn(f.get("lastTxRate"));
  link.security = f.get("link auth") || null;
  const ch = /^(\d+)(?:,(-?\d+))?/.exec(f.get("channel") ?? "");
  if (ch) {
    link.channel = Number(ch[1]);
    const w = Number(ch[2]);
    // recent releases print the width in MHz; older ones an offset (±1) we do not interpret
    link.channelWidthMhz = [20, 40, 80, 160].includes(w) ? w : null;
  }
  link.connected = f.get("state") === "running" && link.ssid !== null;
  return { state: "ok", interfaces: [finishLink(link)] };
}
