/**
 * Parses `netsh wlan show interfaces` in any of the languages Windows ships it in that we
 * have labels for (English, Japanese, German, French, Italian, Spanish), including the
 * refusals: Windows 11 24H2's Location-permission text, "no wireless interface", and a
 * stopped WLAN AutoConfig service.
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
  parseBand,
  percentToDbm,
  type WifiLink,
  type WifiReading,
} from "./wifi_common.ts";

type Field =
  | "name"
  | "state"
  | "ssid"
  | "bssid"
  | "band"
  | "channel"
  | "radio"
  | "auth"
  | "rx"
  | "tx"
  | "signal"
  | "rssi";

/** Labels per field, lower-cased; Windows 11 renamed BSSID to "AP BSSID" in some builds. */
const LABELS: Record<Field, string[]> = {
  name: ["name", "名前", "nom", "nome", "nombre"],
  state: ["state", "状態", "status", "état", "stato", "estado"],
  ssid: ["ssid", "ssid name", "nome ssid", "nom du ssid", "nombre de ssid", "ssid-name"],
  bssid: [
    "bssid",
    "ap bssid",
    "point d'accès d'identificateur ssid (service set identifier)",
  ],
  band: ["band", "バンド", "帯域", "bereich", "bande", "banda"],
  channel: ["channel", "チャネル", "kanal", "canal", "canale"],
  radio: [
    "radio type",
    "無線の種類",
    "funktyp",
    "type de radio",
    "tipo di radio",
    "tipo frequenza radio",
    "tipo de radio",
  ],
  auth: [
    "authentication",
    "認証",
    "authentifizierung",
    "authentification",
    "autenticazione",
    "autenticación",
  ],
  rx: [
    "receive rate (mbps)",
    "受信速度 (mbps)",
    "empfangsrate (mbit/s)",
    "réception (mbits/s)",
    "velocità ricezione (mbps)",
    "velocidad de recepción (mbps)",
  ],
  tx: [
    "transmit rate (mbps)",
    "送信速度 (mbps)",
    "übertragungsrate (mbit/s)",
    "transmission (mbits/s)",
    "velocità trasmissione (mbps)",
    "velocidad de transmisión (mbps)",
  ],
  signal: ["signal", "シグナル", "segnale", "señal"],
  rssi: ["rssi"],
};

const BY_LABEL = new Map<string, Field>(
  (Object.entries(LABELS) as [Field, string[]][]).flatMap(([f, ls]) => ls.map((l) => [l, f])),
);

const CONNECTED = /^(connected|接続されました|verbunden|connecté|connesso|connessa|conectado)$/i;

function normLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").replace(/[’‘]/g, "'").toLowerCase();
}

/**
 * Parses `netsh wlan show interfaces` output.
 *
 * @throws {ParseError} when neither an interface's State line nor a known refusal is found,
 *   or the text is empty, binary or beyond the limits of `input_limits.ts`
 * @example
 * ```ts
 * parseNetshWlan("    Name : Wi-Fi\n    State : connected\n    SSID : Home\n").interfaces[0].ssid; // "Home"
 * ```
 */
export function parseNetshWlan(text: string): WifiReading {
  checkInput("netsh-wlan", text);
  const refusal = refusalOf(text);
  if (refusal) return refusal;
  const interfaces: WifiLink[] = [];
  let cur: WifiLink | null = null;
  let states = 0;
  for (const raw of text.split(/\r?\n/)) {
    const i = raw.indexOf(":");
    if (i < 0 || !/^\s/.test(raw)) continue;
    const field = BY_LABEL.get(normLabel(raw.slice(0, i)));
    if (!field) continue;
    const value = raw.slice(i + 1).trim();
    if (field === "name") {
      cur = emptyLink(value || null);
      interfaces.push(cur);
      continue;
    }
    if (!cur) { // pasted without the Name line: still one interface
      cur = emptyLink();
      interfaces.push(cur);
    }
    // netsh pads its State label ("    State   : connected"; only some other labels go
    // unpadded, as Spanish "Canal: 11"); airport -I ("  state: running") and system_profiler
    // write the colon right after theirs.
    if (field === "state" && /\s$/.test(raw.slice(0, i))) states++;
    apply(cur, field, value);
  }
  // Every interface block has a State line; other tools share SSID, Channel, Name.
  if (states === 0) {
    throw new ParseError("netsh-wlan", [
      "State lines of netsh wlan show interfaces, or one of its refusals",
    ]);
  }
  return { state: "ok", interfaces: interfaces.map(finish) };
}

function apply(link: WifiLink, field: Field, value: string): void {
  switch (field) {
    case "state":
      link.connected = CONNECTED.test(value);
      break;
    case "ssid":
      link.ssid = value || null;
      break;
    case "bssid":
      link.bssid = normalizeBssid(value);
      break;
    case "band":
      link.band = parseBand(value);
      break;
    case "channel":
      link.channel = numberIn(value);
      break;
    case "radio":
      link.phyMode = value || null;
      break;
    case "auth":
      link.security = value || null;
      break;
    case "rx":
      link.rxRateMbps = numberIn(value);
      break;
    case "tx":
      link.txRateMbps = numberIn(value);
      break;
    case "signal":
      link.signalPercent = numberIn(value);
      break;
    case "rssi":
      link.rssiDbm = numberIn(value);
      break;
  }
}

function finish(link: WifiLink): WifiLink {
  if (link.rssiDbm === null && link.signalPercent !== null) {
    link.rssiDbm = percentToDbm(link.signalPercent);
    link.rssiSource = "from-percent";
  }
  return finishLink(link);
}

/** Recognises netsh's refusals, whatever the language, by their stable parts. */
function refusalOf(text: string): WifiReading | null {
  const message = firstLines(text);
  if (/ms-settings:privacy-location|location permission|位置情報のアクセス許可/i.test(text)) {
    return { state: "location-denied", interfaces: [], message };
  }
  if (/\(wlansvc\)/i.test(text)) return { state: "service-stopped", interfaces: [], message };
  if (
    /no wireless interface|ワイヤレス インターフェイスがありません|keine drahtlose schnittstelle|pas d'interface sans fil|no hay interfaz inal|nessuna interfaccia wireless/i
      .test(text)
  ) {
    return { state: "no-interface", interfaces: [], message };
  }
  return null;
}

function firstLines(text: string): string {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, 4).join("\n")
    .slice(0, 400);
}
