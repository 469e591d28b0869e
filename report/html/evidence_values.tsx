// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * The numbers a finding rests on, in words: each value's name translated, units shown,
 * enumerations named, rates with their interval ("3 of 200 lost (1.5 %, 95 % interval
 * 0.5–4.3 %)"). A name the kit does not know is a target's or server's name (rules key
 * figures by target) and is shown as is.
 *
 * @module
 */
import type { Child } from "hono/jsx";
import { ACCESS_TYPES } from "../../probes/builtin/isp_access.ts";
import { formatMbps, formatMs, formatNumber, formatPercent, formatScalar } from "./format.ts";
import { obj, V } from "./evidence/parts.tsx";
import type { Lang, Localized } from "../../util/text.ts";

const KEYS: Record<string, Localized> = {
  verdict: { ja: "判定", en: "verdict" },
  status: { ja: "HTTP 応答", en: "HTTP status" },
  location: { ja: "転送先", en: "redirected to" },
  servers: { ja: "DNS サーバーの数", en: "DNS servers" },
  wrong: { ja: "食い違った名前", en: "names answered differently" },
  received: { ja: "応答の数", en: "replies" },
  pings: { ja: "ping の結果", en: "pings" },
  v6Failed: { ja: "IPv6 で届かない宛先", en: "unreachable over IPv6" },
  interfaces: { ja: "インターフェイス", en: "interfaces" },
  routes: { ja: "デフォルト ルートの数", en: "default routes" },
  pathMtu: { ja: "経路 MTU", en: "path MTU" },
  type: { ja: "回線方式", en: "access type" },
  confidence: { ja: "確からしさ", en: "confidence" },
  sources: { ja: "設定の読み取り元", en: "set in" },
  url: { ja: "URL", en: "URL" },
  skewMs: { ja: "時計のずれ", en: "clock offset" },
  rssiDbm: { ja: "電波の強さ", en: "signal" },
  snrDb: { ja: "信号対雑音比", en: "signal-to-noise ratio" },
  band: { ja: "周波数帯", en: "band" },
  comparison: { ja: "比較", en: "comparison" },
  targets: { ja: "宛先", en: "targets" },
  issuers: { ja: "発行者", en: "issuers" },
  from: { ja: "損失が始まるホップ", en: "loss from hop" },
  endLoss: { ja: "宛先での損失", en: "loss at the destination" },
  down: { ja: "下り", en: "download" },
  up: { ja: "上り", en: "upload" },
  avgMs: { ja: "平均往復時間", en: "average RTT" },
  jitterMs: { ja: "ゆらぎ", en: "jitter" },
  grade: { ja: "バッファブロート評価", en: "bufferbloat grade" },
  addedMs: { ja: "負荷時の遅延の増加", en: "latency added under load" },
  rpm: { ja: "応答性 (RPM)", en: "responsiveness (RPM)" },
  lossPercent: { ja: "損失", en: "loss" },
  rate: { ja: "割合", en: "rate" },
  ms: { ja: "時間", en: "time" },
  medianMs: { ja: "中央値", en: "median" },
};

const WORDS: Record<string, Localized> = {
  "timeout": { ja: "時間切れ", en: "timed out" },
  "request": { ja: "応答待ちで失敗", en: "failed waiting for the answer" },
  "connect": { ja: "接続で失敗", en: "failed to connect" },
  "tls": { ja: "暗号化 (TLS) で失敗", en: "failed in TLS" },
  "dns": { ja: "名前解決で失敗", en: "failed to look up the name" },
  "refused": { ja: "接続拒否", en: "refused" },
  "unreachable": { ja: "到達不能", en: "unreachable" },
  "beyond-access": { ja: "回線より先が遅い", en: "slower beyond the access line" },
  "redirect": { ja: "転送", en: "redirected" },
  "login-page": { ja: "ログイン画面", en: "a login page" },
  "open": { ja: "遮られていない", en: "open" },
  "env": { ja: "環境変数", en: "environment variables" },
  "registry": { ja: "Windows のレジストリ", en: "the Windows registry" },
  "scutil": { ja: "macOS のネットワーク設定", en: "macOS network settings" },
};

/** "3 of 200 lost (1.5 %, 95 % interval 0.5–4.3 %)", from `{ failures|successes, n, … }`. */
export function rateText(r: Record<string, unknown>, lang: Lang): string | null {
  const n = typeof r.n === "number" ? r.n : null;
  const k = typeof r.failures === "number"
    ? r.failures
    : typeof r.successes === "number"
    ? r.successes
    : null;
  if (n === null || k === null) return null;
  const failures = typeof r.failures === "number";
  // Rates are small numbers read side by side: one decimal below 10 %, and one unit.
  const num = (v: unknown) => {
    if (typeof v !== "number" || !Number.isFinite(v)) return null;
    const p = v <= 1 ? v * 100 : v;
    return String(p < 10 ? Math.round(p * 10) / 10 : Math.round(p));
  };
  const unit = lang === "ja" ? "%" : " %";
  const est = num(r.estimate) ?? num(n > 0 ? k / n : 0);
  const lo = num(r.low);
  const hi = num(r.high);
  const interval = lo && hi
    ? (lang === "ja" ? `、95% 信頼区間 ${lo}–${hi}${unit}` : `, 95 % interval ${lo}–${hi}${unit}`)
    : "";
  return lang === "ja"
    ? `${n} 回中 ${k} 回${failures ? "失敗" : "成功"} (${est}${unit}${interval})`
    : `${k} of ${n} ${failures ? "failed" : "succeeded"} (${est}${unit}${interval})`;
}

function scalar(key: string, v: unknown, lang: Lang, lossy: boolean): Child {
  if (typeof v === "number") {
    if (/Ms$/.test(key)) return formatMs(v);
    if (/Percent$|^endLoss$/.test(key) || (lossy && !(key in KEYS))) return formatPercent(v, lang);
    if (key === "confidence" && v <= 1) return formatPercent(v * 100, lang);
    if (/Mbps$|^(down|up)$/.test(key)) return formatMbps(v);
    if (/Dbm$/i.test(key)) return `${v} dBm`;
    if (/Db$/.test(key)) return `${v} dB`;
    if (key === "band") return `${v} GHz`;
    return formatNumber(v);
  }
  if (typeof v === "string") {
    if (key === "type" && ACCESS_TYPES[v]) return ACCESS_TYPES[v][lang];
    if (key === "band") return `${v} GHz`;
    if (WORDS[v]) return WORDS[v][lang];
    return <V>{v}</V>;
  }
  return <V>{formatScalar(v)}</V>;
}

function value(key: string, v: unknown, lang: Lang, lossy: boolean): Child {
  const o = obj(v);
  if (o) {
    const inner = obj(o.rate) ?? o;
    const rate = rateText(inner, lang);
    if (rate) return rate;
    return <EvidenceValues values={o} lang={lang} lossy={lossy} />;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return "–";
    return <span class="addr-list">{v.map((x) => <span>{value(key, x, lang, lossy)}</span>)}</span>;
  }
  return scalar(key, v, lang, lossy);
}

/**
 * The values of one piece of evidence as label/value pairs. `lossy`: the finding is about
 * loss, so a bare number keyed by a target is a loss percentage.
 */
export function EvidenceValues(
  props: { values: Record<string, unknown>; lang: Lang; lossy?: boolean },
) {
  const entries = Object.entries(props.values);
  if (entries.length === 0) return null;
  return (
    <dl class="facts compact">
      {entries.map(([k, v]) => (
        <div>
          <dt>{KEYS[k] ? KEYS[k][props.lang] : <V>{k}</V>}</dt>
          <dd>{value(k, v, props.lang, props.lossy ?? false)}</dd>
        </div>
      ))}
    </dl>
  );
}
