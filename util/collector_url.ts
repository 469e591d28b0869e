/**
 * Which addresses a report may be sent to: `https://` anywhere, plain `http://` only to this
 * computer (loopback), so a report never crosses a network unencrypted. No user name or
 * password in the URL, no query or fragment: the URL is the base the API paths go under.
 *
 * @example
 * ```ts
 * import { collectorUrlProblem, apiUrl } from "./collector_url.ts";
 * collectorUrlProblem("https://support.example.jp/kiriwake"); // null
 * collectorUrlProblem("http://192.0.2.1:8470"); // "plain http:// is allowed only to this computer (loopback)"
 * apiUrl("https://support.example.jp/kiriwake/", "v1/reports"); // "https://support.example.jp/kiriwake/v1/reports"
 * ```
 *
 * @module
 */
import { ipFamily, ipScope, stripIp } from "./ip_scope.ts";

/** True when `host` (a URL's hostname) names this computer. */
export function isLoopbackHost(host: string): boolean {
  const h = stripIp(host.toLowerCase());
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  return ipFamily(h) !== 0 && ipScope(h) === "loopback";
}

/** Why `text` cannot be a collector URL, in English; null when it can. */
export function collectorUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return `must be https:// (not ${url.protocol})`;
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    return "plain http:// is allowed only to this computer (loopback)";
  }
  if (url.username || url.password) return "must not carry a user name or password";
  if (url.search || url.hash || text.includes("?") || text.includes("#")) {
    return "must not have a query or fragment";
  }
  return null;
}

/**
 * The URL of API path `path` (e.g. `v1/reports`) under the collector base URL `base`.
 *
 * @throws {TypeError} when `base` is not a URL
 */
export function apiUrl(base: string, path: string): string {
  const u = new URL(base);
  if (!u.pathname.endsWith("/")) u.pathname += "/";
  return new URL(path.replace(/^\/+/, ""), u).href;
}

/** The origin (`scheme://host:port`) of a URL, for comparing destinations. */
export function originOf(url: string): string {
  return new URL(url).origin;
}
