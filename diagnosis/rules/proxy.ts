/**
 * A proxy the device is set to use does not work (`net.proxy.check`): nothing answers at it,
 * it accepts connections and never answers, it refuses the tunnels browsers open for HTTPS
 * (`CONNECT`), or it cannot reach the sites itself. Everything set to use it fails while the
 * connection works — the kit's own requests, made directly, say whether it does. The fault
 * is the device's setting (segment `device`), wherever the proxy runs: a proxy on the same
 * machine (security software, a leftover developer tool) sits on the device; one on the home
 * network or out on the internet sits there, so a broken path to it explains it.
 *
 * A proxy browsers use is a `fail`; one only Windows services (WinHTTP) or command-line
 * tools (the environment, outside Linux) use is a `warn`. A proxy asking for a password the
 * kit does not have is a note.
 *
 * @module
 */
import type { ProxyCheckData } from "../../probes/builtin/net_proxy_check.ts";
import { ipScope } from "../../util/ip_scope.ts";
import type { Localized } from "../../util/text.ts";
import { advise } from "./advice.ts";
import { type Location, measured, type Rule, type RuleFinding } from "./rule.ts";

type Proxy = ProxyCheckData["proxies"][number];

const SOURCES: Record<string, Localized> = {
  env: {
    ja: "環境変数 (HTTP_PROXY / HTTPS_PROXY)",
    en: "environment variables (HTTP_PROXY/HTTPS_PROXY)",
  },
  registry: { ja: "Windows のプロキシ設定", en: "Windows proxy settings" },
  winhttp: {
    ja: "Windows のシステム プロキシ (WinHTTP)",
    en: "the Windows system proxy (WinHTTP)",
  },
  scutil: { ja: "macOS のネットワークのプロキシ設定", en: "macOS network proxy settings" },
};

const WHAT: Record<string, Localized> = {
  dead: { ja: "応答しません", en: "does not answer" },
  "no-answer": {
    ja: "接続は受け付けますが、要求に答えません",
    en: "accepts connections but answers no request",
  },
  "refuses-connect": {
    ja: "HTTPS の接続 (CONNECT) を拒否しています",
    en: "refuses secure (HTTPS) connections (CONNECT)",
  },
  "cannot-reach": {
    ja: "応答はしますが、サイトにつながりません (プロキシ自身の接続の問題)",
    en: "answers, but cannot reach the sites (its own connection is broken)",
  },
};

/** Turning a proxy setting off, per place it is set. */
const TURN_OFF: Record<string, Localized> = {
  registry: {
    ja: "Windows の「設定 > ネットワークとインターネット > プロキシ」で、",
    en: "In Windows Settings > Network & internet > Proxy,",
  },
  scutil: {
    ja: "macOS の「システム設定 > ネットワーク > (接続) > 詳細 > プロキシ」で、",
    en: "In macOS System Settings > Network > (your connection) > Details > Proxies,",
  },
  env: {
    ja: "環境変数 HTTP_PROXY / HTTPS_PROXY を削除するか正しい値にし、",
    en: "Remove the HTTP_PROXY/HTTPS_PROXY environment variables or correct them, and",
  },
  winhttp: {
    ja: "管理者がコマンド「netsh winhttp reset proxy」で WinHTTP のプロキシを外すか正し、",
    en:
      'An administrator can remove the WinHTTP proxy with "netsh winhttp reset proxy" or correct it;',
  },
};

const UNUSED: Localized = {
  ja:
    "使っていないプロキシなら設定を外してください。会社や学校が設定したものなら、その管理者にご連絡ください。",
  en:
    "turn the proxy off if you do not use it. If your company or school set it up, contact its administrator.",
};

/** A configured proxy that fails. */
export const proxyFailed: Rule = (input) => {
  const data = measured(input, "net.proxy.check");
  if (!data) return [];
  const directOk = (measured(input, "http.timing")?.targets ?? []).filter((t) => t.healthy);
  return data.proxies.flatMap((p): RuleFinding[] => {
    const what = WHAT[p.verdict];
    if (!what) return [];
    const where = p.sources.map((s) => SOURCES[s] ?? { ja: s, en: s });
    const failed = p.tests.filter((t) => !t.ok);
    const direct = directOk.length > 0;
    return [{
      id: "device.proxy-failed",
      segment: "device",
      severity: p.usedByBrowser ? "fail" : "warn",
      confidence: direct || p.verdict !== "dead" ? "high" : "medium",
      title: {
        ja: `設定されたプロキシ ${p.endpoint} が${what.ja}`,
        en: `The proxy ${p.endpoint} this device is set to use ${what.en}`,
      },
      detail: {
        ja: `${
          where.map((w) => w.ja).join("・")
        }で設定されたプロキシ ${p.endpoint} が${what.ja}。` +
          `このプロキシを使うアプリ${p.usedByBrowser ? "やブラウザー" : ""}はサイトを開けません。` +
          (direct
            ? `プロキシを通さない直接の確認では ${directOk.length} 件のサイトにつながったので、回線は動いています。`
            : ""),
        en: `The proxy ${p.endpoint}, set in ${
          where.map((w) => w.en).join(" and ")
        }, ${what.en}. ` +
          `${p.usedByBrowser ? "The browser and apps" : "Apps"} that use it cannot open sites.` +
          (direct
            ? ` Checked directly, without the proxy, ${directOk.length} sites answered: the connection itself works.`
            : ""),
      },
      advice: advise(
        ...p.sources.filter((s) => TURN_OFF[s]).map((s) => TURN_OFF[s]),
        UNUSED,
      ),
      technical: `net.proxy.check ${p.endpoint} (${p.sources.join(", ")}): ${p.verdict}; ` +
        (p.reach.ok
          ? `connect ${p.reach.ms} ms; ` +
            failed.map((t) => `${t.via} ${t.target} → ${t.status ?? t.error}`).join(", ")
          : `connect ${p.address ?? p.host}:${p.port} failed: ${p.reach.error}`) +
        `; direct requests healthy: ${directOk.length}`,
      evidence: [
        {
          probe: "net.proxy.check",
          values: {
            proxy: p.endpoint,
            verdict: p.verdict,
            failed: failed.map((t) => `${t.via} ${t.target}: ${t.status ?? t.error}`),
          },
        },
        ...(direct
          ? [{ probe: "http.timing" as const, values: { directHealthy: directOk.length } }]
          : []),
      ],
      at: placeOf(p),
    }];
  });
};

/** A proxy that asks for credentials: noted, as the kit sends none. */
export const proxyNeedsAuth: Rule = (input) => {
  const asking = (measured(input, "net.proxy.check")?.proxies ?? [])
    .filter((p) => p.verdict === "auth-required");
  return asking.map((p): RuleFinding => ({
    id: "device.proxy-auth",
    segment: "device",
    severity: "info",
    confidence: "high",
    title: {
      ja: `プロキシ ${p.endpoint} はパスワードを求めています`,
      en: `The proxy ${p.endpoint} asks for a password`,
    },
    detail: {
      ja:
        "プロキシは応答しました。このツールはパスワードを送らないため、その先は確かめていません。",
      en: "The proxy answers. The kit sends no password, so it did not check beyond that.",
    },
    advice: { ja: "対応は不要です。", en: "Nothing to do." },
    technical: `net.proxy.check ${p.endpoint}: 407 Proxy Authentication Required`,
    evidence: [{ probe: "net.proxy.check", values: { proxy: p.endpoint, verdict: p.verdict } }],
  }));
};

/** Where the proxy runs: this machine, the home network, the provider, or beyond. */
function placeOf(p: Proxy): Location {
  const a = p.address;
  if (!a) return "device";
  try {
    const scope = ipScope(a);
    if (scope === "loopback") return "device";
    if (scope === "private" || scope === "ula" || scope === "link") return "lan";
    if (scope === "cgnat") return "isp";
    return "internet";
  } catch {
    return "device";
  }
}
