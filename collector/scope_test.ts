import assert from "node:assert/strict";
import { requireScope, Scope } from "./scope.ts";

Deno.test("Scope.tenant() requires a tenant: missing, empty or blank values are refused", () => {
  // deno-lint-ignore no-explicit-any
  for (const bad of [undefined, null, "", "  ", 42, "x".repeat(201)] as any[]) {
    assert.throws(() => Scope.tenant(bad), TypeError, String(bad));
  }
  assert.deepEqual(Scope.tenant("acme").settings(), {
    tenant: "acme",
    allTenants: "off",
    deletionSha256: "",
  });
});

Deno.test("Scope.allTenants() is an explicit capability with an actor; withdrawal needs a hash", () => {
  assert.throws(() => Scope.allTenants(""), /actor/);
  assert.deepEqual(Scope.allTenants("admin:alice").settings(), {
    tenant: "",
    allTenants: "on",
    deletionSha256: "",
  });
  assert.throws(() => Scope.withdrawal("not-a-hash"), /SHA-256/);
  assert.equal(Scope.withdrawal("a".repeat(64)).settings().deletionSha256, "a".repeat(64));
});

Deno.test("requireScope() refuses look-alikes and Scope's constructor cannot be called", () => {
  assert.throws(() => requireScope({ kind: "all-tenants", tenant: null }), TypeError);
  assert.throws(() => requireScope(undefined), TypeError);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => new (Scope as any)(Symbol("scope"), "all-tenants", {}), TypeError);
  assert.ok(Object.isFrozen(Scope.tenant("acme")));
});
