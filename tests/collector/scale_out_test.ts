/**
 * Scale out: three collector processes on loopback ports against one PostgreSQL, started
 * at once (they migrate a fresh database together), behave as one collector: uploads spread
 * over them, a report sent to all three is stored once with one receipt, any instance
 * withdraws what another stored, and losing one leaves the others serving.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { distinctReport, uploadOf } from "../../collector/testing.ts";
import { uploadAnswerSchema } from "../../report/upload_schema.ts";
import { type CollectorProcess, startCollectorProcess } from "../support/collector_proc.ts";
import { postgresTestOptions, withPostgres } from "../support/postgres.ts";
import { MIGRATIONS } from "../../collector/migrate.ts";

const post = (url: string, body: string) =>
  fetch(`${url}/v1/reports`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
  });

Deno.test("three collector instances share one PostgreSQL", postgresTestOptions(), async () => {
  await withPostgres(async (pg) => {
    const url = await pg.createDatabase();
    const instances: CollectorProcess[] = [];
    try {
      instances.push(
        ...await Promise.all(
          [1, 2, 3].map(() => startCollectorProcess(["--db", url, "--rate-source", "0"])),
        ),
      );
      assert.equal(new Set(instances.map((i) => i.url)).size, 3);

      // 30 reports, round-robin, all at once.
      const uploads = await Promise.all(
        Array.from({ length: 30 }, async () => await uploadOf(await distinctReport())),
      );
      const answers = await Promise.all(uploads.map(async (u, i) => {
        const res = await post(instances[i % 3].url, u.body);
        assert.equal(res.status, 201);
        return uploadAnswerSchema.parse(await res.json());
      }));
      assert.equal(new Set(answers.map((a) => a.receipt)).size, 30);

      // One report sent to all three at once: one row, one receipt.
      const same = await uploadOf(await distinctReport());
      const results = await Promise.all(instances.map(async (i) => {
        const res = await post(i.url, same.body);
        return { status: res.status, answer: uploadAnswerSchema.parse(await res.json()) };
      }));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 200, 201]);
      assert.equal(new Set(results.map((r) => r.answer.receipt)).size, 1);

      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        const [n] = await sql`SELECT count(*)::int AS n FROM reports`;
        assert.equal(n.n, 31);
        const [m] = await sql`SELECT count(*)::int AS n FROM kiriwake_migrations`;
        assert.equal(m.n, MIGRATIONS.length, "started together, each migration applied once");
      } finally {
        await sql.end();
      }

      // Withdrawn through another instance than the one that stored it.
      const del = await fetch(`${instances[2].url}/v1/reports/${answers[0].receipt}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${uploads[0].token}` },
      });
      assert.equal(del.status, 204);
      await del.body?.cancel();

      // Losing an instance loses nothing: the others keep serving.
      await instances[0].kill("SIGKILL");
      for (const i of instances.slice(1)) {
        const ready = await fetch(`${i.url}/readyz`);
        assert.equal(ready.status, 200);
        await ready.body?.cancel();
        const res = await post(i.url, (await uploadOf(await distinctReport())).body);
        assert.equal(res.status, 201);
        await res.body?.cancel();
      }
    } finally {
      await Promise.all(instances.map((i) => i.kill("SIGKILL")));
    }
  });
});
