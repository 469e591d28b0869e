import { memoryDatabase } from "./testing.ts";
import { STORE_CASES } from "./testing_store_cases.ts";

// The same cases run against a real PostgreSQL in tests/collector/store_postgres_test.ts.
for (const c of STORE_CASES) {
  Deno.test(`ReportStore on PGlite: ${c.name}`, async () => {
    const db = await memoryDatabase();
    try {
      await c.run(db);
    } finally {
      await db.close();
    }
  });
}
