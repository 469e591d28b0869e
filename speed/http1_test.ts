import assert from "node:assert/strict";
import { findHeadEnd, Http1Conn, parseHead } from "./http1.ts";
import { SpeedError } from "./errors.ts";
import { requestHead, speedTarget } from "./target.ts";
import { rawServer, readRequestHead, startSpeedServer, writeText } from "./testing.ts";

const open = (url: string) => Http1Conn.open(speedTarget(url), { timeoutMs: 2000 });

Deno.test("parseHead() reads status, lowercased headers and the body framing", () => {
  const h = parseHead("HTTP/1.1 200 OK\r\nContent-Length: 12\r\nX-A: b", "t");
  assert.equal(h.status, 200);
  assert.equal(h.contentLength, 12);
  assert.equal(h.headers.get("x-a"), "b");
  assert.equal(parseHead("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked", "t").chunked, true);
  assert.throws(() => parseHead("SSH-2.0-OpenSSH_9.6", "t"), /not an HTTP\/1.1 response/);
  assert.throws(() => parseHead("HTTP/1.1 200 OK\r\nContent-Length: x", "t"), /bad Content-Length/);
});

Deno.test("findHeadEnd() finds the blank line only inside the given range", () => {
  const b = new TextEncoder().encode("HTTP/1.1 200 OK\r\nA: b\r\n\r\nbody");
  assert.equal(findHeadEnd(b, 0, b.length), 21);
  assert.equal(findHeadEnd(b, 0, 24), -1);
});

Deno.test("Http1Conn reads pipelined downloads and pings on one connection", async () => {
  const s = startSpeedServer();
  const c = await open(s.url);
  try {
    const t = c.target;
    // Two downloads and a ping written back to back: the responses arrive glued together.
    await c.write(requestHead(t, "down", 3_000_001));
    await c.write(requestHead(t, "down", 5));
    await c.write(requestHead(t, "ping"));
    let counted = 0;
    const h1 = await c.readHead();
    assert.equal(h1.contentLength, 3_000_001);
    assert.equal(h1.headers.get("x-kiriwake-speed"), "1");
    await c.readBody(h1.contentLength!, (n) => counted += n);
    assert.equal(counted, 3_000_001);
    const h2 = await c.readHead();
    await c.readBody(h2.contentLength!, (n) => counted += n);
    assert.equal(counted, 3_000_006);
    const h3 = await c.readHead();
    assert.equal((await c.readSmallBody(h3)).length, 1);
    assert.ok(c.tcpMs >= 0);
    assert.equal(c.tlsMs, null);
  } finally {
    c.close();
    await s.close();
  }
});

Deno.test("Http1Conn uploads with a Content-Length and the server counts it", async () => {
  const s = startSpeedServer();
  const c = await open(s.url);
  try {
    let written = 0;
    await c.write(requestHead(c.target, "up", 2_500_000));
    await c.writeBody(2_500_000, (n) => written += n);
    const h = await c.readHead();
    const body = JSON.parse(new TextDecoder().decode(await c.readSmallBody(h)));
    assert.equal(written, 2_500_000);
    assert.equal(body.bytes, 2_500_000);
  } finally {
    c.close();
    await s.close();
  }
});

Deno.test("Http1Conn.readBody() says how far a short body got", async () => {
  const s = rawServer(async (conn) => {
    await readRequestHead(conn);
    await writeText(conn, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(400));
  });
  const c = await open(s.url);
  try {
    await c.write(requestHead(c.target, "down", 1000));
    const h = await c.readHead();
    await assert.rejects(
      () => c.readBody(h.contentLength!),
      (e) => e instanceof SpeedError && e.kind === "wrong-length" && /400 of 1000/.test(e.message),
    );
  } finally {
    c.close();
    await s.close();
  }
});

Deno.test("Http1Conn.readSmallBody() decodes chunked and close-delimited bodies", async () => {
  const s = rawServer(async (conn) => {
    await readRequestHead(conn);
    await writeText(
      conn,
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
    );
    await readRequestHead(conn);
    await writeText(conn, "HTTP/1.0 200 OK\r\n\r\nuntil close");
  });
  const c = await open(s.url);
  try {
    await c.write(requestHead(c.target, "info"));
    assert.equal(new TextDecoder().decode(await c.readSmallBody(await c.readHead())), "abcde");
    await c.write(requestHead(c.target, "info"));
    assert.equal(
      new TextDecoder().decode(await c.readSmallBody(await c.readHead())),
      "until close",
    );
  } finally {
    c.close();
    await s.close();
  }
});

Deno.test("Http1Conn.open() names refused connections and TLS failures", async () => {
  const s = rawServer(async () => {});
  const port = s.port;
  await s.close();
  await assert.rejects(
    () => open(`http://127.0.0.1:${port}/`),
    (e) => e instanceof SpeedError && e.kind === "refused",
  );
  const plain = startSpeedServer();
  try {
    await assert.rejects(
      () => open(plain.url.replace("http:", "https:")),
      (e) => e instanceof SpeedError && (e.kind === "tls" || e.kind === "closed"),
    );
  } finally {
    await plain.close();
  }
});

Deno.test("Http1Conn speaks TLS to a server with a private CA and times the handshake", async () => {
  const pki = new URL("../tests/fixtures/pki/", import.meta.url);
  const cert = await Deno.readTextFile(new URL("server.pem", pki));
  const key = await Deno.readTextFile(new URL("server.key", pki));
  const ca = await Deno.readTextFile(new URL("ca.pem", pki));
  const s = startSpeedServer({ cert, key });
  const url = s.url.replace("127.0.0.1", "localhost");
  const c = await Http1Conn.open(speedTarget(url, [ca]), { timeoutMs: 3000 });
  try {
    assert.ok(c.tlsMs !== null && c.tlsMs >= 0);
    await c.write(requestHead(c.target, "down", 100_000));
    const h = await c.readHead();
    let n = 0;
    await c.readBody(h.contentLength!, (k) => n += k);
    assert.equal(n, 100_000);
  } finally {
    c.close();
    await s.close();
  }
});
