/**
 * The web view's HTTP server: HTTP/1.1 on loopback with a cap on connections, so that any
 * local program opening connections by the thousand cannot take it down. `Deno.serve`
 * accepts every connection it is offered; at the process's open-file limit (1024 on Linux,
 * 256 on macOS) accepting fails and the server stops for good, taking a running check's page
 * with it.
 *
 * This server holds at most {@link MAX_CONNECTIONS}. A connection must deliver a whole request
 * within {@link REQUEST_TIMEOUT_MS} of being accepted; at the cap a new connection pushes out
 * the oldest one still waiting for its request (an idle flood only ever pushes out itself,
 * while the browser's connections, which send their request at once, are served); when every
 * slot is busy answering, the newcomer is closed. A failure to accept (the open-file limit
 * reached by the check itself) is waited out instead of ending the server. Every response is
 * the last on its connection (`Connection: close`), which keeps the protocol small: no
 * keep-alive, no pipelining, no chunked request bodies.
 *
 * @module
 */

/** The most connections held at once. */
export const MAX_CONNECTIONS = 128;
/** How long a connection has to deliver its whole request (head and body), in ms. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** The largest request head (request line and headers), in bytes. */
export const MAX_HEAD_BYTES = 16 * 1024;
/** The largest request body, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Options of {@link serveCapped}. */
export interface CappedServerOptions {
  hostname: string;
  /** 0: a port the OS picks. */
  port: number;
  handler(req: Request): Response | Promise<Response>;
  maxConnections?: number;
  requestTimeoutMs?: number;
}

/** A running server. */
export interface CappedServer {
  addr: Deno.NetAddr;
  /** Stops accepting, ends open responses (their requests' signals abort), closes everything. */
  shutdown(): Promise<void>;
  /** Resolves once the server has stopped. Never rejects. */
  finished: Promise<void>;
  /** Counts so far: connections accepted, pushed out or refused at the cap, accept failures. */
  stats(): {
    open: number;
    accepted: number;
    evicted: number;
    refused: number;
    acceptErrors: number;
  };
}

interface Slot {
  conn: Deno.Conn;
  /** True once a whole request arrived: the connection is being answered. */
  busy: boolean;
  /** Aborts the request's signal (client gone, or shutdown). */
  abort: AbortController;
  closed: boolean;
}

/**
 * Starts serving. Requires `--allow-net` for the address.
 *
 * @example
 * ```ts ignore
 * const s = serveCapped({ hostname: "127.0.0.1", port: 0, handler: () => new Response("hi") });
 * await (await fetch(`http://127.0.0.1:${s.addr.port}/`)).text(); // "hi"
 * await s.shutdown();
 * ```
 */
export function serveCapped(opts: CappedServerOptions): CappedServer {
  const max = opts.maxConnections ?? MAX_CONNECTIONS;
  const timeoutMs = opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const listener = Deno.listen({ hostname: opts.hostname, port: opts.port, transport: "tcp" });
  const addr = listener.addr as Deno.NetAddr;
  const slots = new Set<Slot>(); // insertion order: oldest first
  const counts = { accepted: 0, evicted: 0, refused: 0, acceptErrors: 0 };
  let closing = false;
  const drop = (s: Slot) => {
    if (s.closed) return;
    s.closed = true;
    slots.delete(s);
    s.abort.abort();
    try {
      s.conn.close();
    } catch { /* already closed */ }
  };
  const evictIdle = () => {
    for (const s of slots) {
      if (!s.busy) {
        counts.evicted++;
        drop(s);
        return true;
      }
    }
    return false;
  };

  const finished = (async () => {
    while (!closing) {
      let conn: Deno.Conn;
      try {
        conn = await listener.accept();
      } catch (e) {
        if (closing || e instanceof Deno.errors.BadResource) break;
        // Out of file descriptors (or a passing error): make room, wait, go on serving.
        counts.acceptErrors++;
        evictIdle();
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      if (slots.size >= max && !evictIdle()) {
        counts.refused++;
        try {
          conn.close();
        } catch { /* gone */ }
        continue;
      }
      counts.accepted++;
      const slot: Slot = { conn, busy: false, abort: new AbortController(), closed: false };
      slots.add(slot);
      serveOne(slot, addr, opts.handler, timeoutMs).finally(() => drop(slot));
    }
  })();

  return {
    addr,
    finished: finished.catch(() => {}),
    stats: () => ({ open: slots.size, ...counts }),
    async shutdown() {
      if (!closing) {
        closing = true;
        try {
          listener.close();
        } catch { /* closed */ }
      }
      for (const s of [...slots]) if (!s.busy) drop(s);
      // Busy ones (a live progress stream) end when their request's signal aborts.
      for (const s of slots) s.abort.abort();
      const deadline = Date.now() + 2000;
      while (slots.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const s of [...slots]) drop(s);
      await finished;
    },
  };
}

/** Reads one request from the slot's connection, answers it and returns. */
async function serveOne(
  slot: Slot,
  addr: Deno.NetAddr,
  handler: CappedServerOptions["handler"],
  timeoutMs: number,
): Promise<void> {
  const timer = setTimeout(() => slot.abort.abort(), timeoutMs);
  let parsed: ParsedRequest;
  try {
    parsed = await readRequest(slot.conn, slot.abort.signal);
  } catch (e) {
    clearTimeout(timer);
    if (e instanceof HttpError && !slot.abort.signal.aborted) {
      await writeAll(slot.conn, statusOnly(e.status, e.message)).catch(() => {});
    }
    return;
  } finally {
    clearTimeout(timer);
  }
  slot.busy = true;
  // A client that goes away ends the request's signal (a progress stream stops at once).
  watchForClose(slot);
  const url = `http://${addr.hostname}:${addr.port}${parsed.target}`;
  let res: Response;
  try {
    res = await handler(
      new Request(url, {
        method: parsed.method,
        headers: parsed.headers,
        body: parsed.body,
        signal: slot.abort.signal,
      }),
    );
  } catch {
    res = new Response("Internal error", { status: 500 });
  }
  await writeResponse(slot, res, parsed.method === "HEAD");
}

/** A request as read off the wire. */
interface ParsedRequest {
  method: string;
  target: string;
  headers: Headers;
  body: Uint8Array<ArrayBuffer> | null;
}

/** A request this server answers with an error status and closes. */
class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const TARGET = /^\/[\x21-\x7e]*$/;

/** Reads and checks one request's head and body. */
async function readRequest(conn: Deno.Conn, signal: AbortSignal): Promise<ParsedRequest> {
  let buf: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  let end = -1;
  while (end < 0) {
    const chunk = await readSome(conn, signal);
    if (!chunk) throw new Error("closed before a request arrived");
    buf = concat(buf, chunk);
    end = indexOfHeadEnd(buf);
    if (end < 0 && buf.length > MAX_HEAD_BYTES) {
      throw new HttpError(431, "Request header fields too large");
    }
  }
  if (end > MAX_HEAD_BYTES) throw new HttpError(431, "Request header fields too large");
  const head = new TextDecoder("latin1").decode(buf.subarray(0, end));
  const [requestLine, ...lines] = head.split("\r\n");
  const m = /^([^ ]+) ([^ ]+) HTTP\/1\.[01]$/.exec(requestLine);
  if (!m || !TOKEN.test(m[1]) || !TARGET.test(m[2])) throw new HttpError(400, "Bad request");
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = colon > 0 ? line.slice(0, colon) : "";
    if (!TOKEN.test(name)) throw new HttpError(400, "Bad header");
    try {
      headers.append(name, line.slice(colon + 1).trim());
    } catch {
      throw new HttpError(400, "Bad header");
    }
  }
  if (headers.has("transfer-encoding")) throw new HttpError(501, "Chunked bodies not supported");
  const lengthText = headers.get("content-length");
  let body: Uint8Array<ArrayBuffer> | null = null;
  if (lengthText !== null) {
    if (!/^\d{1,10}$/.test(lengthText)) throw new HttpError(400, "Bad content-length");
    const length = Number(lengthText);
    if (length > MAX_BODY_BYTES) throw new HttpError(413, "Request body too large");
    if (headers.get("expect")?.toLowerCase() === "100-continue") {
      await writeAll(conn, new TextEncoder().encode("HTTP/1.1 100 Continue\r\n\r\n"));
    }
    let rest: Uint8Array<ArrayBuffer> = buf.subarray(end + 4);
    while (rest.length < length) {
      const chunk = await readSome(conn, signal);
      if (!chunk) throw new Error("closed before the body arrived");
      rest = concat(rest, chunk);
    }
    body = rest.slice(0, length);
  }
  const method = m[1];
  return {
    method,
    target: m[2],
    headers,
    body: method === "GET" || method === "HEAD" ? null : body,
  };
}

/** Reads what is there, or null at the end (or when `signal` aborts: the slot is being closed). */
async function readSome(conn: Deno.Conn, signal: AbortSignal): Promise<Uint8Array | null> {
  if (signal.aborted) return null;
  const buf = new Uint8Array(8192);
  const onAbort = () => {
    try {
      conn.close();
    } catch { /* closed */ }
  };
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    const n = await conn.read(buf);
    return n === null ? null : buf.subarray(0, n);
  } catch {
    return null;
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/** Aborts the slot's request when the client closes its side or sends anything more. */
function watchForClose(slot: Slot): void {
  (async () => {
    const buf = new Uint8Array(1024);
    try {
      // Anything after the request is ignored (no pipelining); the end means the client left.
      while ((await slot.conn.read(buf)) !== null) { /* discard */ }
    } catch { /* closed */ }
    slot.abort.abort();
  })();
}

async function writeResponse(slot: Slot, res: Response, head: boolean): Promise<void> {
  const lines = [`HTTP/1.1 ${res.status} ${res.statusText || reason(res.status)}`];
  for (const [k, v] of res.headers) {
    if (k === "set-cookie" || k === "connection" || k === "transfer-encoding") continue;
    lines.push(`${k}: ${v}`);
  }
  for (const c of res.headers.getSetCookie()) lines.push(`set-cookie: ${c}`);
  if (!res.body && !res.headers.has("content-length")) lines.push("content-length: 0");
  lines.push("connection: close", "", "");
  try {
    await writeAll(slot.conn, new TextEncoder().encode(lines.join("\r\n")));
    if (!res.body || head) return;
    const reader = res.body.getReader();
    try {
      for (;;) {
        const r = await Promise.race([reader.read(), aborted(slot.abort.signal)]);
        if (!r || r.done) break;
        await writeAll(slot.conn, r.value);
      }
    } finally {
      reader.cancel().catch(() => {});
    }
  } catch { /* the client went away */ }
}

function aborted(signal: AbortSignal): Promise<null> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(null);
    else signal.addEventListener("abort", () => resolve(null), { once: true });
  });
}

async function writeAll(conn: Deno.Conn, bytes: Uint8Array): Promise<void> {
  let at = 0;
  while (at < bytes.length) at += await conn.write(bytes.subarray(at));
}

function statusOnly(status: number, text: string): Uint8Array {
  return new TextEncoder().encode(
    `HTTP/1.1 ${status} ${text}\r\ncontent-type: text/plain\r\ncontent-length: ${text.length}\r\nconnection: close\r\n\r\n${text}`,
  );
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function indexOfHeadEnd(buf: Uint8Array): number {
  for (let i = 3; i < buf.length; i++) {
    if (buf[i] === 10 && buf[i - 1] === 13 && buf[i - 2] === 10 && buf[i - 3] === 13) return i - 3;
  }
  return -1;
}

function reason(status: number): string {
  const known: Record<number, string> = {
    200: "OK",
    303: "See Other",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    421: "Misdirected Request",
    422: "Unprocessable Content",
    500: "Internal Server Error",
    503: "Service Unavailable",
  };
  return known[status] ?? "Status";
}
