import assert from "node:assert/strict";
import { checkBrand, targetOs } from "./brand_check.ts";
import { TARGETS } from "./compile_args.ts";
import { sha256Hex } from "../util/crypto.ts";

// Brand JSON as a provider edits it: any shape, right or wrong.
// deno-lint-ignore no-explicit-any
type Json = any;
const DEFAULT: Json = JSON.parse(
  await Deno.readTextFile(new URL("../brand/brand.json", import.meta.url)),
);

/** A provider's brand: the default with other names and its own terms text. */
async function providerBrand() {
  const b: Json = structuredClone(DEFAULT);
  b.id = "example-isp";
  b.product = "Example ISP 接続診断";
  b.terms.version = "2.1";
  b.terms.text.en = "Example ISP terms, version 2.1.";
  b.terms.sha256 = { ja: await sha256Hex(b.terms.text.ja), en: await sha256Hex(b.terms.text.en) };
  return b;
}

Deno.test("checkBrand() passes the default brand for every target", async () => {
  const r = await checkBrand(DEFAULT, TARGETS);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.brand.id, "kiriwake");
});

Deno.test("checkBrand() passes a provider's brand with matching hashes", async () => {
  const r = await checkBrand(await providerBrand(), ["x86_64-pc-windows-msvc"]);
  assert.ok(r.ok, JSON.stringify(r));
});

Deno.test("checkBrand() names a terms text that does not match its hash, with the actual hash", async () => {
  const b = await providerBrand();
  b.terms.text.en += " Changed after hashing.";
  const r = await checkBrand(b, []);
  assert.ok(!r.ok);
  const actual = await sha256Hex(b.terms.text.en);
  assert.deepEqual(r.problems, [
    `terms.sha256.en: does not match terms.text.en, whose SHA-256 is ${actual}`,
  ]);
});

Deno.test("checkBrand() names every bad key, unknown field and wrong run-config field at once", async () => {
  const b = await providerBrand();
  b.licence = { required: true, publicKeys: [], clockSkewSeconds: 300 };
  b.plugins = { unsigned: "refuse", publicKeys: ["not-a-key"] };
  b.colour = "blue";
  let r = await checkBrand(b, []);
  assert.ok(!r.ok);
  assert.ok(r.problems.some((p) => p.startsWith("plugins.publicKeys[0]: not a base64 Ed25519")));
  assert.ok(r.problems.some((p) => p.includes("colour")), r.problems.join("\n"));
  // Once the schema holds, the cross-field rules speak.
  delete b.colour;
  b.plugins.publicKeys = [];
  b.defaultConfig = {
    tcp: { targets: [{ host: "203.0.113.1", port: 70000 }] },
    http: {
      targets: [{ url: "https://portal.example.net/", resolver: "isp", caCertFile: "ca.pem" }],
    },
  };
  r = await checkBrand(b, []);
  assert.ok(!r.ok);
  assert.deepEqual(r.problems, [
    "licence.publicKeys: empty while licence.required is true: no licence could verify",
    'plugins.publicKeys: empty while plugins.unsigned is "refuse": no manifest could load',
    r.problems[2],
  ]);
  assert.match(r.problems[2], /^defaultConfig\.tcp\.targets\[0\]\.port: /);
  b.defaultConfig = {
    http: {
      targets: [{ url: "https://portal.example.net/", resolver: "isp", caCertFile: "ca.pem" }],
    },
  };
  r = await checkBrand(b, []);
  assert.ok(!r.ok);
  assert.deepEqual(r.problems.slice(2), [
    "defaultConfig.http.targets[0].caCertFile: use caCerts (PEM text) in a brand",
    'defaultConfig.http.targets[0].resolver: no resolver named "isp" in dns.resolvers',
  ]);
});

Deno.test("checkBrand() refuses targets for an OS the brand does not support", async () => {
  const b = await providerBrand();
  b.os = { supported: ["windows", "darwin"], elsewhere: "refuse" };
  const r = await checkBrand(b, ["x86_64-pc-windows-msvc", "aarch64-unknown-linux-gnu"]);
  assert.ok(!r.ok);
  assert.deepEqual(r.problems, [
    "os.supported: lists windows, darwin, not linux, so aarch64-unknown-linux-gnu is not built for this brand",
  ]);
  assert.deepEqual(TARGETS.map(targetOs), ["windows", "darwin", "darwin", "linux", "linux"]);
});
