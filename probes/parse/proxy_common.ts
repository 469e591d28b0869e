/**
 * The one shape every proxy source is reported in (environment, Windows registry, macOS
 * `scutil --proxy`), with credentials taken out of proxy URLs.
 *
 * @module
 */

/** Proxy settings from one source. `host:port` strings; null when not set. */
export interface ProxySettings {
  source: "env" | "registry" | "winhttp" | "scutil";
  /** True when any proxy or PAC is switched on. */
  enabled: boolean;
  http: string | null;
  https: string | null;
  socks: string | null;
  /** Proxy auto-config URL. */
  pacUrl: string | null;
  /** WPAD auto-discovery. Null when the source cannot say. */
  autoDetect: boolean | null;
  /** Hosts that bypass the proxy. */
  bypass: string[];
}

/**
 * Removes a password (and user) from a proxy URL so it never reaches a report:
 * `http://u:p@proxy:8080` → `http://***@proxy:8080`.
 */
export function stripCredentials(value: string): string {
  return value.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)?[^@/\s]+@/i,
    (_m, scheme) => `${scheme ?? ""}***@`,
  );
}

/**
 * Reads a Windows proxy server list: `proxy:8080` (every protocol) or
 * `http=p:80;https=p:443;socks=s:1080`, as WinINet and WinHTTP store it. Credentials removed.
 *
 * @example
 * ```ts
 * proxyServerList("http=p:80;https=q:443").https; // "q:443"
 * ```
 */
export function proxyServerList(
  server: string,
): { http: string | null; https: string | null; socks: string | null } {
  if (!server) return { http: null, https: null, socks: null };
  if (!server.includes("=")) {
    const s = stripCredentials(server);
    return { http: s, https: s, socks: null };
  }
  const parts = new Map(
    server.split(";").map((p) => p.split("=", 2) as [string, string]).filter((p) => p.length === 2)
      .map(([k, v]) => [k.trim().toLowerCase(), stripCredentials(v.trim())]),
  );
  return {
    http: parts.get("http") ?? null,
    https: parts.get("https") ?? null,
    socks: parts.get("socks") ?? null,
  };
}

/**
 * Reads the proxy variables of an environment (upper- and lower-case, lower-case first as
 * curl does), credentials stripped.
 *
 * @example
 * ```ts
 * proxyFromEnv({ HTTPS_PROXY: "http://u:pw@p:3128" }).https; // "http://***@p:3128"
 * ```
 */
export function proxyFromEnv(env: Record<string, string | undefined>): ProxySettings {
  const get = (name: string) => {
    const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
    return v && v.trim() ? stripCredentials(v.trim()) : null;
  };
  const http = get("http_proxy");
  const https = get("https_proxy");
  const socks = get("all_proxy");
  const noProxy = get("no_proxy");
  return {
    source: "env",
    enabled: Boolean(http || https || socks),
    http,
    https,
    socks,
    pacUrl: null,
    autoDetect: null,
    bypass: noProxy ? noProxy.split(",").map((s) => s.trim()).filter(Boolean) : [],
  };
}
