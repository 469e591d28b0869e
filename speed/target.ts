/**
 * A speed test server as the client addresses it: where to connect, whether to speak TLS,
 * and the paths of the four endpoints under `<url>/speed/v1/`.
 *
 * @module
 */

/** The endpoints a kiriwake speed test server offers. */
export type Endpoint = "info" | "down" | "up" | "ping";

/** The path prefix of the endpoints, below the server's base URL. */
export const API_PREFIX = "speed/v1/";

/** Where and how to reach one server. */
export interface SpeedTarget {
  /** The URL as configured. */
  url: string;
  /** Host name or IP literal to connect to (IPv6 without brackets). */
  hostname: string;
  port: number;
  tls: boolean;
  /** The `Host` header value. */
  hostHeader: string;
  /** Path prefix ending with `/`. */
  base: string;
  /** Extra trusted CA certificates (PEM). */
  caCerts?: string[];
}

/**
 * Parses a server base URL.
 *
 * @throws {TypeError} for a URL that is not http(s), or that has a query or fragment
 */
export function speedTarget(url: string, caCerts?: string[]): SpeedTarget {
  const u = new URL(url);
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    throw new TypeError(`Speed test server "${url}" must be an http or https URL`);
  }
  if (u.search || u.hash) {
    throw new TypeError(`Speed test server "${url}" must not have a query or fragment`);
  }
  const tls = u.protocol === "https:";
  const hostname = u.hostname.replace(/^\[(.*)\]$/, "$1");
  return {
    url,
    hostname,
    port: u.port ? Number(u.port) : tls ? 443 : 80,
    tls,
    hostHeader: u.host,
    base: u.pathname.endsWith("/") ? u.pathname : `${u.pathname}/`,
    ...(caCerts?.length ? { caCerts } : {}),
  };
}

/** The request path of `endpoint`, with the byte count for `down`. */
export function endpointPath(t: SpeedTarget, endpoint: Endpoint, bytes?: number): string {
  const path = `${t.base}${API_PREFIX}${endpoint}`;
  return endpoint === "down" ? `${path}?bytes=${bytes ?? 0}` : path;
}

const enc = new TextEncoder();

/** The bytes of a request head for `endpoint` (POST with Content-Length for `up`). */
export function requestHead(t: SpeedTarget, endpoint: Endpoint, bytes = 0): Uint8Array {
  const path = endpointPath(t, endpoint, bytes);
  const method = endpoint === "up" ? "POST" : "GET";
  const length = endpoint === "up"
    ? `Content-Length: ${bytes}\r\nContent-Type: application/octet-stream\r\n`
    : "";
  return enc.encode(
    `${method} ${path} HTTP/1.1\r\nHost: ${t.hostHeader}\r\nUser-Agent: kiriwake-speed\r\n` +
      `Accept: */*\r\n${length}\r\n`,
  );
}
