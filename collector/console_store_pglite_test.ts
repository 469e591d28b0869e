import { memoryDatabase } from "./testing.ts";
import { CONSOLE_CASES } from "./testing_console_cases.ts";

// The same cases run against a real PostgreSQL in tests/collector/console_store_postgres_test.ts.
for (const c of CONSOLE_CASES) {
  Deno.test(`console store on PGlite: ${c.name}`, async () => {
    const db = await memoryDatabase();
    try {
      await c.run(db);
    } finally {
      await db.close();
    }
  });
}
