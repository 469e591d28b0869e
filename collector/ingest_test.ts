import assert from "node:assert/strict";
import { importVerifyKeys } from "../util/crypto.ts";
import { type IngestContext, prepareUpload, UploadRejected } from "./ingest.ts";
import { PROVIDER_TENANT } from "./scope.ts";
import { distinctReport, licenceFixture, TEST_TIME_ZONE, uploadOf } from "./testing.ts";

const enc = (s: string) => new TextEncoder().encode(s);

async function context(revoked: string[] = []) {
  const lic = await licenceFixture();
  const ctx: IngestContext = {
    licenceKeys: await importVerifyKeys(lic.brand.licence.publicKeys, "k"),
    product: lic.brand.id,
    revoked: () => new Set(revoked),
    timeZone: TEST_TIME_ZONE,
  };
  return { lic, ctx };
}

async function rejection(bytes: Uint8Array, ctx: IngestContext): Promise<UploadRejected> {
  try {
    await prepareUpload(bytes, ctx);
  } catch (e) {
    if (e instanceof UploadRejected) return e;
    throw e;
  }
  throw new Error("the upload was accepted");
}

Deno.test("prepareUpload() accepts a valid upload and stores the report exactly as sent", async () => {
  const { ctx } = await context();
  const r = await distinctReport();
  const up = await uploadOf(r, { ticket: "チケット-7" });
  const p = await prepareUpload(enc(up.body), ctx);
  assert.equal(p.scope.tenant, PROVIDER_TENANT);
  assert.equal(p.report.digest, r.digest.value);
  assert.equal(p.report.ticket, "チケット-7");
  assert.deepEqual(JSON.parse(p.report.body), r);
  assert.equal(p.report.columns.reportId, r.id);
});

Deno.test("prepareUpload() names the reason of every refusal", async () => {
  const { ctx } = await context();
  const r = await distinctReport();
  const cases: [string | Uint8Array, string, string | undefined][] = [
    ["{not json", "invalid-json", undefined],
    [new Uint8Array([0x7b, 0xff, 0x7d]), "invalid-json", undefined],
    [
      JSON.stringify({
        schema: "kiriwake.upload/v9",
        report: r,
        deletion: { sha256: "a".repeat(64) },
      }),
      "bad-upload",
      "schema",
    ],
    [JSON.stringify({ schema: "kiriwake.upload/v1", report: r }), "bad-upload", "deletion"],
    [(await uploadOf(r, { ticket: "bad\nticket" })).body, "bad-upload", "ticket"],
    [(await uploadOf({ ...r, schema: "kiriwake.report/v0" })).body, "schema", "report.schema"],
    [(await uploadOf({ ...r, partial: "no" })).body, "schema", "report.partial"],
    [(await uploadOf({ ...r, extra: 1 })).body, "schema", "report"],
    [(await uploadOf({ ...r, id: "forged-id" })).body, "digest", "report.digest.value"],
  ];
  for (const [body, code, path] of cases) {
    const e = await rejection(typeof body === "string" ? enc(body) : body, ctx);
    assert.equal(e.code, code, `${code}: ${e.message}`);
    assert.equal(e.path, path, e.message);
  }
});

Deno.test("prepareUpload() refuses a report carrying U+0000, naming where", async () => {
  const { ctx } = await context();
  const r = await distinctReport({
    mutate: (x) => void (x.probes[0].evidence = [{ label: "out", text: "a\u0000b" }]),
  });
  const e = await rejection(enc((await uploadOf(r)).body), ctx);
  assert.equal(e.code, "schema");
  assert.equal(e.path, "report.probes[0].evidence[0].text");
});

Deno.test("prepareUpload() takes the tenant from a verified licence, never from the report", async () => {
  const { lic, ctx } = await context(["lic-revoked"]);
  // The report claims a licensee of its own: ignored.
  const r = await distinctReport({
    mutate: (x) => void (x.licence = { ...x.licence, licensee: "someone-else", status: "valid" }),
  });
  const tenantOf = async (licence?: string) =>
    (await prepareUpload(enc((await uploadOf(r, { licence })).body), ctx)).tenant;
  assert.deepEqual(await tenantOf(await lic.token("acme", "lic-1")), {
    tenant: "acme",
    licenceId: "lic-1",
    refusal: null,
  });
  assert.deepEqual(await tenantOf(), { tenant: PROVIDER_TENANT, licenceId: null, refusal: "none" });
  assert.equal((await tenantOf(await lic.token("acme", "lic-revoked"))).refusal, "revoked");
  assert.equal(
    (await tenantOf(await lic.token("acme", "lic-2", "other-brand"))).refusal,
    "wrong-product",
  );
  const stranger = await licenceFixture();
  assert.equal((await tenantOf(await stranger.token("acme", "lic-3"))).refusal, "unknown-key");
  const token = JSON.parse(await lic.token("acme", "lic-4"));
  token.signature = token.signature.replace(/^./, (c: string) => (c === "A" ? "B" : "A"));
  assert.equal((await tenantOf(JSON.stringify(token))).refusal, "bad-signature");
  assert.equal((await tenantOf("garbage")).tenant, PROVIDER_TENANT);
});
