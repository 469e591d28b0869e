/**
 * One load-generating connection: downloads or uploads chunks back to back, sized from its
 * own measured rate, with the next request pipelined so the connection never idles. Now
 * and then, when the direction allows a self probe, it skips the pipelining and fetches the
 * 1-byte `ping` on the same connection instead: HTTP/1.1 cannot multiplex it beside the
 * load, so this is the closest to the draft's `http_l` (a GET issued on a load-generating
 * connection while the other connections keep the bottleneck queue full).
 *
 * @module
 */
import { SpeedError, toSpeedError } from "./errors.ts";
import { Http1Conn, type ResponseHead } from "./http1.ts";
import { requestHead, type SpeedTarget } from "./target.ts";

/** Which way the bytes flow. */
export type Direction = "download" | "upload";

/**
 * The first chunk is small: the rate is unknown and the line may be slow. An upload is counted
 * only when the server confirms a chunk, so on a slow uplink every stream's first chunks must
 * complete within a few intervals: with 256 KiB first chunks (and 64 KiB at least) the streams
 * added by the ramp on a 1 Mbit/s uplink confirmed nothing within 10 s and the upload came out
 * at 0.22 of iperf3 (0.78 at 5 Mbit/s, labelled High). Chunks grow 4× per confirmation, so a
 * fast line reaches its size within a few round trips.
 */
export const FIRST_CHUNK = 16 * 1024;
/**
 * The smallest chunk. Each costs a request and a response head (~250 bytes) that are not
 * goodput: 4 KiB chunks lost ~4 % at 1 Mbit/s; at 16 KiB a 1 Mbit/s line shared by 10 streams
 * still confirms a chunk per stream every 1.3 s.
 */
export const MIN_CHUNK = 16 * 1024;
/** Upper bound of one request (the server allows 1 GiB). */
export const MAX_CHUNK = 256 * 1024 * 1024;
/**
 * Chunks aim at this much transfer time. Short chunks give self probes frequent chances and,
 * above all, fine-grained upload confirmations: with 250 ms chunks single 0.5 s intervals
 * swung ±15 % at 500 Mbit/s and the upload figure came out 2–3 % high; with 100 ms, ±4 % and
 * within 0.5 % of the link's goodput ceiling. Pipelining makes the extra requests free.
 */
const CHUNK_TARGET_MS = 100;

/**
 * How far ahead a stream keeps requests outstanding, in its own recent rate. Chunks are short
 * (100 ms) for fine-grained counting, but a stream with only two chunks outstanding cannot
 * fill a queue deeper than about 200 ms, so a deep buffer (bufferbloat) would not show. With
 * 600 ms outstanding the load fills a queue as TCP alone would.
 */
const OUTSTANDING_MS = 600;
/** At most this many requests outstanding on one connection. */
const MAX_OUTSTANDING = 16;
/**
 * At most this many bytes outstanding beyond two requests. Requests reserve the data budget
 * when they are sent, so 600 ms ahead on a multi-gigabit path would reserve the whole budget
 * at once (measured in the lab: the on-net server's directions ended by budget before their
 * first interval). 4 MiB still keeps 600 ms ahead per stream up to ~50 Mbit/s a stream; above
 * that two 100 ms chunks are more than this anyway.
 */
const MAX_OUTSTANDING_BYTES = 4 * 1024 * 1024;

/**
 * Whether a stream should put another request in flight: always up to two (pipelining), then
 * while the bytes outstanding are under {@link OUTSTANDING_MS} of its recent rate (and 4 MiB).
 */
export function wantsMore(outstandingBytes: number, count: number, bytesPerMs: number): boolean {
  if (count < 2) return true;
  const ahead = Math.min(bytesPerMs * OUTSTANDING_MS, MAX_OUTSTANDING_BYTES);
  return count < MAX_OUTSTANDING && outstandingBytes < ahead;
}

/** What a stream asks of, and reports to, its direction. */
export interface StreamHooks {
  /** Stops the stream (its connection is closed). */
  signal: AbortSignal;
  connectTimeoutMs: number;
  /** Largest single request. */
  maxChunk: number;
  /** Grants up to `want` bytes of the data budget; 0 ends the stream. */
  reserve(want: number): number;
  /** Bytes received (download) or handed to the socket (upload: progress only). */
  onBytes(n: number): void;
  /** An upload chunk the server confirmed, received over `[from, to]` (client clock). */
  onUploaded(n: number, from: number, to: number): void;
  /** True when a self probe may be sent now (the direction charges it to the probe budget). */
  wantSelfProbe(): boolean;
  onSelfProbe(ms: number): void;
}

/**
 * Runs one stream until stopped or out of budget.
 *
 * @throws {SpeedError} when the server misbehaves or the connection fails (never after stop)
 */
export async function runLoadStream(t: SpeedTarget, dir: Direction, h: StreamHooks): Promise<void> {
  if (h.signal.aborted) return;
  const conn = await Http1Conn.open(t, { timeoutMs: h.connectTimeoutMs, signal: h.signal });
  const onAbort = () => conn.close();
  h.signal.addEventListener("abort", onAbort, { once: true });
  try {
    await (dir === "download" ? download(conn, h) : upload(conn, h));
  } catch (e) {
    if (h.signal.aborted) return;
    throw toSpeedError(e, t.url);
  } finally {
    h.signal.removeEventListener("abort", onAbort);
    conn.close();
  }
}

/** Sizes the next chunk from a rate (bytes per ms), growing at most 4× at a time. */
export function nextChunk(prev: number, bytesPerMs: number, max = MAX_CHUNK): number {
  const want = Math.min(bytesPerMs * CHUNK_TARGET_MS, prev * 4);
  return Math.round(Math.min(max, Math.max(MIN_CHUNK, want)));
}

/**
 * A stream's recent rate over at least half a second of chunk completions. One chunk's own
 * duration is not enough: two answers can arrive back to back (a server draining its
 * receive buffer, a client catching up after a pause), which made chunks grow 4× again and
 * again until one took seconds.
 */
export class RecentRate {
  #marks: { t: number; bytes: number }[] = [];
  #total = 0;

  /** @param t0 when the stream started moving bytes */
  constructor(t0: number) {
    this.#marks.push({ t: t0, bytes: 0 });
  }

  /** Records `n` more bytes done at time `t`; returns the rate in bytes per ms. */
  add(n: number, t: number): number {
    this.#total += n;
    this.#marks.push({ t, bytes: this.#total });
    // Keep the newest mark that is at least 500 ms old as the start of the window.
    while (this.#marks.length > 2 && t - this.#marks[1].t >= 500) this.#marks.shift();
    const first = this.#marks[0];
    return (this.#total - first.bytes) / Math.max(t - first.t, 1);
  }

  /** Restarts the window after an idle gap (a self probe) so the gap is not counted. */
  restart(t: number): void {
    this.#marks = [{ t, bytes: this.#total }];
  }
}

async function download(conn: Http1Conn, h: StreamHooks): Promise<void> {
  const t = conn.target;
  const pending: number[] = [];
  let outstanding = 0;
  let size = FIRST_CHUNK;
  const send = async () => {
    const n = h.reserve(size);
    if (n <= 0) return false;
    await conn.write(requestHead(t, "down", n));
    pending.push(n);
    outstanding += n;
    return true;
  };
  if (!await send()) return;
  const rate = new RecentRate(performance.now());
  let perMs = 0;
  // A self probe needs an idle connection: once one is due, no more requests go out until
  // those in flight are read.
  let probeDue = false;
  while (pending.length > 0) {
    const n = pending[0];
    checkDownload(await conn.readHead(), n, t.url);
    probeDue ||= h.wantSelfProbe();
    while (!probeDue && wantsMore(outstanding, pending.length, perMs)) {
      if (!await send()) break;
    }
    await conn.readBody(n, h.onBytes);
    pending.shift();
    outstanding -= n;
    perMs = rate.add(n, performance.now());
    size = nextChunk(size, perMs, h.maxChunk);
    if (probeDue && pending.length === 0) {
      h.onSelfProbe(await ping(conn));
      rate.restart(performance.now());
      probeDue = false;
      if (!await send()) break;
    }
  }
}

async function upload(conn: Http1Conn, h: StreamHooks): Promise<void> {
  const t = conn.target;
  const pending: { n: number; start: number }[] = [];
  let outstanding = 0;
  let size = FIRST_CHUNK;
  const send = async () => {
    const n = h.reserve(size);
    if (n <= 0) return false;
    const start = performance.now();
    await conn.write(requestHead(t, "up", n));
    await conn.writeBody(n, h.onBytes);
    pending.push({ n, start });
    outstanding += n;
    return true;
  };
  if (!await send()) return;
  // Bodies follow each other on the wire, so the server received chunk k between the
  // confirmations of k−1 and k (shifted by half a round trip, which cancels out).
  let confirmed = pending[0].start;
  const rate = new RecentRate(confirmed);
  let perMs = 0;
  let probeDue = false;
  while (pending.length > 0) {
    probeDue ||= h.wantSelfProbe();
    // Pipelined: the next bodies are written while the answers to earlier ones travel. At
    // most two per answer, so that answers are read (and timed) soon after they arrive.
    for (let k = 0; k < 2 && !probeDue && wantsMore(outstanding, pending.length, perMs); k++) {
      if (!await send()) break;
    }
    const { n, start } = pending.shift()!;
    const head = await conn.readHead();
    const body = await conn.readSmallBody(head);
    checkUpload(head, body, n, t.url);
    outstanding -= n;
    const now = performance.now();
    const from = Math.max(confirmed, start);
    h.onUploaded(n, from, now);
    // Sized from what the server confirmed: the send buffer makes writes look fast.
    perMs = rate.add(n, now);
    size = nextChunk(size, perMs, h.maxChunk);
    confirmed = now;
    if (probeDue && pending.length === 0) {
      h.onSelfProbe(await ping(conn));
      rate.restart(performance.now());
      probeDue = false;
      if (!await send()) break;
    }
  }
}

/** Times a 1-byte GET on an idle connection, ms. */
export async function ping(conn: Http1Conn): Promise<number> {
  const t0 = performance.now();
  await conn.write(requestHead(conn.target, "ping"));
  const head = await conn.readHead();
  checkKiriwake(head, conn.target.url, "ping");
  await conn.readSmallBody(head);
  return performance.now() - t0;
}

/** @throws {SpeedError} unless `head` is a kiriwake 200 answer */
export function checkKiriwake(head: ResponseHead, url: string, what: string): void {
  if (!head.headers.has("x-kiriwake-speed")) {
    throw new SpeedError(
      "not-kiriwake",
      `${url}: ${what} answered ${head.status} without x-kiriwake-speed`,
    );
  }
  if (head.status !== 200) {
    throw new SpeedError("status", `${url}: ${what} answered ${head.status}`);
  }
}

function checkDownload(head: ResponseHead, n: number, url: string): void {
  checkKiriwake(head, url, "download");
  if (head.contentLength !== n) {
    throw new SpeedError(
      "wrong-length",
      `${url}: asked for ${n} bytes, the answer declares ${head.contentLength ?? "no length"}`,
    );
  }
}

function checkUpload(head: ResponseHead, body: Uint8Array, n: number, url: string): void {
  checkKiriwake(head, url, "upload");
  let got: unknown;
  try {
    got = JSON.parse(new TextDecoder().decode(body)).bytes;
  } catch {
    throw new SpeedError("malformed", `${url}: upload answer is not JSON`);
  }
  if (got !== n) {
    throw new SpeedError("wrong-length", `${url}: sent ${n} bytes, the server counted ${got}`);
  }
}
