import { memoryDatabase } from "./testing.ts";
import { STORE_CASES } from "./testing_store_cases.ts";

// The same cases run against a real PostgreSQL in tests/collector/store_postgres_test.ts,
// each on a database of its own; here one PGlite (seconds to start) is emptied between cases.
Deno.test("ReportStore on PGlite", async (t) => {
  const db = await memoryDatabase();
  try {
    for (const c of STORE_CASES) {
      await db.exec("TRUNCATE reports, report_keys, tenants");
      await t.step(c.name, () => c.run(db));
    }
  } finally {
    await db.close();
  }
});
