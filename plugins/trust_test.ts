import assert from "node:assert/strict";
import { decideTrust, type UnsignedPolicy } from "./trust.ts";

const POLICIES: UnsignedPolicy[] = ["refuse", "warn", "allow"];

Deno.test("decideTrust() accepts a valid signature under every policy", () => {
  for (const p of POLICIES) {
    assert.deepEqual(decideTrust({ state: "valid", keyId: "k" }, p), {
      allowed: true,
      signedBy: "k",
    });
  }
});

Deno.test("decideTrust() refuses a signature that does not verify under every policy", () => {
  for (const p of POLICIES) {
    const d = decideTrust({ state: "invalid", reason: "tampered" }, p);
    assert.equal(d.allowed, false);
    if (!d.allowed) {
      assert.equal(d.kind, "invalid");
      assert.match(d.reason.en, /does not verify: tampered/);
    }
  }
});

Deno.test("decideTrust() applies the policy to unsigned manifests", () => {
  const refused = decideTrust(null, "refuse");
  assert.equal(refused.allowed, false);
  if (!refused.allowed) assert.equal(refused.kind, "refused");
  const warned = decideTrust(null, "warn");
  assert.equal(warned.allowed, true);
  if (warned.allowed) assert.match(warned.warning!.en, /unsigned/);
  assert.deepEqual(decideTrust(null, "allow"), { allowed: true, signedBy: null });
});
