import assert from "node:assert/strict";
import { SpeedError } from "./errors.ts";
import { Http1Conn } from "./http1.ts";
import { defaultThreads, servePool, whyOneThread } from "./server_pool.ts";
import { requestHead, speedTarget } from "./target.ts";

const ONE_THREAD = whyOneThread();

/** GET info on a fresh connection (fetch would reuse one), returning the JSON body. */
async function infoOnNewConnection(port: number): Promise<{ service: string; thread: number }> {
  const t = speedTarget(`http://127.0.0.1:${port}/`);
  const conn = await Http1Conn.open(t, { timeoutMs: 5000 });
  try {
    await conn.write(requestHead(t, "info"));
    const head = await conn.readHead();
    assert.equal(head.status, 200);
    return JSON.parse(new TextDecoder().decode(await conn.readSmallBody(head)));
  } finally {
    conn.close();
  }
}

Deno.test("defaultThreads() is one per core, at most 8, and one where the OS does not balance", () => {
  assert.equal(defaultThreads(2, true), 2);
  assert.equal(defaultThreads(32, true), 8);
  assert.equal(defaultThreads(0, true), 1);
  assert.equal(defaultThreads(16, false), 1);
});

Deno.test("whyOneThread() names the OS or the missing flag that keeps a server on one thread", () => {
  assert.match(whyOneThread("darwin", true)!.en, /darwin does not spread connections/);
  assert.match(whyOneThread("windows", true)!.ja, /windows は接続を/);
  assert.match(whyOneThread("linux", false)!.en, /without --unstable-net/);
  assert.equal(whyOneThread("linux", true), null);
  // The test task runs with --unstable-net, as the kit does: this test suite can spread.
  if (Deno.build.os === "linux") assert.equal(ONE_THREAD, null);
});

Deno.test({
  name: "servePool() spreads connections over its threads and frees the port when it stops",
  ignore: ONE_THREAD !== null,
  async fn() {
    const pool = await servePool({ hostname: "127.0.0.1", port: 0, threads: 3 });
    assert.equal(pool.threads, 3);
    const seen = new Set<number>();
    try {
      for (let i = 0; i < 60 && seen.size < 3; i++) {
        const info = await infoOnNewConnection(pool.port);
        assert.equal(info.service, "kiriwake-speed");
        seen.add(info.thread);
      }
    } finally {
      await pool.shutdown();
    }
    // 60 connections over 3 listeners all landing on fewer than 3 has odds below 1e-10.
    assert.deepEqual([...seen].sort(), [1, 2, 3]);
    await pool.finished;
    const again = Deno.listen({ hostname: "127.0.0.1", port: pool.port });
    again.close();
  },
});

Deno.test("servePool() with one thread starts no Worker and stops on its signal", async () => {
  const ac = new AbortController();
  const pool = await servePool({ hostname: "127.0.0.1", port: 0, threads: 1, signal: ac.signal });
  assert.equal((await infoOnNewConnection(pool.port)).thread, 1);
  ac.abort();
  await pool.finished;
  await assert.rejects(
    infoOnNewConnection(pool.port),
    (e) => e instanceof SpeedError && e.kind === "refused",
  );
});

Deno.test("servePool() refuses a thread count that is not a positive integer", async () => {
  for (const threads of [0, -1, 1.5]) {
    await assert.rejects(
      servePool({ hostname: "127.0.0.1", port: 0, threads }),
      /threads must be a positive integer/,
    );
  }
});

Deno.test({
  name: "servePool() shuts every listener down when a thread cannot listen",
  ignore: ONE_THREAD !== null,
  async fn() {
    // A plain listener without SO_REUSEPORT holds the port: the first thread of the pool
    // cannot share it.
    const holder = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const port = (holder.addr as Deno.NetAddr).port;
    try {
      await assert.rejects(
        servePool({ hostname: "127.0.0.1", port, threads: 2 }),
        Deno.errors.AddrInUse,
      );
    } finally {
      holder.close();
    }
  },
});
