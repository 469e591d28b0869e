/**
 * `wifi.link`: the Wi-Fi link as the device sees it — SSID, BSSID, RSSI, noise, SNR,
 * channel, band, PHY mode and rate. Degrades with a stated reason (Windows 11 24H2 Location
 * permission, macOS 14.4's removed `airport`, macOS 15's redacted SSID, no adapter).
 *
 * @module
 */
import { z } from "zod";
import type { WifiLink, WifiState } from "../parse/wifi_common.ts";
import { defineProbe, type Platform, type ProbeContext, type ProbeOutcome } from "../types.ts";
import { readWifi } from "../lib/wifi_read.ts";
import type { Localized } from "../../util/text.ts";

const linkSchema = z.object({
  interface: z.string().nullable(),
  connected: z.boolean(),
  ssid: z.string().nullable(),
  ssidRedacted: z.boolean(),
  bssid: z.string().nullable(),
  bssidRedacted: z.boolean(),
  rssiDbm: z.number().nullable(),
  rssiSource: z.enum(["reported", "from-percent"]).nullable(),
  signalPercent: z.number().nullable(),
  noiseDbm: z.number().nullable(),
  snrDb: z.number().nullable(),
  channel: z.number().nullable(),
  band: z.enum(["2.4", "5", "6"]).nullable(),
  channelWidthMhz: z.number().nullable(),
  frequencyMhz: z.number().nullable(),
  phyMode: z.string().nullable(),
  txRateMbps: z.number().nullable(),
  rxRateMbps: z.number().nullable(),
  security: z.string().nullable(),
}).strict();

const dataSchema = z.object({
  source: z.string(),
  state: z.string(),
  link: linkSchema.nullable(),
  notes: z.array(z.object({ ja: z.string(), en: z.string() }).strict()),
}).strict();

/** The data `wifi.link` records. */
export type WifiLinkData = z.infer<typeof dataSchema>;

const REASONS: Partial<Record<WifiState, Localized>> = {
  "location-denied": {
    ja:
      "Windows の位置情報の許可がないため Wi-Fi 情報を読めません (設定 > プライバシーとセキュリティ > 位置情報 で「デスクトップ アプリに位置情報へのアクセスを許可する」をオンに: ms-settings:privacy-location)",
    en:
      'Windows denies Wi-Fi details without Location permission (Settings > Privacy & security > Location: turn on "Let desktop apps access your location": ms-settings:privacy-location)',
  },
  "no-interface": { ja: "Wi-Fi アダプターがありません", en: "There is no Wi-Fi adapter" },
  "service-stopped": {
    ja: "WLAN AutoConfig サービス (wlansvc) が停止しています",
    en: "The WLAN AutoConfig service (wlansvc) is not running",
  },
  "tool-removed": {
    ja: "この macOS では Wi-Fi 情報を読むコマンドがありません (airport は macOS 14.4 で削除)",
    en: "No command on this macOS reports Wi-Fi details (airport was removed in macOS 14.4)",
  },
  "needs-admin": { ja: "管理者権限が必要です", en: "Administrator rights are needed" },
  "off": { ja: "Wi-Fi がオフです", en: "Wi-Fi is switched off" },
  "unrecognized": {
    ja: "Wi-Fi 情報の出力を解釈できません",
    en: "The Wi-Fi output was not understood",
  },
};

/** The probe; tests pass the platform so Windows and macOS paths run here. */
export const wifiLinkProbe = defineProbe({
  id: "wifi.link",
  title: { ja: "Wi-Fi の接続状態", en: "Wi-Fi link" },
  description: {
    ja: "接続中の Wi-Fi の電波強度、ノイズ、チャネル、帯域、速度を測ります",
    en: "Measures signal, noise, channel, band and rate of the Wi-Fi link in use",
  },
  segment: "lan",
  dataCategories: ["measurements"],
  dependsOn: [],
  timeoutMs: 40_000,
  platforms: ["windows", "darwin", "linux"],
  schema: dataSchema,
  run: (ctx) => run(ctx, ctx.os, ctx.isRoot),
});

async function run(
  ctx: ProbeContext,
  os: Platform,
  root: boolean,
): Promise<ProbeOutcome<WifiLinkData>> {
  const a = await readWifi(ctx, { os, isRoot: root });
  const link = a.reading.interfaces.find((l) => l.connected) ?? null;
  const data: WifiLinkData = { source: a.source, state: a.reading.state, link, notes: a.notes };
  if (a.failure && !link) {
    return { status: "skipped", reason: a.failure, summary: a.failure, data, evidence: a.evidence };
  }
  if (!link) {
    const reason = REASONS[a.reading.state] ??
      {
        ja: "Wi-Fi に接続していません (有線接続の可能性)",
        en: "Not connected to Wi-Fi (the device may be wired)",
      };
    return { status: "skipped", reason, summary: reason, data, evidence: a.evidence };
  }
  if (link.ssid) ctx.identifier({ kind: "ssid", value: link.ssid });
  if (link.bssid) ctx.identifier({ kind: "bssid", value: link.bssid });
  if (link.ssidRedacted) {
    data.notes.push({
      ja: "macOS が位置情報の許可なしでは SSID を伏せています",
      en: "macOS hides the SSID without Location permission",
    });
  }
  return { status: judge(link), summary: summarize(link), data, evidence: a.evidence };
}

/** Weak signal or low SNR is what makes Wi-Fi slow or drop; thresholds as commonly used for data. */
function judge(l: WifiLink): "ok" | "warn" | "fail" {
  if ((l.rssiDbm !== null && l.rssiDbm < -80) || (l.snrDb !== null && l.snrDb < 10)) return "fail";
  if ((l.rssiDbm !== null && l.rssiDbm < -70) || (l.snrDb !== null && l.snrDb < 20)) return "warn";
  return "ok";
}

function summarize(l: WifiLink): Localized {
  const parts = [
    l.band ? `${l.band} GHz` : null,
    l.channel !== null ? `ch ${l.channel}` : null,
    l.rssiDbm !== null ? `${l.rssiDbm} dBm${l.rssiSource === "from-percent" ? "*" : ""}` : null,
    l.snrDb !== null ? `SNR ${l.snrDb} dB` : null,
    l.txRateMbps !== null ? `${l.txRateMbps} Mbps` : null,
    l.phyMode,
  ].filter(Boolean).join(", ");
  return { ja: `Wi-Fi: ${parts}`, en: `Wi-Fi: ${parts}` };
}
