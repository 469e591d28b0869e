import assert from "node:assert/strict";
import { FIRST_CHUNK, MAX_CHUNK, MIN_CHUNK, nextChunk, RecentRate, wantsMore } from "./load.ts";
import { endpointPath, requestHead, speedTarget } from "./target.ts";

Deno.test("nextChunk() aims at 100 ms of the rate, growing at most 4×", () => {
  // 10 MB/s = 10 000 bytes/ms → 1 MB per 100 ms
  assert.equal(nextChunk(1e6, 10_000), 1e6);
  assert.equal(nextChunk(FIRST_CHUNK, 1e9), FIRST_CHUNK * 4);
  assert.equal(nextChunk(MAX_CHUNK, 1e9), MAX_CHUNK);
  assert.equal(nextChunk(1e6, 1), MIN_CHUNK); // never below 16 KiB
  assert.equal(MIN_CHUNK, 16 * 1024);
  assert.equal(nextChunk(4e8, 4e6, 1e8), 1e8); // the server's limit
});

Deno.test("RecentRate spans at least half a second, so back-to-back answers do not inflate it", () => {
  const r = new RecentRate(0);
  assert.equal(r.add(1000, 100), 10);
  assert.equal(r.add(1000, 200), 10);
  // Two answers 1 ms apart: the rate over the window stays near 10 bytes/ms, not 1000.
  assert.ok(r.add(1000, 201) < 15);
  for (let t = 300; t <= 1500; t += 100) r.add(1000, t);
  assert.equal(Math.round(r.add(1000, 1600)), 10);
  r.restart(5000); // after a pause the gap is not counted
  assert.equal(r.add(500, 5100), 5);
});

Deno.test("speedTarget() reads ports, TLS, IPv6 literals and a path prefix", () => {
  const a = speedTarget("https://speed.example.jp");
  assert.deepEqual([a.hostname, a.port, a.tls, a.base], ["speed.example.jp", 443, true, "/"]);
  const b = speedTarget("http://[::1]:8080/isp");
  assert.deepEqual([b.hostname, b.port, b.tls, b.hostHeader, b.base], [
    "::1",
    8080,
    false,
    "[::1]:8080",
    "/isp/",
  ]);
  assert.equal(endpointPath(b, "down", 5), "/isp/speed/v1/down?bytes=5");
  assert.throws(() => speedTarget("ftp://x/"), /must be an http or https URL/);
  assert.throws(() => speedTarget("http://x/?a=1"), /must not have a query/);
});

Deno.test("requestHead() sends uploads with a Content-Length, never chunked", () => {
  const t = speedTarget("http://127.0.0.1:9/");
  const head = new TextDecoder().decode(requestHead(t, "up", 1234));
  assert.match(head, /^POST \/speed\/v1\/up HTTP\/1\.1\r\nHost: 127\.0\.0\.1:9\r\n/);
  assert.match(head, /\r\nContent-Length: 1234\r\n/);
  assert.doesNotMatch(head, /chunked/i);
  assert.ok(head.endsWith("\r\n\r\n"));
});

Deno.test("wantsMore() pipelines two requests, then keeps 600 ms of the stream's rate (≤ 4 MiB) in flight", () => {
  // Two are always wanted, whatever the rate (it is unknown at the start).
  assert.equal(wantsMore(1e9, 0, 0), true);
  assert.equal(wantsMore(1e9, 1, 0), true);
  assert.equal(wantsMore(0, 2, 0), false);
  // 100 bytes per ms: up to 60 kB outstanding.
  assert.equal(wantsMore(59_999, 3, 100), true);
  assert.equal(wantsMore(60_000, 3, 100), false);
  // Never more than 16 requests on one connection, nor 4 MiB beyond the first two.
  assert.equal(wantsMore(0, 16, 1e6), false);
  assert.equal(wantsMore(4 * 1024 * 1024 - 1, 3, 1e6), true);
  assert.equal(wantsMore(4 * 1024 * 1024, 3, 1e6), false);
});
