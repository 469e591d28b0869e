/**
 * The console's data-access cases against a real PostgreSQL (the same cases PGlite runs in
 * `collector/console_store_pglite_test.ts`): the same SQL, the same row-level security.
 */
import { openPostgres } from "../../collector/db_postgres.ts";
import { migrate } from "../../collector/migrate.ts";
import { ensurePartitions } from "../../collector/partitions.ts";
import { CONSOLE_CASES } from "../../collector/testing_console_cases.ts";
import { postgresTestOptions, withPostgres } from "../support/postgres.ts";

Deno.test("console store on PostgreSQL", postgresTestOptions(), async (t) => {
  await withPostgres(async (pg) => {
    for (const c of CONSOLE_CASES) {
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
  });
});
