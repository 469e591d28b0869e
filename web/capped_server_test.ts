import assert from "node:assert/strict";
import { MAX_BODY_BYTES, serveCapped } from "./capped_server.ts";

function echo(req: Request): Promise<Response> {
  return req.text().then((body) =>
    new Response(`${req.method} ${new URL(req.url).pathname} ${body}`, {
      headers: [["set-cookie", "a=1"], ["set-cookie", "b=2"], ["x-test", "yes"]],
    })
  );
}

async function raw(port: number, request: string): Promise<string> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  await conn.write(new TextEncoder().encode(request));
  const chunks: Uint8Array[] = [];
  const buf = new Uint8Array(65536);
  for (;;) {
    const n = await conn.read(buf).catch(() => null);
    if (n === null) break;
    chunks.push(buf.slice(0, n));
  }
  conn.close();
  return new TextDecoder().decode(new Uint8Array(chunks.flatMap((c) => [...c])));
}

Deno.test("serveCapped() answers requests, one per connection, with every cookie", async () => {
  const s = serveCapped({ hostname: "127.0.0.1", port: 0, handler: echo });
  try {
    const r = await fetch(`http://127.0.0.1:${s.addr.port}/x`, { method: "POST", body: "hello" });
    assert.equal(await r.text(), "POST /x hello");
    assert.equal(r.headers.get("x-test"), "yes");
    assert.deepEqual(r.headers.getSetCookie(), ["a=1", "b=2"]);
    const text = await raw(s.addr.port, "GET //evil.example/ HTTP/1.1\r\nhost: a\r\n\r\n");
    assert.match(text, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(text, /connection: close/);
    assert.match(text, /GET \/\/evil\.example\/ $/);
  } finally {
    await s.shutdown();
  }
});

Deno.test("serveCapped() refuses malformed, oversized and chunked requests with a status", async () => {
  const s = serveCapped({ hostname: "127.0.0.1", port: 0, handler: echo });
  try {
    const p = s.addr.port;
    assert.match(await raw(p, "GARBAGE\r\n\r\n"), /^HTTP\/1\.1 400 /);
    assert.match(await raw(p, "GET http://other/ HTTP/1.1\r\n\r\n"), /^HTTP\/1\.1 400 /);
    assert.match(
      await raw(p, `GET / HTTP/1.1\r\nx: ${"a".repeat(20_000)}\r\n\r\n`),
      /^HTTP\/1\.1 431 /,
    );
    const big = `POST / HTTP/1.1\r\ncontent-length: ${MAX_BODY_BYTES + 1}\r\n\r\n`;
    assert.match(await raw(p, big), /^HTTP\/1\.1 413 /);
    const chunked = "POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n";
    assert.match(await raw(p, chunked), /^HTTP\/1\.1 501 /);
    assert.match(await raw(p, "GET / HTTP/1.1\r\nbad header\r\n\r\n"), /^HTTP\/1\.1 400 /);
  } finally {
    await s.shutdown();
  }
});

Deno.test("serveCapped() keeps serving through a flood of idle connections", async () => {
  const s = serveCapped({ hostname: "127.0.0.1", port: 0, handler: echo, maxConnections: 32 });
  const idle: Deno.Conn[] = [];
  try {
    for (let i = 0; i < 300; i++) {
      idle.push(await Deno.connect({ hostname: "127.0.0.1", port: s.addr.port }));
    }
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`http://127.0.0.1:${s.addr.port}/ok${i}`);
      assert.equal(await r.text(), `GET /ok${i} `);
    }
    const st = s.stats();
    assert.ok(st.open <= 32, `open ${st.open}`);
    assert.ok(st.evicted >= 300 - 32, `evicted ${st.evicted}`);
  } finally {
    for (const c of idle) c.close();
    await s.shutdown();
  }
});

Deno.test("serveCapped() closes a connection that does not finish its request in time", async () => {
  const s = serveCapped({ hostname: "127.0.0.1", port: 0, handler: echo, requestTimeoutMs: 200 });
  try {
    const conn = await Deno.connect({ hostname: "127.0.0.1", port: s.addr.port });
    await conn.write(new TextEncoder().encode("GET / HTTP/1.1\r\n"));
    const t0 = performance.now();
    const n = await conn.read(new Uint8Array(10)).catch(() => null);
    assert.equal(n, null);
    assert.ok(performance.now() - t0 < 5000);
    conn.close();
  } finally {
    await s.shutdown();
  }
});

Deno.test("serveCapped() streams a response and ends it when the client leaves or on shutdown", async () => {
  let cancelled = 0;
  const s = serveCapped({
    hostname: "127.0.0.1",
    port: 0,
    handler: (req) => {
      let timer: ReturnType<typeof setInterval>;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          timer = setInterval(() => c.enqueue(new TextEncoder().encode("data: x\n\n")), 10);
          req.signal.addEventListener("abort", () => {
            clearInterval(timer);
            cancelled++;
          });
        },
        cancel() {
          clearInterval(timer);
        },
      });
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    },
  });
  try {
    const ac = new AbortController();
    const r = await fetch(`http://127.0.0.1:${s.addr.port}/events`, { signal: ac.signal });
    const reader = r.body!.getReader();
    const first = await reader.read();
    assert.match(new TextDecoder().decode(first.value), /data: x/);
    ac.abort();
    await reader.cancel().catch(() => {});
    const r2 = await fetch(`http://127.0.0.1:${s.addr.port}/events`);
    await r2.body!.getReader().read();
    const t0 = performance.now();
    await s.shutdown();
    assert.ok(performance.now() - t0 < 3000);
    await r2.body?.cancel().catch(() => {});
    assert.ok(cancelled >= 1);
  } finally {
    await s.shutdown();
  }
});
