import assert from "node:assert/strict";
import { BRAND } from "../brand/brand.ts";
import { type BrandInput, loadBrand } from "../brand/schema.ts";
import { currentTerms, termsFacts } from "./terms.ts";
import { sha256Hex } from "../util/crypto.ts";

Deno.test("the default brand declares the true SHA-256 of both terms texts", async () => {
  const facts = await termsFacts(BRAND);
  assert.deepEqual(facts.actual, facts.declared);
  assert.equal(facts.actual.ja, await sha256Hex(BRAND.terms.text.ja));
  const en = await currentTerms(BRAND, "en");
  assert.equal(en.sha256, facts.actual.en);
  assert.equal(en.version, BRAND.terms.version);
});

Deno.test("the default terms say what the issue requires, in both languages", () => {
  const { ja, en } = BRAND.terms.text;
  for (
    const needle of [
      "troubleshooting",
      "contract",
      "Windows, macOS and Linux",
      "without warranty",
      "kiriwake terms revoke",
      "identifiers",
      "masked",
    ]
  ) {
    assert.ok(en.includes(needle), needle);
  }
  for (
    const needle of [
      "トラブルシューティング",
      "契約",
      "対応 OS",
      "いかなる保証もしません",
      "kiriwake terms revoke",
      "識別子",
      "伏せ字",
    ]
  ) {
    assert.ok(ja.includes(needle), needle);
  }
  assert.ok(
    ja.includes(`第 ${BRAND.terms.version} 版`) && en.includes(`version ${BRAND.terms.version}`),
  );
});

Deno.test("loadBrand() refuses a malformed terms hash or licence key", () => {
  const input = structuredClone(BRAND) as BrandInput;
  assert.throws(
    () =>
      loadBrand({
        ...input,
        terms: { ...input.terms, sha256: { ja: "x", en: input.terms.sha256.en } },
      }),
    /terms\.sha256\.ja: must be 64 lowercase hex digits/,
  );
  assert.throws(
    () => loadBrand({ ...input, licence: { required: true, publicKeys: ["AAAA"] } }),
    /licence\.publicKeys\[0\]: not a base64 Ed25519 public key/,
  );
});
