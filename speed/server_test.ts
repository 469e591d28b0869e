import assert from "node:assert/strict";
import { createSpeedApp, drain, serveSpeed, SERVICE } from "./server.ts";

Deno.test("createSpeedApp() info names the service and marks every answer", async () => {
  const app = createSpeedApp({ maxBytes: 1000 });
  const res = await app.request("/speed/v1/info");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("x-kiriwake-speed"), "1");
  assert.equal(res.headers.get("cache-control"), "no-store");
  assert.deepEqual(await res.json(), { service: SERVICE, version: 1, maxBytes: 1000, thread: 1 });
  const missing = await app.request("/speed/v1/nope");
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get("x-kiriwake-speed"), "1");
});

Deno.test("createSpeedApp() down sends exactly the bytes asked for", async () => {
  const app = createSpeedApp({ maxBytes: 3 << 20 });
  for (const n of [0, 1, 1 << 20, (2 << 20) + 17]) {
    const res = await app.request(`/speed/v1/down?bytes=${n}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-length"), String(n));
    assert.equal((await res.arrayBuffer()).byteLength, n);
  }
});

Deno.test("createSpeedApp() down refuses sizes it does not serve", async () => {
  const app = createSpeedApp({ maxBytes: 100 });
  for (const q of ["bytes=101", "bytes=-1", "bytes=1e3", "bytes=", ""]) {
    const res = await app.request(`/speed/v1/down?${q}`);
    assert.equal(res.status, 400, q);
    assert.match((await res.json()).error, /bytes must be an integer from 0 to 100/);
  }
});

Deno.test("createSpeedApp() up counts the body and needs a Content-Length", async () => {
  const app = createSpeedApp({ maxBytes: 1000 });
  const body = new Uint8Array(777);
  const ok = await app.request("/speed/v1/up", {
    method: "POST",
    body,
    headers: { "content-length": "777" },
  });
  assert.equal(ok.status, 200);
  assert.equal((await ok.json()).bytes, 777);
  const big = await app.request("/speed/v1/up", {
    method: "POST",
    body: new Uint8Array(1001),
    headers: { "content-length": "1001" },
  });
  assert.equal(big.status, 413);
  const none = await app.request("/speed/v1/up", { method: "POST" });
  assert.equal(none.status, 411);
});

Deno.test("createSpeedApp() validates its options once, when created", () => {
  assert.throws(() => createSpeedApp({ maxBytes: 0 }), /maxBytes must be a positive integer/);
});

Deno.test("drain() counts a byte stream through a BYOB reader", async () => {
  let sent = 0;
  const stream = new ReadableStream({
    type: "bytes",
    pull(c) {
      if (sent >= 3) {
        c.close();
        return c.byobRequest?.respond(0); // a closed byte stream must answer the pending read
      }
      c.enqueue(new Uint8Array(1000 + sent++));
    },
  });
  assert.equal(await drain(stream), 1000 + 1001 + 1002);
});

Deno.test("serveSpeed() listens on port 0, reports its URL and shuts down", async () => {
  const ac = new AbortController();
  const s = serveSpeed({ hostname: "127.0.0.1", port: 0, signal: ac.signal });
  try {
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${s.url}speed/v1/ping`);
    assert.equal((await res.arrayBuffer()).byteLength, 1);
  } finally {
    ac.abort();
    await s.finished;
  }
});

Deno.test("serveSpeed() wants both a certificate and a key", () => {
  assert.throws(
    () => serveSpeed({ hostname: "127.0.0.1", port: 0, cert: "x" }),
    /give both a certificate and a key/,
  );
});
