// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * The device's network: `net.interfaces` and `net.gateway` as tables (name, state, MTU, MAC,
 * addresses by family and scope; default routes), `net.proxy` as the proxy settings found.
 *
 * @module
 */
import type { Localized } from "../../../util/text.ts";
import {
  bool,
  Facts,
  family,
  loc,
  Mark,
  num,
  type Obj,
  objs,
  Say,
  str,
  strs,
  Table,
  V,
} from "./parts.tsx";
import type { EvidenceProps } from "./types.ts";

const T = {
  name: { ja: "名前", en: "Name" },
  state: { ja: "状態", en: "State" },
  up: { ja: "有効", en: "up" },
  down: { ja: "無効", en: "down" },
  mac: { ja: "MAC アドレス", en: "MAC address" },
  addresses: { ja: "アドレス", en: "Addresses" },
  ifaces: { ja: "ネットワーク インターフェイス", en: "Network interfaces" },
  family: { ja: "種類", en: "Family" },
  gateway: { ja: "ゲートウェイ (ルーター)", en: "Gateway (router)" },
  iface: { ja: "インターフェイス", en: "Interface" },
  metric: { ja: "優先度 (メトリック)", en: "Metric" },
  routes: { ja: "デフォルト ルート", en: "Default routes" },
  onLink: {
    ja: "ゲートウェイなしのデフォルト ルート (PPP やトンネル)",
    en: "Default routes without a gateway (PPP, tunnels)",
  },
  noRoute: {
    ja: "デフォルト ルートがありません: この端末はインターネットへの出口を知りません。",
    en: "No default route: this device does not know the way out to the internet.",
  },
  source: { ja: "読み取り元", en: "Read from" },
  mtuSource: { ja: "MTU の読み取り元", en: "MTU read from" },
  proxy: { ja: "プロキシ", en: "Proxy" },
  enabled: { ja: "使用中", en: "in use" },
  disabled: { ja: "使用していません", en: "not in use" },
  pac: { ja: "自動構成スクリプト (PAC)", en: "Auto-config script (PAC)" },
  autoDetect: { ja: "自動検出", en: "Auto-detect" },
  bypass: { ja: "プロキシを使わない宛先", en: "Bypassed for" },
  proxies: { ja: "プロキシ設定", en: "Proxy settings" },
} as const;

const SCOPE: Record<string, Localized> = {
  loopback: { ja: "ループバック", en: "loopback" },
  link: { ja: "リンクローカル", en: "link-local" },
  private: { ja: "プライベート", en: "private" },
  cgnat: { ja: "CGNAT (共有)", en: "CGNAT (shared)" },
  ula: { ja: "ユニークローカル", en: "unique local" },
  global: { ja: "グローバル", en: "global" },
  unspecified: { ja: "未指定", en: "unspecified" },
};

const SOURCE: Record<string, Localized> = {
  env: { ja: "環境変数", en: "environment variables" },
  registry: { ja: "Windows のレジストリ", en: "the Windows registry" },
  winhttp: {
    ja: "Windows のシステム プロキシ (WinHTTP)",
    en: "the Windows system proxy (WinHTTP)",
  },
  scutil: { ja: "macOS のネットワーク設定", en: "macOS network settings" },
};

/** `net.interfaces`: one row per interface. */
export function InterfacesView(props: EvidenceProps) {
  const { lang } = props;
  const list = objs(props.result.data.interfaces);
  if (list.length === 0) return null;
  return (
    <>
      <Table
        label={T.ifaces[lang]}
        cols={[{ label: T.name[lang] }, { label: T.state[lang] }, { label: "MTU", num: true }, {
          label: T.mac[lang],
        }, { label: T.addresses[lang] }]}
        rows={list.map((i) => [
          <V>{str(i.name)}</V>,
          bool(i.up) === null
            ? "–"
            : <Mark tone={i.up ? "ok" : "unknown"}>{i.up ? T.up[lang] : T.down[lang]}</Mark>,
          num(i.mtu) !== null ? String(num(i.mtu)) : "–",
          i.mac ? <V>{str(i.mac)}</V> : "–",
          <ul class="plain addr-rows">
            {objs(i.addresses).map((a) => (
              <li>
                <V>{str(a.cidr) ?? str(a.address)}</V>{" "}
                <span class="muted small">
                  {family(a.family)} · {SCOPE[str(a.scope) ?? ""]?.[lang] ?? <V>{str(a.scope)}</V>}
                </span>
              </li>
            ))}
          </ul>,
        ])}
      />
      {props.result.data.mtuSource
        ? (
          <p class="muted small">
            {T.mtuSource[lang]}: <code translate="no">{str(props.result.data.mtuSource)}</code>
          </p>
        )
        : null}
    </>
  );
}

/** `net.gateway`: the default routes. */
export function GatewayView(props: EvidenceProps) {
  const { lang } = props;
  const d = props.result.data;
  const routes = objs(d.routes);
  const onLink = objs(d.onLink);
  if (!Array.isArray(d.routes)) return null;
  return (
    <>
      {routes.length === 0 && onLink.length === 0 ? <Say tone="fail">{T.noRoute[lang]}</Say> : null}
      {routes.length
        ? (
          <Table
            label={T.routes[lang]}
            cols={[
              { label: T.family[lang] },
              { label: T.gateway[lang] },
              { label: T.iface[lang] },
              { label: T.metric[lang], num: true },
            ]}
            rows={routes.map((
              r,
            ) => [
              family(r.family),
              <V>{str(r.gateway)}</V>,
              r.interface ? <V>{str(r.interface)}</V> : "–",
              num(r.metric) !== null ? String(num(r.metric)) : "–",
            ])}
          />
        )
        : null}
      {onLink.length
        ? (
          <Facts
            rows={[[
              T.onLink[lang],
              <span class="addr-list">
                {onLink.map((o) => (
                  <span>
                    {family(o.family)} <V>{str(o.interface)}</V>
                  </span>
                ))}
              </span>,
            ]]}
          />
        )
        : null}
      <Facts
        rows={[[T.source[lang], d.source ? <code translate="no">{str(d.source)}</code> : null]]}
      />
    </>
  );
}

/** `net.proxy`: each place proxy settings were read from. */
export function ProxyView(props: EvidenceProps) {
  const { lang } = props;
  const d = props.result.data;
  const sources = objs(d.sources);
  if (!Array.isArray(d.sources)) return null;
  const notes = objs(d.notes).map((n) => loc(n, lang)).filter((x): x is string => !!x);
  return (
    <>
      {sources.map((s: Obj) => (
        <Facts
          rows={[
            [T.source[lang], SOURCE[str(s.source) ?? ""]?.[lang] ?? <V>{str(s.source)}</V>],
            [
              T.proxy[lang],
              <Mark tone={s.enabled ? "warn" : "ok"}>
                {s.enabled ? T.enabled[lang] : T.disabled[lang]}
              </Mark>,
            ],
            ["HTTP", s.http ? <V>{str(s.http)}</V> : null],
            ["HTTPS", s.https ? <V>{str(s.https)}</V> : null],
            ["SOCKS", s.socks ? <V>{str(s.socks)}</V> : null],
            [T.pac[lang], s.pacUrl ? <V>{str(s.pacUrl)}</V> : null],
            [T.autoDetect[lang], s.autoDetect === true ? "✓" : null],
            [
              T.bypass[lang],
              strs(s.bypass).length
                ? <span class="addr-list">{strs(s.bypass).map((b) => <V>{b}</V>)}</span>
                : null,
            ],
          ]}
        />
      ))}
      {notes.map((n) => <p class="muted small">{n}</p>)}
    </>
  );
}
