// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * `net.proxy.check`: each proxy the device is set to use, whether it answered, and what it
 * said to each request (CONNECT for HTTPS sites, GET for plain HTTP); what could not be
 * checked (PAC, WPAD, SOCKS).
 *
 * @module
 */
import { formatMs } from "../format.ts";
import type { Lang, Localized } from "../../../util/text.ts";
import {
  Facts,
  Mark,
  num,
  type Obj,
  obj,
  objs,
  str,
  strs,
  Sub,
  Table,
  type Tone,
  V,
} from "./parts.tsx";
import type { EvidenceProps } from "./types.ts";

const T = {
  where: { ja: "設定の場所", en: "Set in" },
  connect: { ja: "プロキシへの接続", en: "Connection to the proxy" },
  browser: { ja: "ブラウザーが使う", en: "Used by browsers" },
  yes: { ja: "はい", en: "yes" },
  no: { ja: "いいえ", en: "no" },
  requests: { ja: "プロキシ経由の要求", en: "Requests through the proxy" },
  request: { ja: "要求", en: "Request" },
  target: { ja: "宛先", en: "Target" },
  answer: { ja: "プロキシの応答", en: "The proxy's answer" },
  time: { ja: "時間", en: "Time" },
  notChecked: { ja: "確かめていない設定", en: "Settings not checked" },
} as const;

const SOURCE: Record<string, Localized> = {
  env: { ja: "環境変数", en: "environment variables" },
  registry: { ja: "Windows のプロキシ設定", en: "Windows proxy settings" },
  winhttp: {
    ja: "Windows のシステム プロキシ (WinHTTP)",
    en: "the Windows system proxy (WinHTTP)",
  },
  scutil: { ja: "macOS のネットワーク設定", en: "macOS network settings" },
};

const VERDICT: Record<string, Localized & { tone: Tone }> = {
  ok: { ja: "機能しています", en: "works", tone: "ok" },
  dead: { ja: "応答しません", en: "does not answer", tone: "fail" },
  "no-answer": {
    ja: "接続は受け付けるが要求に答えません",
    en: "accepts connections, answers nothing",
    tone: "fail",
  },
  "refuses-connect": {
    ja: "HTTPS の接続 (CONNECT) を拒否",
    en: "refuses HTTPS tunnels (CONNECT)",
    tone: "fail",
  },
  "cannot-reach": { ja: "サイトにつながりません", en: "cannot reach the sites", tone: "fail" },
  "auth-required": { ja: "パスワードを求めています", en: "asks for a password", tone: "unknown" },
  partly: { ja: "一部の宛先だけ失敗", en: "fails for some targets", tone: "warn" },
};

const WHAT: Record<string, Localized> = {
  pac: { ja: "自動構成スクリプト (PAC)", en: "auto-config script (PAC)" },
  "auto-detect": { ja: "自動検出 (WPAD)", en: "auto-detection (WPAD)" },
  socks: { ja: "SOCKS プロキシ", en: "SOCKS proxy" },
  unsupported: { ja: "未対応の形式", en: "unsupported form" },
};

const words = (t: Record<string, Localized>, k: string | null, lang: Lang) =>
  (k && t[k]?.[lang]) ?? <V>{k ?? "–"}</V>;

/** `net.proxy.check`. */
export function ProxyCheckView(props: EvidenceProps) {
  const { lang } = props;
  const proxies = objs(props.result.data.proxies);
  const skipped = objs(props.result.data.notChecked);
  if (proxies.length === 0 && skipped.length === 0) return null;
  return (
    <>
      {proxies.map((p: Obj) => {
        const verdict = VERDICT[str(p.verdict) ?? ""];
        const reach = obj(p.reach);
        return (
          <>
            <Sub note={verdict ? <Mark tone={verdict.tone}>{verdict[lang]}</Mark> : null}>
              <V>{str(p.endpoint)}</V>
            </Sub>
            <Facts
              rows={[
                [
                  T.where[lang],
                  <>
                    {strs(p.sources).map((s) => words(SOURCE, s, lang)).map((x, i) =>
                      i ? <>, {x}</> : x
                    )}
                  </>,
                ],
                [T.browser[lang], p.usedByBrowser === true ? T.yes[lang] : T.no[lang]],
                [
                  T.connect[lang],
                  reach?.ok === true
                    ? <Mark tone="ok">{formatMs(num(reach.ms))}</Mark>
                    : (
                      <Mark tone="fail">
                        <V>{str(reach?.error) ?? "–"}</V>
                      </Mark>
                    ),
                ],
              ]}
            />
            {objs(p.tests).length
              ? (
                <Table
                  label={T.requests[lang]}
                  cols={[{ label: T.request[lang] }, { label: T.target[lang] }, {
                    label: T.answer[lang],
                  }, {
                    label: T.time[lang],
                    num: true,
                  }]}
                  rows={objs(p.tests).map((t) => [
                    <V>{str(t.via)}</V>,
                    <V>{str(t.target)}</V>,
                    <Mark tone={t.ok === true ? "ok" : "fail"}>
                      <V>
                        {num(t.status) !== null ? `HTTP ${num(t.status)}` : str(t.error) ?? "–"}
                      </V>
                    </Mark>,
                    formatMs(num(t.ms)),
                  ])}
                />
              )
              : null}
          </>
        );
      })}
      {skipped.length
        ? (
          <Facts
            rows={[[
              T.notChecked[lang],
              <ul class="plain">
                {skipped.map((s) => (
                  <li>
                    {words(WHAT, str(s.what), lang)} — <V>{str(s.value)}</V>{" "}
                    ({words(SOURCE, str(s.source), lang)})
                  </li>
                ))}
              </ul>,
            ]]}
          />
        )
        : null}
    </>
  );
}
