// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * Reaching services: `http.timing` as a waterfall of DNS, connect, TLS and first byte per
 * URL with its status; `tcp.connect` as connection attempts per address family;
 * `ipv6.compare` IPv4 beside IPv6; `http.captive` and `tls.inspect` (the certificate chain,
 * and whether something intercepts it).
 *
 * @module
 */
import { formatMs } from "../format.ts";
import type { Localized } from "../../../util/text.ts";
import { Key, PhaseBar, PHASES } from "./chart.tsx";
import {
  Facts,
  family,
  Mark,
  num,
  type Obj,
  obj,
  objs,
  Say,
  str,
  Sub,
  Table,
  type Tone,
  V,
} from "./parts.tsx";
import type { EvidenceProps } from "./types.ts";
import { FallbackLine, FamilyList } from "./families.tsx";

const T = {
  target: { ja: "宛先", en: "Target" },
  phases: { ja: "段階ごとの時間", en: "Time per phase" },
  total: { ja: "合計", en: "Total" },
  status: { ja: "応答", en: "Answer" },
  expected: { ja: "期待", en: "expected" },
  waterfall: { ja: "Web の応答: 段階ごとの時間", en: "Web requests: time per phase" },
  dns: { ja: "名前解決", en: "DNS" },
  connect: { ja: "接続", en: "Connect" },
  tls: { ja: "暗号化", en: "TLS" },
  ttfb: { ja: "最初の応答", en: "First byte" },
  failedAt: { ja: "失敗した段階", en: "Failed at" },
  tlsInfo: { ja: "TLS", en: "TLS" },
  cert: { ja: "証明書", en: "Certificate" },
  daysLeft: { ja: "日後に期限切れ", en: "days left" },
  attempts: { ja: "接続の試行", en: "Connection attempts" },
  port: { ja: "ポート", en: "Port" },
  segment: { ja: "区間", en: "Segment" },
  v4v6: { ja: "IPv4 と IPv6 の比較", en: "IPv4 against IPv6" },
  captive: { ja: "ログイン画面 (キャプティブ ポータル) の確認", en: "Captive portal check" },
  location: { ja: "転送先", en: "Redirected to" },
  time: { ja: "時間", en: "Time" },
  chain: { ja: "証明書チェーン", en: "Certificate chain" },
  subject: { ja: "対象", en: "Subject" },
  issuer: { ja: "発行者", en: "Issuer" },
  validTo: { ja: "有効期限", en: "Valid until" },
  fingerprint: { ja: "フィンガープリント (SHA-256)", en: "Fingerprint (SHA-256)" },
  trusted: { ja: "OS が信頼する発行者", en: "Trusted by the OS" },
  interceptor: { ja: "通信を検査している製品の可能性", en: "Possibly inspected by" },
  yes: { ja: "はい", en: "yes" },
  error: { ja: "エラー", en: "Error" },
  no: { ja: "いいえ", en: "no" },
} as const;

const PHASE_NAME = [T.dns, T.connect, T.tls, T.ttfb];

const FAILED_AT: Record<string, Localized> = {
  dns: { ja: "名前解決", en: "name lookup" },
  connect: { ja: "接続", en: "connecting" },
  tls: { ja: "暗号化 (TLS)", en: "TLS handshake" },
  request: { ja: "応答待ち", en: "waiting for the answer" },
};

const SEGMENT: Record<string, Localized> = {
  isp: { ja: "プロバイダー", en: "provider" },
  internet: { ja: "インターネット", en: "internet" },
  service: { ja: "サービス", en: "service" },
};

/** `http.timing`: the waterfall. */
export function HttpTimingView(props: EvidenceProps) {
  const { lang } = props;
  const targets = objs(props.result.data.targets);
  if (targets.length === 0) return null;
  const sum = (r: Obj) =>
    num(r.totalMs) ??
      (PHASES.some((k) => num(r[k]) !== null)
        ? PHASES.reduce((a, k) => a + (num(r[k]) ?? 0), 0)
        : null);
  const scale = Math.max(...targets.map((r) => sum(r) ?? 0), 1);
  return (
    <>
      <Table
        label={T.waterfall[lang]}
        cols={[{ label: T.target[lang] }, { label: T.phases[lang] }, {
          label: T.total[lang],
          num: true,
        }, { label: T.status[lang] }]}
        rows={targets.map((r) => {
          const status = num(r.status);
          const expect = num(r.expectStatus);
          const ok = r.ok === true;
          const fa = str(r.failedAt);
          return [
            <>
              <V>{str(r.name)}</V>
              <div class="muted small">
                <V>{str(r.url)}</V>
              </div>
            </>,
            <>
              <PhaseBar r={r} scale={scale} />
              <span class="muted small">
                {PHASES.map((
                  k,
                  i,
                ) => (num(r[k]) !== null ? `${PHASE_NAME[i][lang]} ${formatMs(num(r[k]))}` : null))
                  .filter(Boolean).join(" · ")}
              </span>
            </>,
            formatMs(sum(r)),
            <>
              <Mark tone={ok ? "ok" : "fail"}>
                {status !== null
                  ? `HTTP ${status}`
                  : fa
                  ? `${T.failedAt[lang]}: ${FAILED_AT[fa]?.[lang] ?? fa}`
                  : "–"}
              </Mark>
              {expect !== null && status !== expect
                ? <span class="muted small">{` (${T.expected[lang]} ${expect})`}</span>
                : null}
              {r.error
                ? (
                  <div class="small">
                    <V>{str(r.error)}</V>
                  </div>
                )
                : null}
              {r.location
                ? (
                  <div class="small">
                    {T.location[lang]}: <V>{str(r.location)}</V>
                  </div>
                )
                : null}
              <FamilyList families={r.families} lang={lang} />
              <FallbackLine fallback={r.fallback} lang={lang} />
              {r.tlsVersion
                ? (
                  <div class="muted small">
                    <V>{str(r.tlsVersion)}</V>
                    {r.certIssuer
                      ? (
                        <>
                          · <V>{str(r.certIssuer)}</V>
                        </>
                      )
                      : null}
                    {num(r.certDaysLeft) !== null
                      ? ` · ${
                        lang === "ja"
                          ? `${num(r.certDaysLeft)} ${T.daysLeft.ja}`
                          : `${num(r.certDaysLeft)} ${T.daysLeft.en}`
                      }`
                      : null}
                  </div>
                )
                : null}
            </>,
          ];
        })}
      />
      <p class="legend">{PHASE_NAME.map((n, i) => <Key cls={`ph-${i}`}>{n[lang]}</Key>)}</p>
    </>
  );
}

/** `tcp.connect`: each target's connection attempts. */
export function TcpConnectView(props: EvidenceProps) {
  const { lang } = props;
  const targets = objs(props.result.data.targets);
  if (targets.length === 0) return null;
  return (
    <Table
      label={T.attempts[lang]}
      cols={[{ label: T.target[lang] }, { label: T.segment[lang] }, {
        label: T.dns[lang],
        num: true,
      }, { label: T.attempts[lang] }]}
      rows={targets.map((t) => [
        <>
          <V>{str(t.name)}</V>
          <div class="muted small">
            <V>{`${str(t.host) ?? ""}:${num(t.port) ?? ""}`}</V>
          </div>
        </>,
        SEGMENT[str(t.segment) ?? ""]?.[lang] ?? "–",
        formatMs(num(t.dnsMs)),
        <ul class="plain">
          {t.error && objs(t.attempts).length === 0
            ? (
              <li>
                <Mark tone="fail">
                  <V>{str(t.error)}</V>
                </Mark>
              </li>
            )
            : null}
          {objs(t.attempts).map((a) => (
            <li>
              <Mark tone={a.ok ? "ok" : "fail"}>{family(a.family)}</Mark> <V>{str(a.address)}</V>
              {" "}
              {formatMs(num(a.ms))}
              {a.error
                ? (
                  <>
                    {" — "}
                    <V>{str(a.error)}</V>
                  </>
                )
                : null}
            </li>
          ))}
          <li>
            <FallbackLine fallback={t.fallback} lang={lang} />
          </li>
        </ul>,
      ])}
    />
  );
}

/** `ipv6.compare`: IPv4 beside IPv6 for each URL. */
export function Ipv6CompareView(props: EvidenceProps) {
  const { lang } = props;
  const targets = objs(props.result.data.targets);
  if (targets.length === 0) return null;
  const cell = (a: Obj | null) =>
    a
      ? (
        <>
          <Mark tone={a.ok ? "ok" : "fail"}>
            {num(a.status) !== null ? `HTTP ${num(a.status)}` : a.ok ? "✓" : ""}
          </Mark>{" "}
          <span class="small">
            {T.connect[lang]} {formatMs(num(a.connectMs))} · {T.total[lang]}{" "}
            {formatMs(num(a.httpMs))}
          </span>
          {a.address
            ? (
              <div class="muted small">
                <V>{str(a.address)}</V>
              </div>
            )
            : null}
          {a.error
            ? (
              <div class="small">
                <V>{str(a.error)}</V>
              </div>
            )
            : null}
        </>
      )
      : "–";
  return (
    <Table
      label={T.v4v6[lang]}
      cols={[{ label: T.target[lang] }, { label: "IPv4" }, { label: "IPv6" }]}
      rows={targets.map((t) => [<V>{str(t.url)}</V>, cell(obj(t.v4)), cell(obj(t.v6))])}
    />
  );
}

const CAPTIVE: Record<string, Localized & { tone: Tone }> = {
  "open": { ja: "ログイン画面に遮られていません", en: "Not behind a login page", tone: "ok" },
  "redirect": {
    ja: "別のページへ転送されました (ログイン画面の可能性)",
    en: "Redirected elsewhere (a login page?)",
    tone: "warn",
  },
  "login-page": {
    ja: "ログイン画面が表示されています",
    en: "A login page answers instead",
    tone: "fail",
  },
  "unexpected": { ja: "想定外の応答", en: "An unexpected answer", tone: "warn" },
  "unreachable": {
    ja: "確認用の宛先に届きません",
    en: "The check URL is unreachable",
    tone: "fail",
  },
};

/** `http.captive`. */
export function CaptiveView(props: EvidenceProps) {
  const { lang } = props;
  const d = props.result.data;
  const v = CAPTIVE[str(d.verdict) ?? ""];
  if (!v && !d.url) return null;
  return (
    <>
      {v ? <Say tone={v.tone}>{v[lang]}</Say> : null}
      <Facts
        rows={[
          [T.target[lang], <V>{str(d.url)}</V>],
          [
            T.status[lang],
            num(d.status) !== null
              ? `HTTP ${num(d.status)} (${T.expected[lang]} ${num(d.expectStatus) ?? "–"})`
              : null,
          ],
          [T.location[lang], d.location ? <V>{str(d.location)}</V> : null],
          [T.time[lang], formatMs(num(d.ms))],
          [T.error[lang], d.error ? <V>{str(d.error)}</V> : null],
        ]}
      />
    </>
  );
}

const TLS_VERDICT: Record<string, Localized & { tone: Tone }> = {
  "expected": { ja: "想定どおりの証明書です", en: "The expected certificate", tone: "ok" },
  "unexpected-issuer": {
    ja: "想定外の発行者: 通信が途中で検査・書き換えされている可能性があります",
    en: "An unexpected issuer: something may be inspecting the traffic",
    tone: "warn",
  },
  "untrusted": { ja: "信頼できない証明書です", en: "An untrusted certificate", tone: "fail" },
  "unchecked": {
    ja: "発行者の確認はしていません",
    en: "The issuer was not checked",
    tone: "unknown",
  },
  "error": {
    ja: "証明書を取得できませんでした",
    en: "The certificate could not be read",
    tone: "fail",
  },
};

/** `tls.inspect`: each target's chain and verdict. */
export function TlsView(props: EvidenceProps) {
  const { lang } = props;
  const targets = objs(props.result.data.targets);
  if (targets.length === 0) return null;
  return (
    <>
      {targets.map((t) => {
        const v = TLS_VERDICT[str(t.verdict) ?? ""];
        return (
          <>
            <Sub>
              <V>{`${str(t.host) ?? ""}:${num(t.port) ?? ""}`}</V>
            </Sub>
            {v ? <Say tone={v.tone}>{v[lang]}</Say> : null}
            <Facts
              rows={[
                [
                  T.trusted[lang],
                  t.trusted === null || t.trusted === undefined ? null : (
                    <>
                      {t.trusted ? T.yes[lang] : T.no[lang]}
                      {t.trustError
                        ? (
                          <>
                            {" ("}
                            <V>{str(t.trustError)}</V>)
                          </>
                        )
                        : null}
                    </>
                  ),
                ],
                [T.interceptor[lang], t.interceptorHint ? <V>{str(t.interceptorHint)}</V> : null],
                [T.error[lang], t.error ? <V>{str(t.error)}</V> : null],
              ]}
            />
            {objs(t.chain).length
              ? (
                <Table
                  label={T.chain[lang]}
                  cols={[{ label: T.subject[lang] }, { label: T.issuer[lang] }, {
                    label: T.validTo[lang],
                  }, { label: T.fingerprint[lang] }]}
                  rows={objs(t.chain).map((
                    c,
                  ) => [
                    <V>{str(c.subject)}</V>,
                    <V>{str(c.issuer)}</V>,
                    <V>{str(c.validTo)}</V>,
                    <code class="fp" translate="no">{str(c.fingerprint256)}</code>,
                  ])}
                />
              )
              : null}
          </>
        );
      })}
    </>
  );
}
