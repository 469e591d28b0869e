/**
 * The collector under faults, over real sockets and a real PostgreSQL: the database going
 * down during an upload, the collector killed with SIGKILL in the middle of storing one,
 * and clients that trickle bytes.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { Collector } from "../../collector/collector.ts";
import { openPostgres } from "../../collector/db_postgres.ts";
import { distinctReport, TEST_SETTINGS, uploadOf } from "../../collector/testing.ts";
import { BRAND } from "../../brand/brand.ts";
import { apiErrorSchema, uploadAnswerSchema } from "../../report/upload_schema.ts";
import { serveCollector, type ServedCollector } from "../../web/collector/serve.ts";
import { startCollectorProcess } from "../support/collector_proc.ts";
import { postgresTestOptions, type TestPostgres, withPostgres } from "../support/postgres.ts";

const post = (url: string, body: string) =>
  fetch(`${url}/v1/reports`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
  });

async function served(pg: TestPostgres, settings = {}): Promise<ServedCollector> {
  const collector = await Collector.open({
    db: openPostgres(await pg.createDatabase()),
    brand: BRAND,
    settings: { ...TEST_SETTINGS, retryAfterS: 7, ...settings },
  });
  return serveCollector(collector, { hostname: "127.0.0.1", port: 0 });
}

/** Rows in both tables, as the superuser (row-level security does not apply to it). */
async function rows(url: string): Promise<{ keys: number; reports: number }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [r] = await sql`SELECT (SELECT count(*)::int FROM report_keys) AS keys,
                                 (SELECT count(*)::int FROM reports) AS reports`;
    return { keys: r.keys, reports: r.reports };
  } finally {
    await sql.end();
  }
}

Deno.test("the collector under faults", postgresTestOptions(), async (t) => {
  await withPostgres(async (pg) => {
    await t.step(
      "database down during an upload: 503 with Retry-After, then the retry is stored",
      async () => {
        const s = await served(pg);
        try {
          const up = await uploadOf(await distinctReport());
          // The upload starts while the database is up; its body completes after it went down.
          const conn = await Deno.connect({ hostname: "127.0.0.1", port: s.port });
          const bytes = new TextEncoder().encode(up.body);
          const head =
            `POST /v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`;
          await conn.write(new TextEncoder().encode(head));
          await conn.write(bytes.subarray(0, 100));
          await pg.stop("immediate");
          await conn.write(bytes.subarray(100));
          const answer = await readAll(conn);
          conn.close();
          assert.match(answer, /^HTTP\/1\.1 503/);
          assert.match(answer, /retry-after: 7/i);
          assert.equal(
            apiErrorSchema.parse(JSON.parse(answer.split("\r\n\r\n")[1])).error.code,
            "unavailable",
          );
          const ready = await fetch(`${s.url}/readyz`);
          assert.equal(ready.status, 503);
          assert.equal((await ready.json()).ready, false);
          assert.equal((await fetch(`${s.url}/healthz`)).status, 200, "the process itself is fine");
          await pg.start();
          const retry = await post(s.url, up.body);
          assert.equal(retry.status, 201);
          uploadAnswerSchema.parse(await retry.json());
          assert.equal((await fetch(`${s.url}/readyz`)).status, 200);
          assert.match(
            await (await fetch(`${s.url}/metrics`)).text(),
            /rejected_total\{reason="unavailable"\} 1/,
          );
        } finally {
          await pg.start();
          await s.shutdown();
        }
      },
    );

    await t.step(
      "collector killed with SIGKILL while storing: no half-written row, the retry succeeds",
      async () => {
        const url = await pg.createDatabase();
        const first = await startCollectorProcess(["--db", url, "--rate-source", "0"]);
        const up = await uploadOf(await distinctReport());
        // Hold the reports table so the collector's transaction stops half way: its
        // report_keys row is written, its reports row waits for the lock.
        const blocker = postgres(url, { max: 1, onnotice: () => {} });
        const watcher = postgres(url, { max: 1, onnotice: () => {} });
        try {
          await blocker.begin(async (tx) => {
            await tx`LOCK TABLE reports IN ACCESS EXCLUSIVE MODE`;
            const pending = post(first.url, up.body).catch((e) => e);
            for (let i = 0;; i++) {
              const [w] = await watcher`SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE application_name = 'kiriwake-collector' AND wait_event_type = 'Lock'`;
              if (w.n > 0) break;
              if (i > 200) throw new Error("the collector never reached the insert");
              await new Promise((r) => setTimeout(r, 50));
            }
            assert.equal(await first.kill("SIGKILL"), 137);
            assert.ok((await pending) instanceof TypeError, "the client saw the connection die");
          });
          // The lock is gone: the orphaned transaction finds its client dead and rolls back.
          for (let i = 0; i < 100; i++) {
            const [w] = await watcher`SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE application_name = 'kiriwake-collector'`;
            if (w.n === 0) break;
            await new Promise((r) => setTimeout(r, 50));
          }
          assert.deepEqual(await rows(url), { keys: 0, reports: 0 });
          const second = await startCollectorProcess(["--db", url]);
          try {
            const retry = await post(second.url, up.body);
            assert.equal(retry.status, 201);
            assert.equal((await retry.json()).duplicate, false);
            assert.deepEqual(await rows(url), { keys: 1, reports: 1 });
          } finally {
            await second.kill();
          }
        } finally {
          await blocker.end();
          await watcher.end();
          await first.kill("SIGKILL");
        }
      },
    );

    await t.step(
      "slow clients: a body trickler gets 408 in time, and neither it nor a header trickler holds up others",
      async () => {
        const s = await served(pg, { bodyIdleMs: 600, bodyTimeoutMs: 1500 });
        const conns: Deno.Conn[] = [];
        let trickling = true;
        try {
          const enc = new TextEncoder();
          // One client trickles its headers, another its body, a byte every 200 ms.
          const headers = await Deno.connect({ hostname: "127.0.0.1", port: s.port });
          const body = await Deno.connect({ hostname: "127.0.0.1", port: s.port });
          conns.push(headers, body);
          await body.write(enc.encode(
            "POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{",
          ));
          await headers.write(enc.encode("POST /v1/reports HTTP/1.1\r\nHost: x\r\n"));
          const t0 = performance.now();
          const trickle = (async () => {
            while (trickling) {
              await new Promise((r) => setTimeout(r, 200));
              await body.write(enc.encode(" ")).catch(() => {});
              await headers.write(enc.encode("X")).catch(() => {});
            }
          })();
          const answer = readUntil(body, (t) => t.includes('"code":"timeout"'), 10_000);
          // Meanwhile a normal upload goes through at once.
          const normal = performance.now();
          const res = await post(s.url, (await uploadOf(await distinctReport())).body);
          assert.equal(res.status, 201);
          assert.ok(
            performance.now() - normal < 1000,
            "a trickling client did not delay the upload",
          );
          const text = await answer;
          const took = performance.now() - t0;
          assert.match(text, /^HTTP\/1\.1 408/);
          assert.match(text, /"code":"timeout"/);
          assert.ok(took >= 1400 && took < 5000, `answered after ${Math.round(took)} ms`);
          assert.equal(s.collector.inFlight, 0, "the slow upload no longer holds a slot");
          trickling = false;
          await trickle;
        } finally {
          trickling = false;
          for (const c of conns) {
            try {
              c.close();
            } catch { /* closed by the server */ }
          }
          await s.shutdown();
        }
      },
    );
  });
});

/** Reads from `conn` until `done(text)` or the end; throws after `timeoutMs`. */
async function readUntil(conn: Deno.Conn, done: (text: string) => boolean, timeoutMs: number) {
  const dec = new TextDecoder();
  let text = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<"late">((r) => timer = setTimeout(() => r("late"), timeoutMs));
  try {
    while (!done(text)) {
      const buf = new Uint8Array(16384);
      const n = await Promise.race([conn.read(buf).catch(() => null), deadline]);
      if (n === "late") throw new Error(`No answer in ${timeoutMs} ms: ${text}`);
      if (n === null) break;
      text += dec.decode(buf.subarray(0, n), { stream: true });
    }
  } finally {
    clearTimeout(timer);
  }
  return text;
}

/** Reads a connection to its end (the server closes it). */
async function readAll(conn: Deno.Conn): Promise<string> {
  const chunks: Uint8Array[] = [];
  const buf = new Uint8Array(16384);
  for (;;) {
    let n: number | null;
    try {
      n = await conn.read(buf);
    } catch {
      break;
    }
    if (n === null) break;
    chunks.push(buf.slice(0, n));
  }
  return new TextDecoder().decode(new Uint8Array(chunks.flatMap((c) => [...c])));
}
