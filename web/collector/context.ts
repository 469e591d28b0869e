/**
 * What the collector's Hono app gets with each request: the client's address from the
 * connection (Deno.serve), and how to read it behind a load balancer.
 *
 * @module
 */
import type { Context } from "hono";

/** The app's environment: bindings passed to `app.fetch(req, env)`. */
export interface CollectorEnv {
  Bindings: {
    /** The peer address of the connection. */
    remoteAddr?: string;
  };
}

/**
 * The client's address: the connection's peer, or — when the collector is told it runs
 * behind a proxy — the last hop the proxy appended to `X-Forwarded-For` (earlier hops are
 * the client's own claims).
 */
export function clientAddress(c: Context<CollectorEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map((h) => h.trim())
      .filter(Boolean);
    if (hops.length) return hops[hops.length - 1];
  }
  return c.env?.remoteAddr ?? "unknown";
}
