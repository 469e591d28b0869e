/**
 * The web side of the fault-injection topology: HTTP on port 80 and HTTPS on 443 of the
 * given addresses, with the routes the kit's probes ask for, and the faults a service or a
 * network in front of it can show (an error status, slow answers, a captive-portal
 * redirect, a clock far off).
 *
 * Routes: `/generate_204` (204, the connectivity check), `/health` (204), `/` (a small
 * page), `/big` (96 KiB, so a path-MTU black hole shows), `/bytes?n=N` (N bytes, for
 * download speed), `POST /upload` (drains the body, for upload speed).
 *
 * @module
 */

/** How the server answers; `normal` unless a fault says otherwise. */
export type WebMode =
  | { mode: "normal" }
  | { mode: "status"; status: number }
  | { mode: "slow"; delayMs: number }
  | { mode: "redirect"; location: string }
  /** Answers normally, with a `Date` header this far from the real time. */
  | { mode: "clock"; offsetMs: number };

/** A running web server (all its listeners). */
export interface WebServer {
  setMode(mode: WebMode): void;
  close(): Promise<void>;
}

/** What to start. */
export interface WebOptions {
  addresses: readonly string[];
  http?: number;
  https?: number;
  cert: string;
  key: string;
}

const BIG = new Uint8Array(96 * 1024).fill(0x61);
const MAX_BYTES = 256 * 1024 * 1024;

/** Starts the listeners. Requires `--allow-net`. */
export function startWeb(opts: WebOptions): WebServer {
  let mode: WebMode = { mode: "normal" };
  const handler = async (req: Request): Promise<Response> => {
    const m = mode;
    if (m.mode === "slow") await new Promise((r) => setTimeout(r, m.delayMs));
    if (m.mode === "status") return new Response(`status ${m.status}\n`, { status: m.status });
    if (m.mode === "redirect") {
      return new Response(null, { status: 302, headers: { location: m.location } });
    }
    const res = await route(req);
    if (m.mode === "clock") {
      res.headers.set("date", new Date(Date.now() + m.offsetMs).toUTCString());
    }
    return res;
  };
  const servers: Deno.HttpServer[] = [];
  const quiet = { onListen() {}, onError: () => new Response("error", { status: 500 }) };
  for (const hostname of opts.addresses) {
    if (opts.http) servers.push(Deno.serve({ ...quiet, hostname, port: opts.http }, handler));
    if (opts.https) {
      servers.push(
        Deno.serve(
          { ...quiet, hostname, port: opts.https, cert: opts.cert, key: opts.key },
          handler,
        ),
      );
    }
  }
  return {
    setMode(m) {
      mode = m;
    },
    async close() {
      await Promise.all(servers.map((s) => s.shutdown()));
    },
  };
}

async function route(req: Request): Promise<Response> {
  const url = new URL(req.url);
  switch (url.pathname) {
    case "/generate_204":
    case "/health":
      return new Response(null, { status: 204 });
    case "/big":
      return new Response(BIG);
    case "/bytes": {
      const n = Math.min(Number(url.searchParams.get("n") ?? "0") || 0, MAX_BYTES);
      return new Response(zeros(n));
    }
    case "/upload": {
      let bytes = 0;
      for await (const chunk of req.body ?? []) bytes += chunk.length;
      return Response.json({ bytes });
    }
    default:
      return new Response("ok\n");
  }
}

/** A stream of `n` zero bytes, produced as it is read. */
function zeros(n: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024);
  let left = n;
  return new ReadableStream({
    pull(c) {
      if (left <= 0) return c.close();
      const size = Math.min(left, chunk.length);
      left -= size;
      c.enqueue(size === chunk.length ? chunk : chunk.subarray(0, size));
    },
  });
}

/** Accepts TCP connections on `port` of each address and closes them at once. */
export function startTcpSink(addresses: readonly string[], port: number): { close(): void } {
  const listeners = addresses.map((hostname) => Deno.listen({ hostname, port }));
  for (const l of listeners) {
    (async () => {
      for await (const c of l) c.close();
    })().catch(() => {});
  }
  return { close: () => listeners.forEach((l) => l.close()) };
}
