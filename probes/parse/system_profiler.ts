/**
 * Parses macOS `system_profiler SPAirPortDataType`, as JSON (`-json`, stable keys, what the
 * probe runs) or as text (what a customer copies from Terminal). macOS 14.4+ drops the
 * BSSID and macOS 15 shows the SSID as `<redacted>` without Location permission.
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
  parseBand,
  type WifiLink,
  type WifiReading,
} from "./wifi_common.ts";

type Json = Record<string, unknown>;

/**
 * Parses either form; JSON is detected by its first character.
 *
 * @throws {ParseError} when the JSON has no `SPAirPortDataType` array, or the text has no
 *   interface block and no "Wi-Fi:" heading, or the text is empty, binary or beyond the limits
 * @example
 * ```ts
 * parseSystemProfiler('{"SPAirPortDataType":[]}').state; // "no-interface"
 * ```
 */
export function parseSystemProfiler(text: string): WifiReading {
  const json = text.trimStart().startsWith("{");
  checkInput("system_profiler", text, { longLines: json });
  return json ? fromJson(text) : fromText(text);
}

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function fromJson(text: string): WifiReading {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ParseError("system_profiler", ["valid JSON from system_profiler -json"]);
  }
  const sections = isObject(doc) ? doc.SPAirPortDataType : undefined;
  if (!Array.isArray(sections)) {
    throw new ParseError("system_profiler", [
      '"SPAirPortDataType": [ … ] of system_profiler -json',
    ]);
  }
  const ifaces = sections.filter(isObject)
    .flatMap((s) =>
      Array.isArray(s.spairport_airport_interfaces) ? s.spairport_airport_interfaces : []
    )
    .filter((i): i is Json => isObject(i) && typeof i.spairport_status_information === "string");
  if (ifaces.length === 0) return { state: "no-interface", interfaces: [] };
  const links = ifaces.map((i) => {
    const status = String(i.spairport_status_information);
    const cur = isObject(i.spairport_current_network_information)
      ? i.spairport_current_network_information
      : undefined;
    const link = emptyLink(String(i._name ?? "") || null);
    if (status === "spairport_status_off") return link;
    if (cur) {
      const str = (v: unknown) => (typeof v === "string" ? v : undefined);
      const rate = cur.spairport_network_rate;
      fill(link, {
        name: String(cur._name ?? ""),
        bssid: str(cur.spairport_network_bssid),
        channel: String(cur.spairport_network_channel ?? ""),
        phy: str(cur.spairport_network_phymode),
        rate: typeof rate === "number" ? rate : str(rate),
        security: securityName(str(cur.spairport_security_mode)),
        signalNoise: str(cur.spairport_signal_noise),
      });
      link.connected = status === "spairport_status_connected";
    }
    return finishLink(link);
  });
  const allOff = ifaces.every((i) => i.spairport_status_information === "spairport_status_off");
  return { state: allOff ? "off" : "ok", interfaces: links };
}

interface Current {
  name: string;
  bssid?: string;
  channel: string;
  phy?: string;
  rate?: number | string;
  security?: string | null;
  signalNoise?: string;
}

function fill(link: WifiLink, c: Current): void {
  link.ssidRedacted = isRedacted(c.name);
  link.ssid = link.ssidRedacted || c.name === "" ? null : c.name;
  link.bssid = normalizeBssid(c.bssid);
  link.bssidRedacted = c.bssid !== undefined && isRedacted(c.bssid);
  // "36 (5GHz, 80MHz)" on recent releases, a bare number before
  const ch = /^(\d+)(?:\s*\(([^,)]*)(?:,\s*(\d+)\s*MHz)?\))?/i.exec(c.channel);
  if (ch) {
    link.channel = Number(ch[1]);
    if (ch[2]) link.band = parseBand(ch[2]);
    if (ch[3]) link.channelWidthMhz = Number(ch[3]);
  }
  link.phyMode = c.phy || null;
  link.txRateMbps = typeof c.rate === "number" ? c.rate : numberIn(c.rate);
  link.security = c.security ?? null;
  const sn = /(-?\d+)\s*dBm\s*\/\s*(-?\d+)\s*dBm/i.exec(c.signalNoise ?? "");
  if (sn) {
    link.rssiDbm = Number(sn[1]);
    link.noiseDbm = Number(sn[2]);
  }
}

/** `spairport_security_mode_wpa2_personal` → `WPA2 Personal`. */
function securityName(mode: string | undefined): string | null {
  if (!mode) return null;
  const rest = mode.replace(/^spairport_security_mode_/, "");
  if (rest === "none") return "None";
  return rest.split("_").map((w) =>
    /^wpa|^wep/i.test(w) ? w.toUpperCase() : w.slice(0, 1).toUpperCase() + w.slice(1)
  )
    .join(" ");
}

/**
 * The text form. Labels are localised on a Japanese Mac, so values are recognised by their
 * shape ("-55 dBm / -92 dBm", "36 (5GHz, 80MHz)", "802.11ax") inside the block that
 * follows "Current Network Information:" (現在のネットワーク情報).
 */
function fromText(text: string): WifiReading {
  const lines = text.split(/\r?\n/);
  const links: WifiLink[] = [];
  let iface: WifiLink | null = null;
  let ifaceIndent = -1;
  let cur: Current | null = null;
  let curIndent = -1;
  const flush = () => {
    if (iface && cur) fill(iface, cur);
    cur = null;
  };
  for (const line of lines) {
    if (!line.trim()) continue;
    const indent = line.length - line.trimStart().length;
    const t = line.trim();
    if (cur && indent <= curIndent) flush();
    if (/^(awdl|llw|en|wl|ap)\d+:$/.test(t)) {
      flush();
      if (iface) links.push(finishLink(iface));
      iface = emptyLink(t.slice(0, -1));
      ifaceIndent = indent;
      continue;
    }
    if (!iface || indent <= ifaceIndent) continue;
    if (/^(Current Network Information|現在のネットワーク情報):$/.test(t)) {
      cur = { name: "", channel: "" };
      curIndent = indent;
      continue;
    }
    if (cur && cur.name === "" && t.endsWith(":")) {
      cur.name = t.slice(0, -1); // the network name line ("<redacted>:" on macOS 15)
      continue;
    }
    const kv = /^([^:]+):\s*(.*)$/.exec(t);
    if (!kv) continue;
    const value = kv[2];
    if (cur) {
      if (/dBm\s*\/\s*-?\d+\s*dBm/i.test(value)) cur.signalNoise = value;
      else if (/^\d+\s*\(\d[.,]?\d?\s*GHz/i.test(value) || /^Channel$|チャンネル/i.test(kv[1])) {
        cur.channel = value;
      } else if (/^802\.11/.test(value)) cur.phy = value;
      else if (/^(Transmit Rate|転送レート)/i.test(kv[1])) cur.rate = value;
      else if (/^(Security|セキュリティ)/i.test(kv[1])) cur.security = value;
      else if (/^BSSID$/i.test(kv[1])) cur.bssid = value;
    } else if (/^(Status|状況|状態)$/i.test(kv[1])) {
      iface.connected = /^(Connected|接続済み)$/i.test(value);
    }
  }
  flush();
  if (iface) links.push(finishLink(iface));
  const wifi = links.filter((l) => !/^(awdl|llw)/.test(l.interface ?? ""));
  if (wifi.length === 0) {
    // "Wi-Fi:" (older "AirPort:") heads the report; without it this is no system_profiler text.
    if (links.length > 0 || /^[ \t]*(?:Wi-Fi|AirPort):[ \t]*$/m.test(text)) {
      return { state: "no-interface", interfaces: [] };
    }
    throw new ParseError("system_profiler", [
      'the "Wi-Fi:" report of system_profiler SPAirPortDataType',
    ]);
  }
  return { state: "ok", interfaces: wifi };
}
