/**
 * A fake speed server for tests of bad input: it answers `info` and `ping` like the real
 * one (or not), and hands `down` and `up` requests to behaviours that misbehave on purpose.
 *
 * @module
 */
import net from "node:net";
import { rawServer, type TestServer, writeText } from "./testing.ts";

/** A parsed request as the fake sees it. */
export interface FakeRequest {
  method: string;
  path: string;
  /** `bytes` of a download, Content-Length of an upload. */
  bytes: number;
}

/** How the fake answers; each handler owns the connection while it runs. */
export interface FakeBehaviour {
  /** Answers `info`; default: a kiriwake server. */
  info?: (conn: Deno.Conn, req: FakeRequest) => Promise<void>;
  /** Answers `down`; default: the bytes asked for. */
  down?: (conn: Deno.Conn, req: FakeRequest) => Promise<void>;
  /** Answers `up` after the head was read (the body is still unread); default: counts it. */
  up?: (conn: Deno.Conn, req: FakeRequest, rest: Uint8Array) => Promise<void>;
}

const K = "x-kiriwake-speed: 1\r\n";

/** Writes a complete kiriwake answer. */
export async function answer(
  conn: Deno.Conn,
  status: number,
  body: string,
  extra = K,
): Promise<void> {
  const b = new TextEncoder().encode(body);
  await writeText(conn, `HTTP/1.1 ${status} X\r\n${extra}Content-Length: ${b.length}\r\n\r\n`);
  let off = 0;
  while (off < b.length) off += await conn.write(b.subarray(off));
}

/** Writes `n` zero bytes. */
export async function writeZeros(conn: Deno.Conn, n: number): Promise<void> {
  const chunk = new Uint8Array(64 * 1024);
  while (n > 0) n -= await conn.write(chunk.subarray(0, Math.min(n, chunk.length)));
}

/** Starts the fake on 127.0.0.1, port 0. */
export function fakeSpeedServer(b: FakeBehaviour = {}): TestServer {
  return rawServer(async (conn) => {
    let buffered: Uint8Array<ArrayBuffer> = new Uint8Array(0);
    const buf = new Uint8Array(64 * 1024);
    for (;;) {
      let end = indexOfHeadEnd(buffered);
      while (end < 0) {
        const n = await conn.read(buf);
        if (n === null) return;
        buffered = concat(buffered, buf.subarray(0, n));
        end = indexOfHeadEnd(buffered);
      }
      const head = new TextDecoder().decode(buffered.subarray(0, end));
      buffered = buffered.slice(end + 4);
      const [method, target] = head.split(" ");
      const url = new URL(target, "http://x");
      const cl = /content-length: *(\d+)/i.exec(head);
      const req: FakeRequest = {
        method,
        path: url.pathname,
        bytes: url.pathname.endsWith("/down")
          ? Number(url.searchParams.get("bytes"))
          : Number(cl?.[1] ?? 0),
      };
      if (req.path.endsWith("/info")) {
        await (b.info ??
          ((c) =>
            answer(c, 200, '{"service":"kiriwake-speed","version":1,"maxBytes":1073741824}')))(
            conn,
            req,
          );
      } else if (req.path.endsWith("/ping")) {
        await answer(conn, 200, ".");
      } else if (req.path.endsWith("/down")) {
        await (b.down ?? (async (c, r) => {
          await writeText(c, `HTTP/1.1 200 OK\r\n${K}Content-Length: ${r.bytes}\r\n\r\n`);
          await writeZeros(c, r.bytes);
        }))(conn, req);
      } else if (req.path.endsWith("/up")) {
        if (b.up) return await b.up(conn, req, buffered);
        let left = req.bytes - buffered.length;
        buffered = new Uint8Array(0);
        while (left > 0) {
          const n = await conn.read(buf);
          if (n === null) return;
          if (n > left) buffered = buf.slice(left, n);
          left -= n;
        }
        await answer(conn, 200, JSON.stringify({ bytes: req.bytes, ms: 1 }));
      } else {
        await answer(conn, 404, "{}");
      }
    }
  });
}

function indexOfHeadEnd(b: Uint8Array): number {
  for (let i = 0; i + 3 < b.length; i++) {
    if (b[i] === 13 && b[i + 1] === 10 && b[i + 2] === 13 && b[i + 3] === 10) return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * A kiriwake-looking server whose downloads are cut by a TCP reset after `after` bytes
 * (`node:net` can send one; `Deno.Conn` can only close cleanly).
 */
export function resetServer(after = 50_000): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {});
    let text = "";
    s.on("data", (d) => {
      text += d.toString("latin1");
      let end;
      while ((end = text.indexOf("\r\n\r\n")) >= 0) {
        const head = text.slice(0, end);
        text = text.slice(end + 4);
        const path = head.split(" ")[1] ?? "";
        const body = path.includes("/info")
          ? '{"service":"kiriwake-speed","version":1,"maxBytes":1073741824}'
          : ".";
        if (path.includes("/down")) {
          const n = Number(new URL(path, "http://x").searchParams.get("bytes"));
          s.write(`HTTP/1.1 200 OK\r\n${K}Content-Length: ${n}\r\n\r\n`);
          s.write(
            new Uint8Array(Math.min(n, after)),
            () => setTimeout(() => s.resetAndDestroy(), 20),
          );
          return;
        }
        s.write(`HTTP/1.1 200 OK\r\n${K}Content-Length: ${body.length}\r\n\r\n${body}`);
      }
    });
  });
  return new Promise((resolve) => {
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            srv.close(() => done());
          }),
      });
    });
  });
}
