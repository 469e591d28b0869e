/**
 * A foreign probe of the responsiveness draft: a fresh connection (timing the TCP and TLS
 * handshakes) carrying one 1-byte GET, separate from the load-generating connections.
 *
 * @module
 */
import { Http1Conn } from "./http1.ts";
import { ping } from "./load.ts";
import type { SpeedTarget } from "./target.ts";

/** One foreign probe, ms. */
export interface ForeignSample {
  /** `tcp_f`: TCP handshake. */
  tcpMs: number;
  /**
   * `tls_f`: TLS handshake per round trip. Deno does not expose the negotiated TLS version,
   * so the handshake is taken as TLS 1.3's single round trip (rustls prefers 1.3).
   */
  tlsMs: number | null;
  /** `http_f`: the GET on the new connection. */
  httpMs: number;
}

/**
 * Runs one foreign probe; closes its connection when `signal` aborts.
 *
 * @throws {SpeedError} when the connection or the request fails
 */
export async function foreignProbe(
  t: SpeedTarget,
  opts: { timeoutMs: number; signal: AbortSignal },
): Promise<ForeignSample> {
  const conn = await Http1Conn.open(t, opts);
  const onAbort = () => conn.close();
  opts.signal.addEventListener("abort", onAbort, { once: true });
  try {
    const httpMs = await ping(conn);
    return { tcpMs: conn.tcpMs, tlsMs: conn.tlsMs, httpMs };
  } finally {
    opts.signal.removeEventListener("abort", onAbort);
    conn.close();
  }
}
