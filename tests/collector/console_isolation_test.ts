/**
 * The console's tenant isolation suite (`console_isolation.ts`) on PGlite and on a real
 * PostgreSQL.
 */
import { openPostgres } from "../../collector/db_postgres.ts";
import { migrate } from "../../collector/migrate.ts";
import { ensurePartitions } from "../../collector/partitions.ts";
import { memoryDatabase } from "../../collector/testing.ts";
import { postgresTestOptions, withPostgres } from "../support/postgres.ts";
import { isolationSuite } from "./console_isolation.ts";

Deno.test("console isolation on PGlite: no route crosses tenants", async (t) => {
  const db = await memoryDatabase();
  try {
    await isolationSuite(t, db);
  } finally {
    await db.close();
  }
});

Deno.test(
  "console isolation on PostgreSQL: no route crosses tenants",
  postgresTestOptions(),
  async (t) => {
    await withPostgres(async (pg) => {
      const db = openPostgres(await pg.createDatabase());
      try {
        await migrate(db);
        await ensurePartitions(db, new Date());
        await isolationSuite(t, db);
      } finally {
        await db.close();
      }
    });
  },
);
