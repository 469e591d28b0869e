/**
 * The speed test server: the Hono endpoints the throughput probe measures against, so a
 * provider can host one inside its own network (`kiriwake speedtest-server`).
 *
 * Under `/speed/v1/`:
 * - `GET info` — `{"service":"kiriwake-speed","version":1,"maxBytes":…,"thread":…}`: proves
 *   this is a kiriwake server before anything is measured (`thread` says which of the
 *   server's listeners answered);
 * - `GET down?bytes=N` — N incompressible bytes with a Content-Length;
 * - `POST up` — a sink: reads a Content-Length body with a BYOB reader, answers
 *   `{"bytes":N,"ms":T}`;
 * - `GET ping` — one byte, for latency probes.
 *
 * Every answer carries `x-kiriwake-speed: 1` and `cache-control: no-store`.
 *
 * @module
 */
import { Hono } from "hono";
import { PAYLOAD } from "./http1.ts";

/** The service name `info` answers with. */
export const SERVICE = "kiriwake-speed";
/** Protocol version of the endpoints. */
export const PROTOCOL_VERSION = 1;

/** Options of {@link createSpeedApp}. */
export interface SpeedAppOptions {
  /** Largest download or upload of one request, bytes. Default 1 GiB. */
  maxBytes?: number;
  /** Which listener of a multi-threaded server this is, from 1 (`info` tells). Default 1. */
  thread?: number;
}

/** Defaults of {@link SpeedAppOptions}. */
export const speedAppDefaults = { maxBytes: 1 << 30, thread: 1 } satisfies Required<
  SpeedAppOptions
>;

const COMMON = { "x-kiriwake-speed": String(PROTOCOL_VERSION), "cache-control": "no-store" };
const ONE = new Uint8Array([0x2e]);

/**
 * Builds the Hono app.
 *
 * @throws {RangeError} for a `maxBytes` that is not a positive safe integer
 */
export function createSpeedApp(options: SpeedAppOptions = {}): Hono {
  const { maxBytes, thread } = { ...speedAppDefaults, ...options };
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new RangeError(
      `Cannot create speed server: maxBytes must be a positive integer: ${maxBytes}`,
    );
  }
  const app = new Hono().basePath("/speed/v1");
  app.use(async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(COMMON)) c.res.headers.set(k, v);
  });
  app.get(
    "/info",
    (c) => c.json({ service: SERVICE, version: PROTOCOL_VERSION, maxBytes, thread }),
  );
  app.get(
    "/ping",
    () => new Response(ONE, { headers: { "content-type": "application/octet-stream" } }),
  );
  app.get("/down", (c) => {
    const raw = c.req.query("bytes") ?? "";
    const n = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= 0 && n <= maxBytes)) {
      return c.json({ error: `bytes must be an integer from 0 to ${maxBytes}: "${raw}"` }, 400);
    }
    return new Response(payloadStream(n), {
      headers: { "content-length": String(n), "content-type": "application/octet-stream" },
    });
  });
  app.post("/up", async (c) => {
    const declared = c.req.header("content-length");
    if (declared === undefined || !/^\d+$/.test(declared)) {
      return c.json({ error: "an upload needs a Content-Length" }, 411);
    }
    if (Number(declared) > maxBytes) {
      return c.json({ error: `uploads are limited to ${maxBytes} bytes` }, 413);
    }
    const t0 = performance.now();
    const body = c.req.raw.body;
    let bytes = 0;
    try {
      bytes = body ? await drain(body) : 0;
    } catch {
      // The client stopped mid-body (the end of a timed test): nothing to answer to.
      return c.json({ error: "upload cut short" }, 400);
    }
    return c.json({ bytes, ms: Math.round((performance.now() - t0) * 10) / 10 });
  });
  app.notFound((c) => c.json({ error: "not found" }, 404));
  return app;
}

/**
 * A stream of `n` bytes from the shared payload. The same immutable buffer is enqueued again
 * and again (a default stream does not detach it), so serving costs no allocation per chunk.
 */
export function payloadStream(n: number): ReadableStream<Uint8Array> {
  let left = n;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (left <= 0) return c.close();
      const k = Math.min(left, PAYLOAD.length);
      c.enqueue(k === PAYLOAD.length ? PAYLOAD : PAYLOAD.subarray(0, k));
      left -= k;
    },
  }, { highWaterMark: 2 }); // two chunks ready: the socket never waits for a pull (+5–20 % on loopback)
}

/** Counts and discards a body with a BYOB reader (one 1 MiB buffer, reused). */
export async function drain(body: ReadableStream<Uint8Array>): Promise<number> {
  let total = 0;
  let reader: ReadableStreamBYOBReader | ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = body.getReader({ mode: "byob" });
  } catch {
    // Not a byte stream (e.g. in-memory tests): count chunks as they come.
    reader = body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) total += r.value.length;
    return total;
  }
  let buf = new Uint8Array(PAYLOAD.length);
  for (;;) {
    const r = await reader.read(buf);
    if (r.done) break;
    total += r.value.byteLength;
    buf = new Uint8Array(r.value.buffer);
  }
  return total;
}

/** Options of {@link serveSpeed}. */
export interface ServeSpeedOptions extends SpeedAppOptions {
  hostname: string;
  port: number;
  /** PEM certificate chain and key: both or neither. */
  cert?: string;
  key?: string;
  signal?: AbortSignal;
  /** Sets `SO_REUSEPORT`, so that several isolates can share the port (Linux balances). */
  reusePort?: boolean;
}

/** A running server. */
export interface RunningSpeedServer {
  /** The base URL clients use (the endpoints are under `speed/v1/`). */
  url: string;
  port: number;
  /** Resolves when the server has shut down. */
  finished: Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Serves the app. Requires `--allow-net`.
 *
 * @throws {TypeError} when only one of cert and key is given
 */
export function serveSpeed(opts: ServeSpeedOptions): RunningSpeedServer {
  if (!opts.cert !== !opts.key) {
    throw new TypeError("Cannot serve TLS: give both a certificate and a key");
  }
  const app = createSpeedApp(opts);
  const tls = opts.cert && opts.key ? { cert: opts.cert, key: opts.key } : {};
  const server = Deno.serve({
    hostname: opts.hostname,
    port: opts.port,
    signal: opts.signal,
    reusePort: opts.reusePort ?? false,
    onListen() {},
    ...tls,
  }, app.fetch);
  const addr = server.addr as Deno.NetAddr;
  const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
  return {
    url: `${opts.cert ? "https" : "http"}://${host}:${addr.port}/`,
    port: addr.port,
    finished: server.finished,
    shutdown: () => server.shutdown(),
  };
}
