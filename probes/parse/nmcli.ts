/**
 * Parses NetworkManager's terse `nmcli -t … dev wifi list` output: colon-separated fields
 * in which `:` and `\` inside a value are escaped with a backslash.
 *
 * @module
 */
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";
import {
  bandFromFrequency,
  emptyLink,
  finishLink,
  normalizeBssid,
  numberIn,
  percentToDbm,
  type WifiLink,
} from "./wifi_common.ts";

/** The columns of `nmcli -t dev wifi list` without `-f`. */
export const NMCLI_DEFAULT_FIELDS = [
  "IN-USE",
  "BSSID",
  "SSID",
  "MODE",
  "CHAN",
  "RATE",
  "SIGNAL",
  "BARS",
  "SECURITY",
] as const;

/** The columns the probe asks for with `-f`. */
export const NMCLI_PROBE_FIELDS = [
  "IN-USE",
  "BSSID",
  "SSID",
  "CHAN",
  "FREQ",
  "RATE",
  "SIGNAL",
  "SECURITY",
] as const;

/** Options of {@link parseNmcliWifi}. */
export interface NmcliOptions {
  /** The `-f` field list in order; {@link NMCLI_DEFAULT_FIELDS} when absent. */
  fields?: readonly string[];
}

/** Splits one terse line into its fields, undoing nmcli's escaping. */
export function splitTerse(line: string): string[] {
  const cols: string[] = [];
  let cur = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && i + 1 < line.length) cur += line[++i];
    else if (c === ":") {
      cols.push(cur);
      cur = "";
    } else cur += c;
  }
  cols.push(cur);
  return cols;
}

/**
 * Parses the networks nmcli lists; the one in use has `connected: true`. Signal is a
 * percentage, so RSSI is derived from it (`rssiSource: "from-percent"`).
 *
 * @throws {ParseError} when no line has the fields' count, or a line that has it holds values
 *   of another shape (a BSSID that is no MAC address, a channel that is no number: `nmcli
 *   device show` of an Ethernet device), or the text is empty, binary or too large
 * @example
 * ```ts
 * parseNmcliWifi("*:AA\\:BB\\:CC\\:DD\\:EE\\:FF:Home:Infra:36:540 Mbit/s:80:▂▄▆█:WPA2")[0].channel; // 36
 * ```
 */
export function parseNmcliWifi(text: string, opts: NmcliOptions = {}): WifiLink[] {
  checkInput("nmcli", text);
  const fields = opts.fields ?? NMCLI_DEFAULT_FIELDS;
  const out: WifiLink[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith("//") || line.startsWith("#")) continue;
    const cols = splitTerse(line);
    if (cols.length !== fields.length) continue; // a pasted prompt, a warning
    const get = (f: string) => cols[fields.indexOf(f)];
    const bad = fields.find((f, i) => SHAPES[f] && !SHAPES[f].test(cols[i].trim()));
    if (bad) {
      // `nmcli device show` lines can split into as many fields; they are no Wi-Fi list.
      throw new ParseError("nmcli", [
        `lines of nmcli -t dev wifi list (field ${bad} is "${
          cols[fields.indexOf(bad)].slice(0, 40)
        }")`,
      ]);
    }
    const link = emptyLink();
    link.connected = (get("IN-USE") ?? get("ACTIVE") ?? "").trim() === "*" ||
      get("ACTIVE") === "yes";
    link.bssid = normalizeBssid(get("BSSID"));
    link.ssid = get("SSID") || null;
    link.channel = numberIn(get("CHAN"));
    link.frequencyMhz = numberIn(get("FREQ"));
    if (link.frequencyMhz !== null) link.band = bandFromFrequency(link.frequencyMhz);
    link.txRateMbps = numberIn(get("RATE"));
    link.signalPercent = numberIn(get("SIGNAL"));
    if (link.signalPercent !== null) {
      link.rssiDbm = percentToDbm(link.signalPercent);
      link.rssiSource = "from-percent";
    }
    const sec = (get("SECURITY") ?? "").trim();
    link.security = sec && sec !== "--" ? sec : null;
    out.push(finishLink(link));
  }
  if (out.length === 0) {
    throw new ParseError("nmcli", [
      `lines of nmcli -t dev wifi list with fields ${fields.join(",")}`,
    ]);
  }
  return out;
}

/** What a value of each field looks like (empty or `--` when unknown). */
const SHAPES: Record<string, RegExp> = {
  "IN-USE": /^\*?$/,
  BSSID: /^(?:[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|--)?$/,
  CHAN: /^(?:\d{1,3}|--)?$/,
  FREQ: /^(?:\d{4} MHz|--)?$/,
  RATE: /^(?:\d+(?:\.\d+)? Mbit\/s|--)?$/,
  SIGNAL: /^(?:\d{1,3}|--)?$/,
  ACTIVE: /^(?:yes|no|--)?$/,
};
