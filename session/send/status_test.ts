import assert from "node:assert/strict";
import { join } from "node:path";
import { BRAND } from "../../brand/brand.ts";
import { loadBrand } from "../../brand/schema.ts";
import { signStatus, type StatusPayload } from "../../consent/status_document.ts";
import { generateEd25519 } from "../../util/crypto.ts";
import { checkStatus, type StatusResult } from "./status.ts";
import { fakeCollector } from "./testing.ts";

const pair = await generateEd25519();
const other = await generateEd25519();
const now = new Date("2026-12-03T09:00:00Z");
const payload = (over: Partial<StatusPayload> = {}): StatusPayload => ({
  schema: "kiriwake.status/v1",
  issuedAt: "2026-12-03T00:00:00Z",
  expiresAt: "2026-12-10T00:00:00Z",
  product: BRAND.id,
  latestVersion: "0.1.0",
  terms: { version: BRAND.terms.version },
  revokedLicences: [],
  notices: [],
  ...over,
});

function meaning(r: StatusResult) {
  if (r.source === "none") throw new Error(`no status: ${r.why}`);
  return r.meaning;
}

async function setup() {
  const fake = fakeCollector();
  const dir = await Deno.makeTempDir({ prefix: "kw-status-" });
  const brand = loadBrand({
    ...structuredClone(BRAND),
    collector: { urls: [fake.url] },
    status: { publicKeys: [pair.publicKey] },
  });
  return { fake, dir, brand, input: { brand, dataDir: join(dir, "data"), now, licenceId: "L-9" } };
}

Deno.test("checkStatus() refuses a revoked licence and remembers it offline", async () => {
  const s = await setup();
  try {
    s.fake.statusText = await signStatus(
      payload({ revokedLicences: ["L-9"], latestVersion: "0.9.0" }),
      pair,
    );
    const online = await checkStatus(s.input);
    assert.equal(online.source, "fetched");
    assert.ok(meaning(online).revoked);
    assert.ok(meaning(online).update?.latest === "0.9.0");
    await s.fake.close();
    const offline = await checkStatus(s.input);
    assert.equal(offline.source, "cached");
    assert.ok(meaning(offline).revoked);
    // Once it expires, offline means "works as before".
    const later = await checkStatus({ ...s.input, now: new Date("2026-12-11T00:00:00Z") });
    assert.equal(later.source, "none");
  } finally {
    await s.fake.close().catch(() => {});
    await Deno.remove(s.dir, { recursive: true });
  }
});

Deno.test("checkStatus() ignores forged, foreign, expired and rolled-back documents", async () => {
  const s = await setup();
  try {
    s.fake.statusText = await signStatus(payload({ revokedLicences: ["L-9"] }), other);
    const forged = await checkStatus(s.input);
    assert.equal(forged.source, "none");
    assert.match(forged.source === "none" ? forged.why : "", /unknown-key/);
    s.fake.statusText = await signStatus(payload({ product: "another-isp" }), pair);
    assert.equal((await checkStatus(s.input)).source, "none");
    s.fake.statusText = await signStatus(
      payload({ issuedAt: "2026-11-01T00:00:00Z", expiresAt: "2026-11-08T00:00:00Z" }),
      pair,
    );
    assert.equal((await checkStatus(s.input)).source, "none");
    // A newer document is kept; an older one served later does not undo its revocation.
    s.fake.statusText = await signStatus(
      payload({ issuedAt: "2026-12-03T08:00:00Z", revokedLicences: ["L-9"] }),
      pair,
    );
    assert.equal((await checkStatus(s.input)).source, "fetched");
    s.fake.statusText = await signStatus(payload({ issuedAt: "2026-12-02T00:00:00Z" }), pair);
    const rolled = await checkStatus(s.input);
    assert.equal(rolled.source, "cached");
    assert.ok(meaning(rolled).revoked);
  } finally {
    await s.fake.close();
    await Deno.remove(s.dir, { recursive: true });
  }
});

Deno.test("checkStatus() fetches nothing for a brand without status keys", async () => {
  const s = await setup();
  try {
    s.fake.statusText = await signStatus(payload(), pair);
    const r = await checkStatus({ ...s.input, brand: { ...s.brand, status: { publicKeys: [] } } });
    assert.equal(r.source, "none");
    assert.equal(s.fake.uploads, 0);
  } finally {
    await s.fake.close();
    await Deno.remove(s.dir, { recursive: true });
  }
});
