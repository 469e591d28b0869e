/**
 * Test helpers: a real speed server on a random loopback port, and raw TCP servers that
 * misbehave on purpose (stall, reset, lie about lengths, speak something else), and a
 * measured direction to grade and summarize.
 *
 * @module
 */
import type { DirectionResult } from "./schema.ts";
import { serveSpeed, type SpeedAppOptions } from "./server.ts";

/** A server for a test; `close` stops it and waits for its connections to end. */
export interface TestServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the real speed server on 127.0.0.1, port 0. */
export function startSpeedServer(
  opts: SpeedAppOptions & { cert?: string; key?: string } = {},
): TestServer {
  const ac = new AbortController();
  const s = serveSpeed({ hostname: "127.0.0.1", port: 0, signal: ac.signal, ...opts });
  return {
    url: s.url,
    port: s.port,
    close: async () => {
      ac.abort();
      await s.finished;
    },
  };
}

/**
 * Starts a TCP server on 127.0.0.1, port 0, handing each connection to `handle` (closed
 * after it returns or throws). `close` stops accepting and closes open connections.
 */
export function rawServer(handle: (conn: Deno.Conn) => Promise<void>): TestServer {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const open = new Set<Deno.Conn>();
  const tasks = new Set<Promise<void>>();
  const loop = (async () => {
    for await (const conn of listener) {
      open.add(conn);
      const t = handle(conn).catch(() => {}).finally(() => {
        open.delete(conn);
        try {
          conn.close();
        } catch { /* closed by the handler */ }
      });
      tasks.add(t);
      t.finally(() => tasks.delete(t));
    }
  })().catch(() => {});
  const port = (listener.addr as Deno.NetAddr).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: async () => {
      listener.close();
      for (const c of open) {
        try {
          c.close();
        } catch { /* gone */ }
      }
      await loop;
      await Promise.allSettled([...tasks]);
    },
  };
}

/** Reads one request head (up to the blank line) from `conn`; null at end of stream. */
export async function readRequestHead(conn: Deno.Conn): Promise<string | null> {
  const buf = new Uint8Array(8192);
  let text = "";
  while (!text.includes("\r\n\r\n")) {
    const n = await conn.read(buf);
    if (n === null) return null;
    text += new TextDecoder().decode(buf.subarray(0, n));
  }
  return text;
}

/** Writes a string to `conn`. */
export async function writeText(conn: Deno.Conn, text: string): Promise<void> {
  const b = new TextEncoder().encode(text);
  let off = 0;
  while (off < b.length) off += await conn.write(b.subarray(off));
}

/** Resolves when `signal` aborts: lets a misbehaving handler hang until the test ends. */
export function until(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

/**
 * A stable, high-confidence direction of `mbps` over `intervals` half-second intervals (12
 * unless told), whose latency under load is `loadedMs` from 40 samples unless told.
 */
export function directionResult(
  direction: "download" | "upload",
  mbps: number,
  loadedMs: number,
  samples = 40,
  intervals = 12,
): DirectionResult {
  return {
    direction,
    stopReason: "stable",
    error: null,
    durationMs: 6000,
    bytes: 1e8,
    mbps,
    streams: 6,
    intervals: Array.from({ length: intervals }, (_, i) => ({
      endMs: (i + 1) * 500,
      mbps,
      streams: 6,
    })),
    capacity: { stable: true, confidence: "High" },
    responsiveness: {
      rpm: Math.round(60000 / loadedMs),
      confidence: "High",
      foreignRpm: null,
      loadedRpm: null,
      tcpMs: null,
      tlsMs: null,
      httpMs: null,
      selfMs: null,
      foreignSamples: samples,
      selfSamples: samples,
    },
    loadedLatency: { medianMs: loadedMs, jitterMs: 1, samples },
    probes: { bytes: 1e5, share: 0.001, foreignFailures: 0 },
  };
}
