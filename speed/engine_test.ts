import assert from "node:assert/strict";
import type { SpeedPlan } from "./budget.ts";
import { measureServer } from "./engine.ts";
import { rawServer, readRequestHead, startSpeedServer, until, writeText } from "./testing.ts";
import { answer, fakeSpeedServer, resetServer, writeZeros } from "./testing_fake.ts";

const plan: SpeedPlan = {
  metered: false,
  maxBytes: 400e6,
  directionMs: 1500,
  idleMs: 300,
  intervalMs: 100,
  initialStreams: 2,
  maxStreams: 4,
  serverBytes: 400e6,
};
// The slowest a test may take: idle + connect limit, two directions and a margin for closing.
const LIMIT_MS = 300 + 1000 + 2 * 1500 + 1500;

async function measure(url: string, extra: Partial<SpeedPlan> = {}) {
  const t0 = performance.now();
  const r = await measureServer({
    server: { url, kind: "on-net" },
    plan: { ...plan, ...extra },
    connectTimeoutMs: 1000,
    stallMs: 600,
  });
  const ms = performance.now() - t0;
  assert.ok(ms < LIMIT_MS, `took ${Math.round(ms)} ms`);
  return r;
}

Deno.test("measureServer() measures both directions against the real server", async () => {
  const s = startSpeedServer();
  try {
    // Time, not the budget, ends it: latency probes need some time under load to sample.
    const r = await measure(s.url, { serverBytes: 1e12, directionMs: 1000 });
    assert.equal(r.outcome, "ok", r.error);
    assert.ok(r.idle!.latencyMs! > 0 && r.idle!.samples > 0);
    for (const d of [r.download!, r.upload!]) {
      assert.ok(d.mbps! > 0, `${d.direction} mbps`);
      assert.ok(d.intervals.length > 0);
      assert.ok(["stable", "time", "budget"].includes(d.stopReason));
      assert.ok(d.probes.share === null || d.probes.share <= 0.05);
    }
    assert.ok(r.download!.loadedLatency.samples > 0, "latency was sampled under load");
    assert.ok(r.aim.gaming, "gaming verdict");
  } finally {
    await s.close();
  }
});

Deno.test("measureServer() stops each direction at its share of a small budget", async () => {
  const s = startSpeedServer();
  try {
    const budget = 8e6;
    const r = await measure(s.url, { serverBytes: budget, directionMs: 3000 });
    assert.equal(r.outcome, "ok");
    assert.equal(r.download!.stopReason, "budget");
    assert.ok(r.download!.bytes <= budget / 2);
    assert.ok(r.bytesUsed <= budget, `${r.bytesUsed} of ${budget} bytes`);
  } finally {
    await s.close();
  }
});

Deno.test("measureServer() says when the server is not a kiriwake server", async () => {
  const s = rawServer(async (conn) => {
    await readRequestHead(conn);
    await writeText(
      conn,
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\n<p>hi",
    );
  });
  try {
    const r = await measure(s.url);
    assert.equal(r.outcome, "not-kiriwake");
    assert.match(
      r.error!,
      /is not a kiriwake speed test server: speed\/v1\/info answered 200 \(text\/html\)/,
    );
    assert.equal(r.download, null);
  } finally {
    await s.close();
  }
});

Deno.test("measureServer() ends on a server that accepts and then says nothing (0 bit/s)", async () => {
  const ac = new AbortController();
  const s = rawServer(() => until(ac.signal));
  try {
    const r = await measure(s.url);
    assert.equal(r.outcome, "timeout");
    assert.match(r.error!, /no answer within/);
  } finally {
    ac.abort();
    await s.close();
  }
});

Deno.test("measureServer() records a download that stalls mid-stream", async () => {
  const ac = new AbortController();
  const s = fakeSpeedServer({
    down: async (conn, req) => {
      await writeText(
        conn,
        `HTTP/1.1 200 OK\r\nx-kiriwake-speed: 1\r\nContent-Length: ${req.bytes}\r\n\r\n`,
      );
      await writeZeros(conn, Math.min(req.bytes, 100_000));
      await until(ac.signal);
    },
  });
  try {
    const r = await measure(s.url);
    assert.equal(r.outcome, "stalled");
    assert.equal(r.download!.stopReason, "stalled");
    assert.ok(r.download!.bytes > 0);
    assert.match(r.download!.error!.message, /no data for 600 ms/);
    // The uplink is still measured: a broken downlink says nothing about it.
    assert.ok(r.upload!.mbps! > 0);
  } finally {
    ac.abort();
    await s.close();
  }
});

Deno.test("measureServer() records a connection reset mid-stream", async () => {
  const s = await resetServer();
  try {
    const r = await measure(s.url);
    assert.equal(r.outcome, "reset");
    assert.equal(r.download!.stopReason, "error");
    assert.match(r.download!.error!.message, /reset/i);
    assert.ok(r.download!.error!.message.includes(s.url));
  } finally {
    await s.close();
  }
});

Deno.test("measureServer() records a body that ends before its length", async () => {
  const s = fakeSpeedServer({
    down: async (conn, req) => {
      await writeText(
        conn,
        `HTTP/1.1 200 OK\r\nx-kiriwake-speed: 1\r\nContent-Length: ${req.bytes}\r\n\r\n`,
      );
      await writeZeros(conn, Math.floor(req.bytes / 2));
      conn.close();
    },
  });
  try {
    const r = await measure(s.url);
    assert.equal(r.outcome, "wrong-length");
    const m = r.download!.error!.message.match(/body ended after (\d+) of (\d+) bytes/);
    assert.ok(m, r.download!.error!.message);
    assert.equal(Number(m[1]), Math.floor(Number(m[2]) / 2));
  } finally {
    await s.close();
  }
});

Deno.test("measureServer() records a download of the wrong length", async () => {
  const s = fakeSpeedServer({
    down: async (conn, req) => {
      await writeText(
        conn,
        `HTTP/1.1 200 OK\r\nx-kiriwake-speed: 1\r\nContent-Length: ${req.bytes + 1}\r\n\r\n`,
      );
      await writeZeros(conn, req.bytes + 1);
    },
  });
  try {
    const r = await measure(s.url);
    assert.equal(r.outcome, "wrong-length");
    assert.match(r.download!.error!.message, /asked for \d+ bytes, the answer declares \d+/);
  } finally {
    await s.close();
  }
});

Deno.test("measureServer() records an upload the server miscounts", async () => {
  const s = fakeSpeedServer({
    up: async (conn, req) => {
      await answer(conn, 200, JSON.stringify({ bytes: req.bytes - 1, ms: 1 }));
    },
  });
  try {
    const r = await measure(s.url);
    assert.equal(r.download!.stopReason !== "error", true);
    assert.equal(r.outcome, "wrong-length");
    assert.match(r.upload!.error!.message, /sent \d+ bytes, the server counted \d+/);
  } finally {
    await s.close();
  }
});

Deno.test("measureServer() gives up quickly on a refused connection", async () => {
  const s = rawServer(async () => {});
  const url = s.url;
  await s.close();
  const r = await measure(url);
  assert.equal(r.outcome, "refused");
  assert.equal(r.idle, null);
});

Deno.test("measureServer() on a 1 Mbit/s line keeps the probes within 5 % of the capacity", async () => {
  const ac = new AbortController();
  // Paces every download at 1 Mbit/s: 1250 bytes each 10 ms.
  const s = fakeSpeedServer({
    down: async (conn, req) => {
      await writeText(
        conn,
        `HTTP/1.1 200 OK\r\nx-kiriwake-speed: 1\r\nContent-Length: ${req.bytes}\r\n\r\n`,
      );
      for (let left = req.bytes; left > 0 && !ac.signal.aborted; left -= 1250) {
        await writeZeros(conn, Math.min(1250, left));
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  });
  try {
    const r = await measure(s.url, { initialStreams: 1, maxStreams: 1 });
    const d = r.download!;
    assert.ok(d.mbps! > 0.5 && d.mbps! < 1.5, `${d.mbps} Mbit/s`);
    assert.ok(d.probes.share! <= 0.05, `probe share ${d.probes.share}`);
    assert.ok(d.probes.bytes > 0, "some probes were sent");
  } finally {
    ac.abort();
    await s.close();
  }
});
