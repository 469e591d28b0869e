// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * `wifi.link`: the signal and noise on a scale from unusable to excellent, the band,
 * channel, width and link rates, and the neighbouring networks on the same channel when
 * the report lists them.
 *
 * @module
 */
import { formatMbps } from "../format.ts";
import type { Lang, Localized } from "../../../util/text.ts";
import {
  Facts,
  loc,
  Mark,
  num,
  type Obj,
  obj,
  objs,
  Say,
  str,
  Table,
  type Tone,
  V,
} from "./parts.tsx";
import type { EvidenceProps } from "./types.ts";

const T = {
  signal: { ja: "電波の強さ", en: "Signal" },
  noise: { ja: "雑音", en: "Noise" },
  snr: { ja: "信号対雑音比 (SNR)", en: "Signal-to-noise ratio" },
  band: { ja: "周波数帯", en: "Band" },
  channel: { ja: "チャンネル", en: "Channel" },
  width: { ja: "チャンネル幅", en: "Channel width" },
  freq: { ja: "周波数", en: "Frequency" },
  phy: { ja: "規格", en: "Standard" },
  tx: { ja: "送信の速度 (リンク)", en: "Link rate, sending" },
  rx: { ja: "受信の速度 (リンク)", en: "Link rate, receiving" },
  security: { ja: "暗号化", en: "Security" },
  ssid: { ja: "ネットワーク名 (SSID)", en: "Network name (SSID)" },
  bssid: { ja: "アクセスポイント (BSSID)", en: "Access point (BSSID)" },
  iface: { ja: "インターフェイス", en: "Interface" },
  source: { ja: "読み取り元", en: "Read from" },
  fromPercent: { ja: "OS の % 表示からの換算", en: "converted from the OS's percentage" },
  neighbours: { ja: "周囲の Wi-Fi", en: "Neighbouring networks" },
  sameChannel: { ja: "同じチャンネル", en: "same channel" },
  scale: { ja: "電波の強さの目安", en: "Signal strength scale" },
  notConnected: { ja: "Wi-Fi に接続していません", en: "Not connected to Wi-Fi" },
} as const;

const STATES: Record<string, Localized> = {
  "connected": { ja: "接続中", en: "connected" },
  "disconnected": { ja: "未接続", en: "not connected" },
  "no-interface": {
    ja: "Wi-Fi アダプターがありません (有線接続など)",
    en: "no Wi-Fi adapter (a wired connection, for one)",
  },
  "off": { ja: "Wi-Fi がオフです", en: "Wi-Fi is turned off" },
  "denied": { ja: "OS が読み取りを許可しませんでした", en: "the OS did not allow reading it" },
  "unsupported": { ja: "この OS では読み取れません", en: "cannot be read on this OS" },
};

/** Signal quality bands (dBm), as most vendors draw them. */
const QUALITY: { min: number; tone: Tone; t: Localized }[] = [
  { min: -55, tone: "ok", t: { ja: "非常に良い", en: "excellent" } },
  { min: -67, tone: "ok", t: { ja: "良い", en: "good" } },
  { min: -75, tone: "warn", t: { ja: "やや弱い", en: "fair" } },
  { min: -85, tone: "fail", t: { ja: "弱い", en: "weak" } },
  { min: -200, tone: "fail", t: { ja: "ほぼ使えない", en: "unusable" } },
];

/** The quality band of a signal level. */
export function signalQuality(dbm: number) {
  return QUALITY.find((q) => dbm >= q.min)!;
}

/** The Wi-Fi link. */
export function WifiView(props: EvidenceProps) {
  const { lang } = props;
  const d = props.result.data;
  const link = obj(d.link);
  const state = str(d.state);
  const notes = objs(d.notes).map((n) => loc(n, lang)).filter((x): x is string => !!x);
  if (!link && !state) return null;
  const stateText = state ? STATES[state]?.[lang] : null;
  return (
    <>
      {!link || link.connected === false
        ? <Say tone="unknown">{stateText ?? (state ? <V>{state}</V> : T.notConnected[lang])}</Say>
        : null}
      {link ? <Link link={link} lang={lang} /> : null}
      <Neighbours
        list={objs(d.neighbours ?? d.networks ?? link?.neighbours)}
        channel={num(link?.channel)}
        lang={lang}
      />
      {notes.map((n) => <p class="muted small">{n}</p>)}
      <Facts
        rows={[[T.source[lang], d.source ? <code translate="no">{str(d.source)}</code> : null]]}
      />
    </>
  );
}

function Link(props: { link: Obj; lang: Lang }) {
  const { link: l, lang } = props;
  const rssi = num(l.rssiDbm);
  const q = rssi !== null ? signalQuality(rssi) : null;
  const width = num(l.channelWidthMhz);
  return (
    <>
      {rssi !== null && q ? <SignalScale rssi={rssi} noise={num(l.noiseDbm)} lang={lang} /> : null}
      <Facts
        rows={[
          [
            T.signal[lang],
            rssi !== null && q
              ? (
                <Mark tone={q.tone}>
                  {`${rssi} dBm · ${q.t[lang]}${
                    l.rssiSource === "from-percent" ? ` (${T.fromPercent[lang]})` : ""
                  }`}
                </Mark>
              )
              : num(l.signalPercent) !== null
              ? `${num(l.signalPercent)}%`
              : null,
          ],
          [T.noise[lang], num(l.noiseDbm) !== null ? `${num(l.noiseDbm)} dBm` : null],
          [T.snr[lang], num(l.snrDb) !== null ? `${num(l.snrDb)} dB` : null],
          [T.ssid[lang], l.ssid ? <V>{str(l.ssid)}</V> : null],
          [T.bssid[lang], l.bssid ? <V>{str(l.bssid)}</V> : null],
          [T.band[lang], l.band ? `${str(l.band)} GHz` : null],
          [T.channel[lang], num(l.channel) !== null ? String(num(l.channel)) : null],
          [T.width[lang], width !== null ? `${width} MHz` : null],
          [T.freq[lang], num(l.frequencyMhz) !== null ? `${num(l.frequencyMhz)} MHz` : null],
          [T.phy[lang], l.phyMode ? <V>{str(l.phyMode)}</V> : null],
          [T.tx[lang], num(l.txRateMbps) !== null ? formatMbps(num(l.txRateMbps)) : null],
          [T.rx[lang], num(l.rxRateMbps) !== null ? formatMbps(num(l.rxRateMbps)) : null],
          [T.security[lang], l.security ? <V>{str(l.security)}</V> : null],
          [T.iface[lang], l.interface ? <V>{str(l.interface)}</V> : null],
        ]}
      />
    </>
  );
}

/** The signal on a -100…-30 dBm scale with the quality bands, the noise floor marked. */
function SignalScale(props: { rssi: number; noise: number | null; lang: Lang }) {
  const at = (dbm: number) => `${Math.min(100, Math.max(0, ((dbm + 100) / 70) * 100)).toFixed(1)}%`;
  const bands = [-100, -85, -75, -67, -55, -30];
  const tones = ["fail", "fail", "warn", "ok", "ok"];
  return (
    <figure class="signal">
      <svg
        width="100%"
        height="44"
        role="img"
        aria-label={`${T.scale[props.lang]}: ${props.rssi} dBm`}
      >
        {bands.slice(0, -1).map((b, i) => (
          <rect
            x={at(b)}
            width={`${(((bands[i + 1] - b) / 70) * 100).toFixed(1)}%`}
            y="14"
            height="10"
            class={`band t-${tones[i]}`}
          />
        ))}
        {props.noise !== null
          ? <line x1={at(props.noise)} x2={at(props.noise)} y1="8" y2="30" class="noise" />
          : null}
        <circle cx={at(props.rssi)} cy="19" r="7" class="now" />
        <text x="0" y="42" class="tick">-100 dBm</text>
        <text x="50%" y="42" text-anchor="middle" class="tick">-65</text>
        <text x="100%" y="42" text-anchor="end" class="tick">-30 dBm</text>
      </svg>
    </figure>
  );
}

function Neighbours(props: { list: Obj[]; channel: number | null; lang: Lang }) {
  const { list, lang } = props;
  if (list.length === 0) return null;
  const same = (n: Obj) => props.channel !== null && num(n.channel) === props.channel;
  const sorted = [...list].sort((a, b) => Number(same(b)) - Number(same(a)));
  return (
    <Table
      label={T.neighbours[lang]}
      cols={[{ label: T.ssid[lang] }, { label: T.channel[lang], num: true }, {
        label: T.band[lang],
      }, { label: T.signal[lang], num: true }]}
      rowClass={(i) => (same(sorted[i]) ? "row-warn" : "")}
      rows={sorted.map((n) => [
        <V>{str(n.ssid) ?? "–"}</V>,
        <>
          {num(n.channel) ?? "–"}
          {same(n) ? <span class="muted small">{` (${T.sameChannel[lang]})`}</span> : null}
        </>,
        n.band ? `${str(n.band)} GHz` : "–",
        num(n.rssiDbm) !== null
          ? `${num(n.rssiDbm)} dBm`
          : num(n.signalPercent) !== null
          ? `${num(n.signalPercent)}%`
          : "–",
      ])}
    />
  );
}
