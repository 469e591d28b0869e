/**
 * Parses `netsh winhttp show proxy`: the machine-wide proxy of WinHTTP, which Windows
 * Update, licence activation and many services and apps use (browsers follow the per-user
 * WinINet settings instead, `reg_proxy.ts`). Its labels are translated: the parser reads the
 * layout — a heading naming WinHTTP, then either one sentence (direct access) or two
 * `label : value` lines (the proxy server list, then the bypass list) — so English, Japanese
 * and other languages read alike.
 *
 * ```
 * Current WinHTTP proxy settings:            現在の WinHTTP プロキシ設定:
 *
 *     Proxy Server(s) :  proxy:8080              プロキシ サーバー:  proxy:8080
 *     Bypass List     :  (none)                  バイパス一覧     : (なし)
 * ```
 *
 * @module
 */
import { ParseError } from "./parse_error.ts";
import { proxyServerList, type ProxySettings } from "./proxy_common.ts";

/**
 * Parses the output into the common proxy shape (`source: "winhttp"`).
 *
 * @throws {ParseError} when the text has no WinHTTP heading, or a value line before it
 * @example
 * ```ts
 * import { parseNetshWinhttp } from "./netsh_winhttp.ts";
 * const text = "Current WinHTTP proxy settings:\n\n    Proxy Server(s) :  p:8080\n    Bypass List     :  <local>\n";
 * parseNetshWinhttp(text).https; // "p:8080"
 * ```
 */
export function parseNetshWinhttp(text: string): ProxySettings {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const head = lines.findIndex((l) => /WinHTTP/i.test(l) && /[:：]$/.test(l));
  if (head < 0) throw new ParseError("netsh-winhttp", ["WinHTTP proxy settings heading"]);
  // "Proxy Server(s) :  value": a label, a colon (half- or full-width), the value.
  const values = lines.slice(head + 1)
    .map((l) => /^([^:：]+?)\s*[:：]\s*(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[2].trim());
  const none = (v: string | undefined) => !v || /^\(.*\)$/.test(v);
  const server = none(values[0]) ? "" : values[0];
  const perProto = proxyServerList(server);
  return {
    source: "winhttp",
    enabled: server !== "",
    http: perProto.http,
    https: perProto.https,
    socks: perProto.socks,
    pacUrl: null,
    autoDetect: null,
    bypass: none(values[1]) ? [] : values[1].split(/[;,]/).map((s) => s.trim()).filter(Boolean),
  };
}
