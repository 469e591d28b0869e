/**
 * Parses the legacy macOS `airport -I` (Apple80211 private framework tool). macOS 14.4
 * removed its function: it prints only a deprecation warning, which is reported as
 * `tool-removed`.
 *
 * @module
 */
import {
  emptyLink,
  finishLink,
  normalizeBssid,
  numberIn,
  type WifiReading,
} from "./wifi_common.ts";

/**
 * Parses `airport -I` output.
 *
 * @example
 * ```ts
 * parseAirport("     agrCtlRSSI: -55\n    agrCtlNoise: -90\n").interfaces[0].snrDb; // 35
 * ```
 */
export function parseAirport(text: string): WifiReading {
  const f = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([\w .]+?):\s?(.*)$/.exec(line);
    if (m && !f.has(m[1].trim())) f.set(m[1].trim(), m[2].trim());
  }
  if (!f.has("agrCtlRSSI") && !f.has("SSID")) {
    const message = text.trim().slice(0, 400);
    if (/deprecated/i.test(text)) return { state: "tool-removed", interfaces: [], message };
    if (/AirPort: Off/i.test(text)) return { state: "off", interfaces: [], message };
    return { state: "unrecognized", interfaces: [], message };
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
