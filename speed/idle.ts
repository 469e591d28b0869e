/**
 * The idle phase: proves the server is a kiriwake speed server (`info`), then samples the
 * round trip of 1-byte GETs on one warm connection before any load. Its median is the idle
 * latency that loaded latency is compared with; jitter as Cloudflare computes it.
 *
 * @module
 */
import { SpeedError } from "./errors.ts";
import { Http1Conn } from "./http1.ts";
import { ping } from "./load.ts";
import type { IdleResult } from "./schema.ts";
import { PROTOCOL_VERSION, SERVICE } from "./server.ts";
import { jitter, median, round } from "./stats.ts";
import { requestHead, type SpeedTarget } from "./target.ts";

/** Latency samples taken when there is time (Cloudflare's test takes 20). */
export const IDLE_SAMPLES = 20;

/** Options of {@link idlePhase}. */
export interface IdleOptions {
  /** Sampling stops after this long (the connect and `info` come first). */
  maxMs: number;
  connectTimeoutMs: number;
  signal?: AbortSignal;
}

/** The idle result and the largest request the server allows. */
export interface IdleOutcome {
  idle: IdleResult;
  serverMaxBytes: number;
}

/**
 * Checks the server and measures idle latency.
 *
 * @throws {SpeedError} `not-kiriwake` when `info` does not answer as a kiriwake server, or
 *   the connection's error
 */
export async function idlePhase(t: SpeedTarget, o: IdleOptions): Promise<IdleOutcome> {
  const conn = await Http1Conn.open(t, { timeoutMs: o.connectTimeoutMs, signal: o.signal });
  // A server that accepts but never answers (a dead line, a stalled server) must not hold
  // the phase open: give `info` and the pings one connect timeout beyond their time.
  const limit = AbortSignal.timeout(o.connectTimeoutMs + o.maxMs);
  const signal = o.signal ? AbortSignal.any([o.signal, limit]) : limit;
  const onAbort = () => conn.close();
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    return await measure(conn, o);
  } catch (e) {
    if (limit.aborted && !o.signal?.aborted) {
      throw new SpeedError(
        "timeout",
        `${t.url}: no answer within ${o.connectTimeoutMs + o.maxMs} ms`,
      );
    }
    throw e;
  } finally {
    signal.removeEventListener("abort", onAbort);
    conn.close();
  }
}

async function measure(conn: Http1Conn, o: IdleOptions): Promise<IdleOutcome> {
  {
    const serverMaxBytes = await checkInfo(conn);
    const samples: number[] = [];
    const t0 = performance.now();
    const gap = o.maxMs / IDLE_SAMPLES / 2;
    while (samples.length < IDLE_SAMPLES && performance.now() - t0 < o.maxMs) {
      samples.push(await ping(conn));
      await new Promise((r) => setTimeout(r, gap));
    }
    return {
      idle: {
        latencyMs: round(median(samples), 2),
        jitterMs: round(jitter(samples), 2),
        minMs: round(samples.length ? Math.min(...samples) : null, 2),
        samples: samples.length,
        connectMs: round(conn.tcpMs, 2),
        tlsMs: round(conn.tlsMs, 2),
      },
      serverMaxBytes,
    };
  }
}

async function checkInfo(conn: Http1Conn): Promise<number> {
  const url = conn.target.url;
  await conn.write(requestHead(conn.target, "info"));
  let status = 0;
  let type = "";
  let info: { service?: unknown; version?: unknown; maxBytes?: unknown } | null = null;
  try {
    const head = await conn.readHead();
    status = head.status;
    type = head.headers.get("content-type") ?? "";
    info = JSON.parse(new TextDecoder().decode(await conn.readSmallBody(head)));
  } catch (e) {
    if (e instanceof SpeedError && e.kind !== "malformed") throw e;
  }
  if (status !== 200 || info?.service !== SERVICE) {
    const what = status
      ? `answered ${status}${type ? ` (${type.split(";")[0]})` : ""}`
      : "did not answer HTTP";
    throw new SpeedError(
      "not-kiriwake",
      `${url} is not a kiriwake speed test server: speed/v1/info ${what}`,
    );
  }
  if (info.version !== PROTOCOL_VERSION) {
    throw new SpeedError(
      "not-kiriwake",
      `${url} speaks speed protocol ${info.version}, this kit ${PROTOCOL_VERSION}`,
    );
  }
  return typeof info.maxBytes === "number" && info.maxBytes > 0 ? info.maxBytes : 1 << 30;
}
