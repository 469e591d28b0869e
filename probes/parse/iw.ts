/**
 * Parses Linux `iw` output: `iw dev` (wireless interfaces), `iw dev X link` (the current
 * association), `iw dev X station dump` (per-station counters and averaged signal) and
 * `iw dev X survey dump` (noise of the channel in use). The form is detected from the
 * text, so pasted output of any of them parses.
 *
 * @module
 */
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";
import {
  channelFromFrequency,
  emptyLink,
  finishLink,
  normalizeBssid,
  numberIn,
  phyFromBitrate,
  type WifiLink,
} from "./wifi_common.ts";

/** One interface of `iw dev`. */
export interface IwInterface {
  phy: string | null;
  name: string;
  type: string | null;
  addr: string | null;
  ssid: string | null;
  channel: number | null;
  frequencyMhz: number | null;
  channelWidthMhz: number | null;
}

/** What `iw` said, by sub-command. */
export type IwOutput =
  | { command: "dev"; interfaces: IwInterface[] }
  | { command: "link"; link: WifiLink }
  | { command: "station"; stations: WifiLink[] }
  | { command: "survey"; inUseFrequencyMhz: number | null; noiseDbm: number | null };

/**
 * Parses any of the supported `iw` outputs. `iw dev` prints nothing on a machine without
 * wireless interfaces: that empty output is refused like any empty input (the probe that ran
 * the command knows what its silence means).
 *
 * @throws {ParseError} when the text is none of those outputs, or empty, binary or too large
 * @example
 * ```ts
 * parseIw("Not connected.\n"); // { command: "link", link: { connected: false, … } }
 * ```
 */
export function parseIw(text: string): IwOutput {
  checkInput("iw", text);
  // [ \t], not \s, after ^ with /m: \s would run across blank lines from every line start.
  if (/^[ \t]*Survey data from/m.test(text)) return parseSurvey(text);
  if (/^[ \t]*Station [0-9a-f:]{17}/im.test(text)) return parseStation(text);
  if (/^[ \t]*(Connected to [0-9a-f:]{17}|Not connected\.?[ \t]*$)/im.test(text)) {
    return { command: "link", link: parseLink(text) };
  }
  // iw dev lists interfaces indented under their phy#N: an "Interface List" heading at the
  // start of a line (Windows `route print`) is not one.
  if (/^phy#\d+[ \t]*$/m.test(text)) {
    return { command: "dev", interfaces: parseDev(text) };
  }
  throw new ParseError("iw", [
    "phy#N with Interface lines (iw dev), Connected to / Not connected (link), Station (station dump) or Survey data (survey dump)",
  ]);
}

function parseDev(text: string): IwInterface[] {
  const out: IwInterface[] = [];
  let phy: string | null = null;
  let cur: IwInterface | null = null;
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    let m: RegExpExecArray | null;
    if ((m = /^phy#(\d+)$/.exec(t))) phy = `phy${m[1]}`;
    else if (phy !== null && /^[ \t]/.test(line) && (m = /^Interface (\S+)$/.exec(t))) {
      cur = {
        phy,
        name: m[1],
        type: null,
        addr: null,
        ssid: null,
        channel: null,
        frequencyMhz: null,
        channelWidthMhz: null,
      };
      out.push(cur);
    } else if (cur && (m = /^type:?\s+(\S+)/.exec(t))) cur.type = m[1];
    else if (cur && (m = /^addr\s+(\S+)/.exec(t))) cur.addr = m[1].toLowerCase();
    else if (cur && (m = /^ssid\s+(.*)$/.exec(t))) cur.ssid = m[1];
    else if (
      cur && (m = /^channel\s+(\d+)\s+\((\d+(?:\.\d+)?) MHz\)(?:,\s*width:\s*(\d+))?/.exec(t))
    ) {
      cur.channel = Number(m[1]);
      cur.frequencyMhz = Number(m[2]);
      cur.channelWidthMhz = m[3] ? Number(m[3]) : null;
    }
  }
  return out;
}

function parseLink(text: string): WifiLink {
  const head = /Connected to ([0-9a-f:]{17})(?: \(on (\S+)\))?/i.exec(text);
  const link = emptyLink(head?.[2] ?? null);
  if (!head) return link;
  link.connected = true;
  link.bssid = normalizeBssid(head[1]);
  readStationLines(link, text);
  return finishLink(link);
}

function parseStation(text: string): IwOutput {
  const head = /Station ([0-9a-f:]{17})(?: \(on (\S+)\))?/i;
  const blocks = text.split(/^(?=[ \t]*Station [0-9a-f:]{17})/im).filter((b) => head.test(b));
  const stations = blocks.map((b) => {
    const m = head.exec(b)!;
    const link = emptyLink(m[2] ?? null);
    link.connected = true;
    link.bssid = normalizeBssid(m[1]);
    readStationLines(link, b);
    return finishLink(link);
  });
  return { command: "station", stations };
}

/** Reads the `key: value` lines shared by `link` and `station dump`. */
function readStationLines(link: WifiLink, text: string): void {
  for (const line of text.split(/\r?\n/)) {
    const m = /^[ \t]*([a-zA-Z][a-zA-Z ]*):\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].trim().toLowerCase();
    const value = m[2].trim();
    if (key === "ssid") link.ssid = value || null;
    else if (key === "freq") {
      link.frequencyMhz = numberIn(value);
      if (link.frequencyMhz !== null) link.channel = channelFromFrequency(link.frequencyMhz);
    } else if (key === "signal avg" || (key === "signal" && link.rssiDbm === null)) {
      link.rssiDbm = numberIn(value);
    } else if (key === "tx bitrate" || key === "rx bitrate") {
      const rate = numberIn(value);
      if (key === "tx bitrate") link.txRateMbps = rate;
      else link.rxRateMbps = rate;
      link.phyMode ??= phyFromBitrate(value);
      const w = /\b(\d+)MHz\b/.exec(value);
      if (w) link.channelWidthMhz ??= Number(w[1]);
    }
  }
}

function parseSurvey(text: string): IwOutput {
  const blocks = text.split(/^[ \t]*(?=frequency:)/m);
  for (const b of blocks) {
    if (!/\[in use\]/.test(b)) continue;
    return {
      command: "survey",
      inUseFrequencyMhz: numberIn(/frequency:\s*(.*)/.exec(b)?.[1]),
      noiseDbm: numberIn(/noise:\s*(.*)/.exec(b)?.[1]),
    };
  }
  return { command: "survey", inUseFrequencyMhz: null, noiseDbm: null };
}
