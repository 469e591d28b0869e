import assert from "node:assert/strict";
import { announcements, compareVersions, evaluateStatus, type KitFacts } from "./status_check.ts";
import type { StatusPayload } from "./status_document.ts";

const payload = (over: Partial<StatusPayload> = {}): StatusPayload => ({
  schema: "kiriwake.status/v1",
  issuedAt: "2026-12-01T00:00:00Z",
  expiresAt: "2026-12-08T00:00:00Z",
  product: "kiriwake",
  latestVersion: "0.1.0",
  terms: { version: "1.1" },
  revokedLicences: [],
  notices: [],
  ...over,
});
const kit: KitFacts = {
  product: "kiriwake",
  version: "0.1.0",
  termsVersion: "1.1",
  licenceId: "L-9",
};

Deno.test("evaluateStatus() refuses only the licence whose own id is listed", () => {
  assert.equal(evaluateStatus(payload({ revokedLicences: ["L-9"] }), kit).revoked, true);
  assert.equal(
    evaluateStatus(payload({ revokedLicences: ["L-1", "C-000123"] }), kit).revoked,
    false,
  );
  const none = { ...kit, licenceId: undefined };
  assert.equal(evaluateStatus(payload({ revokedLicences: ["L-9"] }), none).revoked, false);
});

Deno.test("evaluateStatus() announces newer versions, a minimum above this one and new terms", () => {
  const same = evaluateStatus(payload(), kit);
  assert.deepEqual([same.update, same.newTerms, announcements(same, kit)], [null, null, []]);
  const newer = evaluateStatus(payload({ latestVersion: "0.2.0" }), kit);
  assert.deepEqual(newer.update, { latest: "0.2.0", required: false });
  const must = evaluateStatus(payload({ latestVersion: "0.3.0", minimumVersion: "0.2.0" }), kit);
  assert.deepEqual(must.update, { latest: "0.3.0", required: true });
  const terms = evaluateStatus(payload({ terms: { version: "2.0" } }), kit);
  assert.equal(terms.newTerms, "2.0");
  const lines = announcements({
    ...must,
    newTerms: "2.0",
    notices: [{ id: "n", severity: "warn", text: { ja: "工事\u001b[31m", en: "Works\u001b[31m" } }],
  }, kit);
  assert.equal(lines.length, 3);
  assert.match(lines[0].en, /no longer supported.*0\.3\.0/);
  assert.match(lines[1].en, /terms are now version 2\.0/);
  assert.equal(lines[2].en, "⚠ Works [31m", "no escape reaches the terminal");
});

Deno.test("compareVersions() orders releases and pre-releases", () => {
  assert.ok(compareVersions("0.2.0", "0.1.9") > 0);
  assert.ok(compareVersions("1.0.0", "1.0.0-rc.1") > 0);
  assert.ok(compareVersions("1.0.0-rc.1", "1.0.0-rc.2") < 0);
  assert.equal(compareVersions("1.2.3", "1.2.3"), 0);
  assert.ok(compareVersions("0.10.0", "0.9.0") > 0);
});
