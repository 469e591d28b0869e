/**
 * The store against a real PostgreSQL: the cases PGlite runs too, plus what only a shared
 * server can show — three instances migrating at once, and a production-like login role
 * that owns the tables but is not a superuser (row-level security is forced on it).
 */
import assert from "node:assert/strict";
import { openPostgres } from "../../collector/db_postgres.ts";
import { migrate, MIGRATIONS, SCHEMA_VERSION } from "../../collector/migrate.ts";
import { ensurePartitions } from "../../collector/partitions.ts";
import { Scope } from "../../collector/scope.ts";
import { ReportStore } from "../../collector/store.ts";
import { newReport, STORE_CASES } from "../../collector/testing_store_cases.ts";
import { newReceipt } from "../../util/receipt.ts";
import { postgresTestOptions, withPostgres } from "../support/postgres.ts";

Deno.test("ReportStore on PostgreSQL", postgresTestOptions(), async (t) => {
  await withPostgres(async (pg) => {
    for (const c of STORE_CASES) {
      await t.step(c.name, async () => {
        const db = openPostgres(await pg.createDatabase());
        try {
          await migrate(db);
          await ensurePartitions(db, new Date());
          await c.run(db);
        } finally {
          await db.close();
        }
      });
    }

    await t.step(
      "migrate() applies each migration once when three instances start at once",
      async () => {
        const url = await pg.createDatabase();
        const dbs = [openPostgres(url), openPostgres(url), openPostgres(url)];
        try {
          const results = await Promise.all(dbs.map((db) => migrate(db)));
          assert.deepEqual(
            results.map((r) => r.applied).flat(),
            MIGRATIONS.map((m) => m.version),
          );
          assert.deepEqual(results.map((r) => r.version), [
            SCHEMA_VERSION,
            SCHEMA_VERSION,
            SCHEMA_VERSION,
          ]);
          await Promise.all(dbs.map((db) => ensurePartitions(db, new Date())));
        } finally {
          await Promise.all(dbs.map((db) => db.close()));
        }
      },
    );

    await t.step(
      "a transaction (BEGIN sent with its first statement) commits all or nothing",
      async () => {
        const db = openPostgres(await pg.createDatabase(), { max: 1 });
        try {
          await db.exec("CREATE TABLE tx_probe (n int PRIMARY KEY)");
          const ids = await db.transaction(async (sql) => {
            const a = sql.query<{ x: string }>("SELECT txid_current()::text AS x");
            await sql.query("INSERT INTO tx_probe VALUES (1)");
            const b = await sql.query<{ x: string }>("SELECT txid_current()::text AS x");
            return [(await a)[0].x, b[0].x];
          });
          assert.equal(ids[0], ids[1], "every statement ran in the one transaction");
          await assert.rejects(
            db.transaction(async (sql) => {
              await sql.query("INSERT INTO tx_probe VALUES (2)");
              await sql.query("INSERT INTO tx_probe VALUES (1)"); // a duplicate: 23505
            }),
            (e: Error & { code?: string }) => e.code === "23505",
          );
          await assert.rejects(
            db.transaction(async (sql) => {
              await sql.query("INSERT INTO tx_probe VALUES (3)");
              throw new Error("the caller changed its mind");
            }),
            /changed its mind/,
          );
          // One connection in the pool: each failure gave it back, rolled back.
          const rows = await db.query<{ n: number }>("SELECT n FROM tx_probe ORDER BY n");
          assert.deepEqual(rows.map((r) => r.n), [1]);
        } finally {
          await db.close();
        }
      },
    );

    await t.step("a non-superuser owner is fenced by row-level security too", async () => {
      await pg.psql(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kiriwake_app') THEN
          CREATE ROLE kiriwake_app NOLOGIN; END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'collector_login') THEN
          CREATE ROLE collector_login LOGIN; END IF;
      END $$; GRANT kiriwake_app TO collector_login`);
      await pg.psql("CREATE DATABASE owned OWNER collector_login");
      const url = pg.url("owned").replace(`${pg.user}@`, "collector_login@");
      const db = openPostgres(url);
      try {
        await migrate(db);
        await ensurePartitions(db, new Date());
        const store = new ReportStore(db, () => newReceipt("alnum"));
        await store.ingest(Scope.tenant("acme"), await newReport("acme"));
        assert.equal(await store.count(Scope.tenant("acme")), 1);
        // The owner itself, outside the data-access layer, with no tenant: nothing.
        const [row] = await db.query<{ n: number; su: boolean }>(
          "SELECT (SELECT count(*)::int FROM reports) AS n, usesuper AS su FROM pg_user WHERE usename = current_user",
        );
        assert.deepEqual(row, { n: 0, su: false });
      } finally {
        await db.close();
      }
    });
  });
});
