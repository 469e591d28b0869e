import assert from "node:assert/strict";
import { memoryDatabase } from "./testing.ts";
import { Scope, tenantCondition, textArray } from "./scoped.ts";

Deno.test("textArray() round-trips any text through PostgreSQL as one text[] parameter", async () => {
  const db = await memoryDatabase();
  try {
    const odd = [
      "acme",
      'a "quoted", tenant',
      "{braces}",
      "back\\slash",
      "",
      "NULL",
      "日本語 テナント",
    ];
    const [row] = await db.query<{ a: string[] }>("SELECT ($1::text)::text[] AS a", [
      textArray(odd),
    ]);
    assert.deepEqual(row.a, odd);
  } finally {
    await db.close();
  }
});

Deno.test("tenantCondition() names a tenant scope's tenant whatever is asked, and narrows all-tenants on request", () => {
  const p: unknown[] = [];
  assert.equal(tenantCondition(Scope.tenant("acme"), "r.tenant", p, "globex"), "r.tenant = $1");
  assert.deepEqual(p, ["acme"]);
  assert.equal(tenantCondition(Scope.allTenants("x"), "tenant", p), "TRUE");
  assert.equal(tenantCondition(Scope.allTenants("x"), "tenant", p, "globex"), "tenant = $2");
  assert.throws(
    () => tenantCondition(Scope.withdrawal("a".repeat(64)), "t", p),
    /tenant or all tenants/,
  );
});
