import assert from "node:assert/strict";
import { generateEd25519, importVerifyKeys, toBase64 } from "../util/crypto.ts";
import { readStatus, signStatus, type StatusPayload } from "./status_document.ts";

const PAYLOAD: StatusPayload = {
  schema: "kiriwake.status/v1",
  issuedAt: "2026-12-01T00:00:00Z",
  expiresAt: "2026-12-08T00:00:00Z",
  product: "kiriwake",
  latestVersion: "0.2.0",
  minimumVersion: "0.1.0",
  terms: { version: "1.0" },
  revokedLicences: ["lic-7"],
  notices: [{ id: "maint", severity: "warn", text: { ja: "保守作業", en: "Maintenance" } }],
};

Deno.test("signStatus() makes an envelope readStatus() verifies with the signer's key only", async () => {
  const pair = await generateEd25519();
  const other = await generateEd25519();
  const text = await signStatus(PAYLOAD, pair);
  const keys = await importVerifyKeys([pair.publicKey], "status.publicKeys");
  const ok = await readStatus(text, keys);
  assert.ok(ok.state === "ok");
  assert.deepEqual(ok.payload, PAYLOAD);
  assert.equal(ok.verified, true);
  const foreign = await readStatus(text, await importVerifyKeys([other.publicKey], "k"));
  assert.deepEqual(foreign.state === "rejected" && foreign.problem, "unknown-key");
  // Unverified reading (the provider's own file) still checks the payload.
  const own = await readStatus(text, null);
  assert.ok(own.state === "ok" && own.verified === false);
});

Deno.test("readStatus() refuses a changed payload, a broken envelope and an invalid payload", async () => {
  const pair = await generateEd25519();
  const keys = await importVerifyKeys([pair.publicKey], "k");
  const env = JSON.parse(await signStatus(PAYLOAD, pair));
  const forged = { ...PAYLOAD, revokedLicences: [] };
  env.payload = toBase64(new TextEncoder().encode(JSON.stringify(forged)));
  const r1 = await readStatus(JSON.stringify(env), keys);
  assert.deepEqual(r1.state === "rejected" && r1.problem, "bad-signature");
  const r2 = await readStatus("{", keys);
  assert.deepEqual(r2.state === "rejected" && r2.problem, "malformed");
  const r3 = await readStatus(JSON.stringify({ ...env, extra: 1 }), keys);
  assert.ok(r3.state === "rejected" && /extra/.test(r3.detail));
  await assert.rejects(
    signStatus({ ...PAYLOAD, expiresAt: "2026-11-01T00:00:00Z" }, pair),
    /expiresAt: must be later than issuedAt/,
  );
  await assert.rejects(signStatus({ ...PAYLOAD, latestVersion: "new" }, pair), /latestVersion/);
});
