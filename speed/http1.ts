/**
 * A minimal HTTP/1.1 client over `Deno.connect`/`Deno.startTls`, built for speed: body
 * bytes are counted in place in one 1 MiB buffer (never copied or decoded), uploads are
 * written from a shared buffer with a Content-Length, and pipelined responses are parsed
 * from whatever the socket returns. `fetch` cannot keep up with a 10 Gbit/s line (measured
 * at about half of iperf3 on loopback) and always sends streamed uploads chunked.
 *
 * Requires `--allow-net`.
 *
 * @module
 */
import { SpeedError, toSpeedError } from "./errors.ts";
import type { SpeedTarget } from "./target.ts";

/** Size of the read buffer: large reads keep the per-byte cost near the kernel's copy. */
export const READ_SIZE = 1 << 20;
const MAX_HEAD = 16 * 1024;

/** Pseudo-random, incompressible bytes that every upload body is cut from. */
export const PAYLOAD: Uint8Array = (() => {
  const b = new Uint8Array(READ_SIZE);
  for (let i = 0; i < b.length; i += 65536) crypto.getRandomValues(b.subarray(i, i + 65536));
  return b;
})();

/** A parsed response head. */
export interface ResponseHead {
  status: number;
  /** Header names lowercased. */
  headers: Map<string, string>;
  contentLength: number | null;
  chunked: boolean;
}

/** Options of {@link Http1Conn.open}. */
export interface OpenOptions {
  /** Connect plus TLS handshake give up after this long. */
  timeoutMs: number;
  signal?: AbortSignal;
}

const latin1 = new TextDecoder("latin1");

/** One keep-alive HTTP/1.1 connection to a speed test server. */
export class Http1Conn {
  /** TCP handshake time, ms. */
  readonly tcpMs: number;
  /** TLS handshake time, ms (null without TLS). */
  readonly tlsMs: number | null;
  readonly target: SpeedTarget;
  #conn: Deno.Conn | Deno.TlsConn;
  #buf = new Uint8Array(READ_SIZE);
  #start = 0;
  #end = 0;
  #closed = false;

  private constructor(
    t: SpeedTarget,
    conn: Deno.Conn | Deno.TlsConn,
    tcp: number,
    tls: number | null,
  ) {
    this.target = t;
    this.#conn = conn;
    this.tcpMs = tcp;
    this.tlsMs = tls;
  }

  /**
   * Connects (and shakes hands over TLS), timing each step.
   *
   * @throws {SpeedError} `unreachable`, `refused`, `timeout`, `tls` or `aborted`
   */
  static async open(t: SpeedTarget, opts: OpenOptions): Promise<Http1Conn> {
    const deadline = performance.now() + opts.timeoutMs;
    const t0 = performance.now();
    const raw = await bounded(
      Deno.connect({ hostname: t.hostname, port: t.port, transport: "tcp" }),
      deadline,
      opts.signal,
      (c) => c.close(),
      `${t.url}: connect`,
    );
    const tcpMs = performance.now() - t0;
    try {
      raw.setNoDelay(true);
    } catch { /* not every platform allows it; only small requests suffer */ }
    if (!t.tls) return new Http1Conn(t, raw, tcpMs, null);
    const t1 = performance.now();
    let tlsConn: Deno.TlsConn | undefined;
    try {
      tlsConn = await Deno.startTls(raw, {
        hostname: t.hostname,
        caCerts: t.caCerts,
        alpnProtocols: ["http/1.1"],
      });
      const tc = tlsConn;
      await bounded(tc.handshake(), deadline, opts.signal, () => {}, `${t.url}: TLS handshake`);
    } catch (e) {
      try {
        (tlsConn ?? raw).close();
      } catch { /* already closed */ }
      const err = toSpeedError(e, `${t.url}: TLS handshake`);
      throw err.kind === "reset" ? new SpeedError("tls", err.message, { cause: e }) : err;
    }
    return new Http1Conn(t, tlsConn, tcpMs, performance.now() - t1);
  }

  /** Writes all of `bytes`. @throws {SpeedError} */
  async write(bytes: Uint8Array): Promise<void> {
    let off = 0;
    try {
      while (off < bytes.length) off += await this.#conn.write(bytes.subarray(off));
    } catch (e) {
      throw toSpeedError(e, `${this.target.url}: write`);
    }
  }

  /** Writes `n` body bytes cut from {@link PAYLOAD}, reporting each write. @throws {SpeedError} */
  async writeBody(n: number, onBytes?: (n: number) => void): Promise<void> {
    let left = n;
    try {
      while (left > 0) {
        const w = await this.#conn.write(PAYLOAD.subarray(0, Math.min(left, PAYLOAD.length)));
        left -= w;
        onBytes?.(w);
      }
    } catch (e) {
      throw toSpeedError(e, `${this.target.url}: upload`);
    }
  }

  /**
   * Reads and parses the next response head.
   *
   * @throws {SpeedError} `closed` at end of stream, `malformed` for something not HTTP/1.x
   */
  async readHead(): Promise<ResponseHead> {
    for (;;) {
      const at = findHeadEnd(this.#buf, this.#start, this.#end);
      if (at >= 0) {
        const head = parseHead(latin1.decode(this.#buf.subarray(this.#start, at)), this.target.url);
        this.#start = at + 4;
        return head;
      }
      if (this.#end - this.#start > MAX_HEAD) {
        throw new SpeedError(
          "malformed",
          `${this.target.url}: response head over ${MAX_HEAD} bytes`,
        );
      }
      if (await this.#fill() === 0) {
        throw new SpeedError(
          "closed",
          `${this.target.url}: connection closed before a response (${
            this.#end - this.#start
          } bytes)`,
        );
      }
    }
  }

  /**
   * Consumes exactly `n` body bytes without copying, reporting each read.
   *
   * @throws {SpeedError} `wrong-length` when the body ends early
   */
  async readBody(n: number, onBytes?: (n: number) => void): Promise<void> {
    let left = n;
    const have = this.#end - this.#start;
    if (have > 0 && left > 0) {
      const k = Math.min(have, left);
      this.#start += k;
      left -= k;
      onBytes?.(k);
    }
    if (this.#start === this.#end) this.#start = this.#end = 0;
    while (left > 0) {
      const r = await this.#read(this.#buf);
      if (r === null) {
        throw new SpeedError(
          "wrong-length",
          `${this.target.url}: body ended after ${n - left} of ${n} bytes`,
        );
      }
      if (r > left) {
        // The rest belongs to the next (pipelined) response.
        this.#start = left;
        this.#end = r;
        onBytes?.(left);
        left = 0;
      } else {
        left -= r;
        onBytes?.(r);
      }
    }
  }

  /**
   * Reads a small body (JSON, a ping byte) whole: by Content-Length, chunked, or to the end.
   *
   * @throws {SpeedError} `malformed` when it exceeds `limit`
   */
  async readSmallBody(head: ResponseHead, limit = 64 * 1024): Promise<Uint8Array> {
    if (head.contentLength !== null) {
      if (head.contentLength > limit) {
        throw new SpeedError(
          "malformed",
          `${this.target.url}: body of ${head.contentLength} bytes`,
        );
      }
      return await this.#readExact(head.contentLength);
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    const add = (b: Uint8Array) => {
      size += b.length;
      if (size > limit) {
        throw new SpeedError("malformed", `${this.target.url}: body over ${limit} bytes`);
      }
      parts.push(b);
    };
    if (head.chunked) {
      for (;;) {
        const line = await this.#readLine();
        const len = parseInt(line, 16);
        if (!Number.isFinite(len)) {
          throw new SpeedError("malformed", `${this.target.url}: bad chunk "${line}"`);
        }
        if (len === 0) {
          while ((await this.#readLine()) !== "");
          break;
        }
        add(await this.#readExact(len));
        await this.#readLine();
      }
    } else {
      if (this.#end > this.#start) add(this.#buf.slice(this.#start, this.#end));
      this.#start = this.#end = 0;
      let r;
      while ((r = await this.#read(this.#buf)) !== null) add(this.#buf.slice(0, r));
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) out.set(p, at), at += p.length;
    return out;
  }

  /** Closes the connection; pending reads and writes fail with `aborted`. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#conn.close();
    } catch { /* already gone */ }
  }

  async #read(into: Uint8Array): Promise<number | null> {
    try {
      return await this.#conn.read(into);
    } catch (e) {
      throw toSpeedError(e, `${this.target.url}: read`);
    }
  }

  /** Reads more after the buffered bytes; returns how many arrived (0 at end of stream). */
  async #fill(): Promise<number> {
    if (this.#start > 0) {
      this.#buf.copyWithin(0, this.#start, this.#end);
      this.#end -= this.#start;
      this.#start = 0;
    }
    const r = await this.#read(this.#buf.subarray(this.#end));
    if (r === null) return 0;
    this.#end += r;
    return r;
  }

  async #readExact(n: number): Promise<Uint8Array> {
    while (this.#end - this.#start < n) {
      if (await this.#fill() === 0) {
        throw new SpeedError(
          "wrong-length",
          `${this.target.url}: body ended after ${this.#end - this.#start} of ${n} bytes`,
        );
      }
    }
    const out = this.#buf.slice(this.#start, this.#start + n);
    this.#start += n;
    return out;
  }

  async #readLine(): Promise<string> {
    for (;;) {
      for (let i = this.#start; i + 1 < this.#end; i++) {
        if (this.#buf[i] === 13 && this.#buf[i + 1] === 10) {
          const line = latin1.decode(this.#buf.subarray(this.#start, i));
          this.#start = i + 2;
          return line;
        }
      }
      if (this.#end - this.#start > MAX_HEAD) {
        throw new SpeedError("malformed", `${this.target.url}: line over ${MAX_HEAD} bytes`);
      }
      if (await this.#fill() === 0) {
        throw new SpeedError("closed", `${this.target.url}: closed mid-body`);
      }
    }
  }
}

/** Index of the `\r\n\r\n` that ends a head within `[start, end)`, or −1. */
export function findHeadEnd(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i + 3 < end) {
    const cr = buf.indexOf(13, i);
    if (cr < 0 || cr + 3 >= end) return -1;
    if (buf[cr + 1] === 10 && buf[cr + 2] === 13 && buf[cr + 3] === 10) return cr;
    i = cr + 1;
  }
  return -1;
}

/**
 * Parses a response head (status line and headers, without the final blank line).
 *
 * @throws {SpeedError} `malformed` when it is not an HTTP/1.x response
 */
export function parseHead(text: string, where: string): ResponseHead {
  const lines = text.split("\r\n");
  const m = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(lines[0]);
  if (!m) {
    throw new SpeedError(
      "malformed",
      `${where}: not an HTTP/1.1 response: "${lines[0].slice(0, 60)}"`,
    );
  }
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) {
      throw new SpeedError("malformed", `${where}: bad header line "${line.slice(0, 60)}"`);
    }
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const cl = headers.get("content-length");
  const contentLength = cl !== undefined && /^\d+$/.test(cl) ? Number(cl) : null;
  if (cl !== undefined && contentLength === null) {
    throw new SpeedError("malformed", `${where}: bad Content-Length "${cl}"`);
  }
  const chunked = /chunked/i.test(headers.get("transfer-encoding") ?? "");
  return { status: Number(m[1]), headers, contentLength, chunked };
}

/**
 * Awaits `p` until `deadline` (a `performance.now()` time) or `signal`; a late result is
 * handed to `dispose` so no socket leaks.
 */
export async function bounded<T>(
  p: Promise<T>,
  deadline: number,
  signal: AbortSignal | undefined,
  dispose: (v: T) => void,
  where: string,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SpeedError("timeout", `${where}: no answer in time`)),
      Math.max(0, deadline - performance.now()),
    );
    onAbort = () => reject(new SpeedError("aborted", `${where}: aborted`));
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([p, stop]);
  } catch (e) {
    p.then(dispose, () => {});
    throw toSpeedError(e, where);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}
