/**
 * Wi-Fi rules over `wifi.link`. Cisco's VoWLAN design guidance (Enterprise Mobility Design
 * Guide, ch. "VoWLAN Design Recommendations") sizes cells so clients keep at least -67 dBm
 * with a signal-to-noise ratio of 25 dB (noise ≤ -92 dBm) for real-time traffic; below that,
 * rates drop and retries and loss climb. A signal converted from Windows' percentage is an
 * estimate, so the finding is less sure.
 *
 * @module
 */
import { advise, MOVE_CLOSER, USE_WIRED } from "./advice.ts";
import { measured, type Rule } from "./rule.ts";
import { num, obj, str } from "./shape.ts";

/** Signal below this (dBm) is weak. */
export const RSSI_WARN_DBM = -67;
/** Signal-to-noise below this (dB) is poor. */
export const SNR_WARN_DB = 25;

/** The Wi-Fi signal is weak or noisy. */
export const wifiWeak: Rule = (input) => {
  const link = obj(measured(input, "wifi.link")?.link);
  if (!link || link.connected !== true) return [];
  const rssi = num(link.rssiDbm);
  const snr = num(link.snrDb);
  const weak = rssi !== null && rssi < RSSI_WARN_DBM;
  const noisy = snr !== null && snr < SNR_WARN_DB;
  if (!weak && !noisy) return [];
  const band = str(link.band);
  return [{
    id: "lan.wifi-weak",
    segment: "lan",
    severity: "warn",
    confidence: str(link.rssiSource) === "from-percent" && !noisy ? "medium" : "high",
    title: {
      ja: "Wi-Fi の電波が弱いか、雑音が多い状態です",
      en: "The Wi-Fi signal is weak or noisy",
    },
    detail: {
      ja: `電波の強さ ${rssi ?? "?"} dBm、SN 比 ${snr ?? "?"} dB${
        band ? ` (${band} GHz 帯)` : ""
      } です。目安は -67 dBm 以上、25 dB 以上です。`,
      en: `Signal ${rssi ?? "?"} dBm, signal-to-noise ${snr ?? "?"} dB${
        band ? ` (${band} GHz)` : ""
      }; aim for -67 dBm or more and 25 dB or more.`,
    },
    advice: advise(MOVE_CLOSER, USE_WIRED),
    technical: `wifi rssi ${rssi} dBm (${str(link.rssiSource)}), noise ${
      num(link.noiseDbm)
    } dBm, snr ${snr} dB, band ${band}, tx ${
      num(link.txRateMbps)
    } Mbps; limits ${RSSI_WARN_DBM} dBm / ${SNR_WARN_DB} dB`,
    evidence: [{ probe: "wifi.link", values: { rssiDbm: rssi, snrDb: snr, band } }],
    at: "lan",
    breaks: "quality",
  }];
};
