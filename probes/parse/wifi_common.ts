/**
 * The shape every Wi-Fi parser returns, and the radio arithmetic they share: band from
 * channel or frequency, dBm from a signal percentage, BSSID normalisation.
 *
 * @module
 */

/** A Wi-Fi band in GHz, as customers and access points name it. */
export type WifiBand = "2.4" | "5" | "6";

/** Why a Wi-Fi reading holds no link, in the OS's terms. */
export type WifiState =
  | "ok"
  | "location-denied"
  | "no-interface"
  | "service-stopped"
  | "tool-removed"
  | "needs-admin"
  | "off"
  | "unrecognized";

/** One wireless interface as a command reported it. Unknown values are null, never guessed. */
export interface WifiLink {
  /** Interface name, e.g. `Wi-Fi`, `en0`, `wlp2s0`. */
  interface: string | null;
  /** Associated with an access point. */
  connected: boolean;
  ssid: string | null;
  /** The OS showed the SSID as redacted (macOS 15 without Location permission). */
  ssidRedacted: boolean;
  /** Lower-case, colon-separated. */
  bssid: string | null;
  bssidRedacted: boolean;
  rssiDbm: number | null;
  /** `reported` in dBm by the OS, or `from-percent` when derived from a signal quality. */
  rssiSource: "reported" | "from-percent" | null;
  /** Signal quality in percent, where the OS gives one (Windows, nmcli). */
  signalPercent: number | null;
  noiseDbm: number | null;
  /** RSSI minus noise, when both were reported. */
  snrDb: number | null;
  channel: number | null;
  band: WifiBand | null;
  channelWidthMhz: number | null;
  frequencyMhz: number | null;
  /** E.g. `802.11ax`. */
  phyMode: string | null;
  txRateMbps: number | null;
  rxRateMbps: number | null;
  security: string | null;
}

/** What a Wi-Fi parser returns. */
export interface WifiReading {
  state: WifiState;
  interfaces: WifiLink[];
  /** The OS's own words when `state` is not `ok`, trimmed. */
  message?: string;
}

/** A link with every field unknown, to fill in. */
export function emptyLink(name: string | null = null): WifiLink {
  return {
    interface: name,
    connected: false,
    ssid: null,
    ssidRedacted: false,
    bssid: null,
    bssidRedacted: false,
    rssiDbm: null,
    rssiSource: null,
    signalPercent: null,
    noiseDbm: null,
    snrDb: null,
    channel: null,
    band: null,
    channelWidthMhz: null,
    frequencyMhz: null,
    phyMode: null,
    txRateMbps: null,
    rxRateMbps: null,
    security: null,
  };
}

/** Fills `snrDb` (and `rssiSource`) once RSSI and noise are known; returns the link. */
export function finishLink(link: WifiLink): WifiLink {
  if (link.rssiDbm !== null && link.rssiSource === null) link.rssiSource = "reported";
  if (link.rssiDbm !== null && link.noiseDbm !== null && link.noiseDbm < 0) {
    link.snrDb = link.rssiDbm - link.noiseDbm;
  }
  if (link.band === null && link.frequencyMhz !== null) {
    link.band = bandFromFrequency(link.frequencyMhz);
  }
  if (link.band === null && link.channel !== null) link.band = bandFromChannel(link.channel);
  return link;
}

/** The band of a centre frequency in MHz, or null outside Wi-Fi bands. */
export function bandFromFrequency(mhz: number): WifiBand | null {
  if (mhz >= 2400 && mhz < 2500) return "2.4";
  if (mhz >= 5150 && mhz < 5925) return "5";
  if (mhz >= 5925 && mhz <= 7125) return "6";
  return null;
}

/**
 * The band of a channel number when nothing else says it. Channels 1–14 are taken as
 * 2.4 GHz: 6 GHz reuses those numbers, so callers pass the band when the OS gives it.
 */
export function bandFromChannel(channel: number): WifiBand | null {
  if (channel >= 1 && channel <= 14) return "2.4";
  if (channel >= 32 && channel <= 177) return "5";
  return null;
}

/** The channel of a centre frequency in MHz (2.4, 5 and 6 GHz numbering). */
export function channelFromFrequency(mhz: number): number | null {
  if (mhz === 2484) return 14;
  if (mhz >= 2412 && mhz <= 2472) return (mhz - 2407) / 5;
  if (mhz >= 5160 && mhz <= 5885) return (mhz - 5000) / 5;
  if (mhz >= 5955 && mhz <= 7115) return (mhz - 5950) / 5;
  return null;
}

/** Parses a band as written by an OS: `5 GHz`, `2,4 GHz`, `2GHz`, `6 GHz`. */
export function parseBand(text: string): WifiBand | null {
  const m = /(\d)(?:[.,](\d))?\s*GHz/i.exec(text);
  if (!m) return null;
  if (m[1] === "2") return "2.4";
  if (m[1] === "5") return "5";
  if (m[1] === "6") return "6";
  return null;
}

/**
 * Converts a Windows/NetworkManager signal quality (0–100 %) to dBm. Both map
 * -100 dBm → 0 % and -50 dBm → 100 % linearly, so the inverse is exact within that range.
 */
export function percentToDbm(percent: number): number {
  return Math.round(Math.min(100, Math.max(0, percent)) / 2 - 100);
}

const REDACTED = /^<?redacted>?$/i;

/** True for the placeholders macOS prints instead of an identifier. */
export function isRedacted(value: string): boolean {
  return REDACTED.test(value.trim());
}

/** Normalises a BSSID to `aa:bb:cc:dd:ee:ff`; null for none, zeros or unparseable. */
export function normalizeBssid(value: string | null | undefined): string | null {
  if (!value) return null;
  const hex = value.trim().replace(/[:\-.]/g, "").toLowerCase();
  if (!/^[0-9a-f]{12}$/.test(hex) || /^0+$/.test(hex)) return null;
  return hex.match(/../g)!.join(":");
}

/** First number in a string (`"-79 dBm"` → -79, `"103.0 Mbps"` → 103), or null. */
export function numberIn(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = /-?\d+(?:[.,]\d+)?/.exec(text);
  return m ? Number(m[0].replace(",", ".")) : null;
}

/** The 802.11 generation shown by a bitrate line's MCS tag (`HE-MCS` → 802.11ax). */
export function phyFromBitrate(text: string): string | null {
  if (/\bEHT-MCS\b/.test(text)) return "802.11be";
  if (/\bHE-MCS\b/.test(text)) return "802.11ax";
  if (/\bVHT-MCS\b/.test(text)) return "802.11ac";
  if (/\bMCS\b/.test(text)) return "802.11n";
  return null;
}
