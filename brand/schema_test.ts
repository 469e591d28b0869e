import assert from "node:assert/strict";
import { BRAND } from "./brand.ts";
import { type BrandInput, loadBrand } from "./schema.ts";

const CA = await Deno.readTextFile(new URL("../tests/fixtures/pki/ca.pem", import.meta.url));
const base = () => structuredClone(BRAND) as BrandInput;

Deno.test("loadBrand() defaults to no collector and no status keys", () => {
  const input = base();
  delete input.collector;
  delete input.status;
  const b = loadBrand(input);
  assert.deepEqual(b.collector, { urls: [], receiptStyle: "alnum" });
  assert.deepEqual(b.status, { publicKeys: [] });
});

Deno.test("loadBrand() takes collector URLs with a CA or public-key pin", () => {
  const b = loadBrand({
    ...base(),
    collector: {
      urls: ["https://support.example.jp/kiriwake", "http://127.0.0.1:8470"],
      pin: { caCerts: [CA] },
      receiptStyle: "digits",
    },
  });
  assert.deepEqual(b.collector.pin, { caCerts: [CA], spkiSha256: [] });
  assert.equal(b.collector.receiptStyle, "digits");
  const k = loadBrand({
    ...base(),
    collector: {
      urls: ["https://a.example"],
      pin: { spkiSha256: ["GWInEEkKyv8wUssDXKJi6tweqqIFWvQ2lK+R4mKgDlU="] },
    },
  });
  assert.equal(k.collector.pin?.spkiSha256.length, 1);
});

Deno.test("loadBrand() refuses unpinned https, plain http off loopback and bad pins", () => {
  const cases: [BrandInput["collector"], RegExp][] = [
    [{ urls: ["https://a.example"] }, /collector\.pin: an https:\/\/ collector needs a pin/],
    [{ urls: ["http://192.0.2.1"] }, /collector\.urls\[0\]: plain http:\/\/ is allowed only/],
    [{ urls: ["https://a.example"], pin: {} }, /collector\.pin: needs at least one/],
    [{ urls: [], pin: { caCerts: ["hello"] } }, /collector\.pin\.caCerts\[0\]: not one PEM/],
    [{ urls: [], pin: { spkiSha256: ["AAAA"] } }, /collector\.pin\.spkiSha256\[0\]: not a base64/],
  ];
  for (const [collector, why] of cases) {
    assert.throws(() => loadBrand({ ...base(), collector }), why, JSON.stringify(collector));
  }
  assert.throws(
    () => loadBrand({ ...base(), status: { publicKeys: ["AAAA"] } }),
    /status\.publicKeys\[0\]: not a base64 Ed25519/,
  );
});
