/**
 * One HTTP(S) request straight to the server, never through a proxy. `fetch` in Deno follows
 * `HTTP_PROXY`/`HTTPS_PROXY` (and no option turns that off for one client), so a probe that
 * used it would measure the proxy when one is set in the environment, and the web directly
 * otherwise. The kit measures the network directly everywhere and checks proxies on their
 * own (`net.proxy.check`); `node:http` does not read those variables.
 *
 * @module
 */
import http from "node:http";
import https from "node:https";

/** Options of {@link directFetch}. */
export interface DirectFetchOptions {
  method?: "GET" | "HEAD";
  signal?: AbortSignal;
  /** Stop reading the body after this many bytes (default 1 MiB). */
  maxBodyBytes?: number;
}

/** Statuses whose response has no body by definition (the `Response` constructor insists). */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * Requests `url` directly, without following redirects, and returns the answer as a
 * `Response` (its body read, up to the limit). Requires `--allow-net`.
 *
 * @throws {Error} when the request fails (refused, reset, timed out through `signal`)
 * @example
 * ```ts ignore
 * const res = await directFetch("http://example.com/generate_204", { signal });
 * res.status; // 204, even with HTTP_PROXY set to a proxy that is down
 * ```
 */
export function directFetch(url: string, opts: DirectFetchOptions = {}): Promise<Response> {
  const target = new URL(url);
  const mod = target.protocol === "https:" ? https : http;
  const max = opts.maxBodyBytes ?? 1 << 20;
  return new Promise((resolve, reject) => {
    const req = mod.request(target, {
      method: opts.method ?? "GET",
      signal: opts.signal,
      // A fresh connection each time: a pooled keep-alive socket would be reused by any later
      // request to the same host and port — whatever family or address that one meant.
      agent: false,
      headers: { "user-agent": "kiriwake", accept: "*/*" },
    }, (res) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      const done = () => {
        const status = res.statusCode ?? 0;
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : String(v));
        }
        const body = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          body.set(c.subarray(0, size - at), at);
          at += Math.min(c.length, size - at);
        }
        const empty = NO_BODY.has(status) || opts.method === "HEAD";
        resolve(new Response(empty ? null : body, { status, headers }));
      };
      res.on("data", (c: Uint8Array) => {
        if (size >= max) return;
        chunks.push(c);
        size = Math.min(max, size + c.length);
        if (size >= max) {
          res.destroy();
          done();
        }
      });
      res.on("end", done);
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}
