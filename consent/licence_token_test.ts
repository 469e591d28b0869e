import assert from "node:assert/strict";
import { join } from "node:path";
import { decodePublicKey, fromBase64, importVerifyKeys, toBase64 } from "../util/crypto.ts";
import {
  installLicence,
  MAX_LICENCE_BYTES,
  readInstalledLicence,
  readLicenceFile,
} from "./licence_store.ts";
import {
  generateKeyPair,
  type LicenceClaims,
  parseKeyPairFile,
  signLicence,
  verifyLicenceToken,
} from "./licence_token.ts";

const NOW = new Date("2027-02-01T00:00:00Z");
const claims: LicenceClaims = {
  schema: "kiriwake.licence/v1",
  id: "lic-1",
  licensee: { id: "C-42", name: "山田 太郎" },
  product: "kiriwake",
  services: ["fiber", "ipv6"],
  notBefore: "2027-01-01T00:00:00.000Z",
  notAfter: "2027-03-31T23:59:59.999Z",
  issuedAt: "2026-12-01T00:00:00.000Z",
};

const provider = await generateKeyPair(NOW);
const stranger = await generateKeyPair(NOW);
const keys = await importVerifyKeys([provider.publicKey], "licence.publicKeys");

/** Re-encodes a token with one field replaced. */
function edit(token: string, f: (t: Record<string, string>) => void): string {
  const t = JSON.parse(token);
  f(t);
  return JSON.stringify(t);
}

Deno.test("verifyLicenceToken() accepts what signLicence() issued, claims intact", async () => {
  const token = await signLicence(claims, provider);
  const ev = await verifyLicenceToken(token, keys);
  assert.deepEqual(ev, { state: "verified", keyId: provider.keyId, claims });
});

Deno.test("verifyLicenceToken() rejects tampered, truncated and foreign tokens with the reason", async () => {
  const token = await signLicence(claims, provider);
  const payload = JSON.parse(token).payload as string;
  const longer = toBase64(new TextEncoder().encode(
    new TextDecoder().decode(fromBase64(payload)!).replace("2027-03-31", "2099-03-31"),
  ));
  const cases: [string, string, string][] = [
    ["payload edited", edit(token, (t) => (t.payload = longer)), "bad-signature"],
    [
      "signature edited",
      edit(token, (t) => {
        const s = fromBase64(t.signature)!;
        s[10] ^= 1;
        t.signature = toBase64(s);
      }),
      "bad-signature",
    ],
    ["truncated", token.slice(0, Math.floor(token.length / 2)), "malformed"],
    ["empty", "", "malformed"],
    ["not a token", JSON.stringify({ hello: "world" }), "malformed"],
    ["extra field", edit(token, (t) => (t.extra = "x")), "malformed"],
    ["junk in base64", edit(token, (t) => (t.payload = t.payload + "!")), "malformed"],
    [
      "short signature",
      edit(token, (t) => (t.signature = toBase64(new Uint8Array(32)))),
      "malformed",
    ],
    ["foreign key", await signLicence(claims, stranger), "unknown-key"],
    // A stranger's signature under the provider's key id is still not the provider's.
    [
      "foreign key, borrowed id",
      edit(await signLicence(claims, stranger), (t) => (t.keyId = provider.keyId)),
      "bad-signature",
    ],
  ];
  for (const [name, text, problem] of cases) {
    const ev = await verifyLicenceToken(text, keys);
    assert.equal(ev.state, "rejected", name);
    assert.equal(ev.state === "rejected" && ev.problem, problem, name);
  }
  const noKeys = await verifyLicenceToken(token, []);
  assert.equal(noKeys.state === "rejected" && noKeys.problem, "unknown-key");
});

Deno.test("verifyLicenceToken() rejects signed claims that are not a licence", async () => {
  // Signed correctly, but the provider's tool was bypassed: the claims must still validate.
  const privateKey = await crypto.subtle.importKey(
    "pkcs8",
    fromBase64(provider.privateKey) as Uint8Array<ArrayBuffer>,
    { name: "Ed25519" },
    false,
    ["sign"],
  );
  const payload = new TextEncoder().encode(JSON.stringify({ ...claims, services: [] }));
  const sig = new Uint8Array(await crypto.subtle.sign("Ed25519", privateKey, payload));
  const token = JSON.stringify({
    schema: "kiriwake.licence-token/v1",
    keyId: provider.keyId,
    payload: toBase64(payload),
    signature: toBase64(sig),
  });
  const ev = await verifyLicenceToken(token, keys);
  assert.equal(ev.state === "rejected" && ev.problem, "malformed");
  assert.match(ev.state === "rejected" ? ev.detail : "", /payload: services/);
});

Deno.test("signLicence() refuses a window that ends before it starts", async () => {
  await assert.rejects(
    signLicence({ ...claims, notAfter: claims.notBefore }, provider),
    /notAfter: must be later than notBefore/,
  );
});

Deno.test("readLicenceFile() turns missing, oversized, binary and directory files into evidence", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kw-lic-" });
  try {
    assert.deepEqual(await readInstalledLicence(dir, keys), { state: "none" });
    const big = join(dir, "big.json");
    await Deno.writeTextFile(big, " ".repeat(MAX_LICENCE_BYTES + 1));
    const binary = join(dir, "bin.json");
    await Deno.writeFile(binary, Uint8Array.from([0xff, 0xfe, 0x00, 0x81]));
    for (
      const [path, why] of [[big, /larger than/], [binary, /not UTF-8/], [
        dir,
        /not a regular file/,
      ]] as const
    ) {
      const ev = await readLicenceFile(path, keys);
      assert.equal(ev.state === "rejected" && ev.problem, "malformed", path);
      assert.match(ev.state === "rejected" ? ev.detail : "", why);
    }
    const installed = await installLicence(join(dir, "cfg"), await signLicence(claims, provider));
    assert.equal((await Deno.stat(installed)).mode! & 0o777, 0o600);
    assert.equal((await readInstalledLicence(join(dir, "cfg"), keys)).state, "verified");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("decodePublicKey() takes raw and SPKI base64 alike and nothing else", async () => {
  const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ]) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", pair.publicKey));
  assert.deepEqual(decodePublicKey(toBase64(raw)), raw);
  assert.deepEqual(decodePublicKey(toBase64(spki)), raw);
  assert.equal(decodePublicKey(toBase64(raw.slice(1))), null);
  assert.equal(decodePublicKey("not base64!"), null);
  // An RSA-sized blob, or SPKI of another algorithm, is not an Ed25519 key.
  const other = spki.slice();
  other[8] = 0x71;
  assert.equal(decodePublicKey(toBase64(other)), null);
  assert.equal(fromBase64("QQ"), null, "unpadded base64 is refused");
  await assert.rejects(
    importVerifyKeys(["x"], "licence.publicKeys"),
    /licence\.publicKeys\[0\]: not an Ed25519 public key/,
  );
});

Deno.test("parseKeyPairFile() names the file and the field", () => {
  assert.deepEqual(parseKeyPairFile(JSON.stringify(provider), "k.json"), provider);
  assert.throws(() => parseKeyPairFile("{", "k.json"), /Cannot load key file "k\.json": not JSON/);
  assert.throws(
    () => parseKeyPairFile(JSON.stringify({ ...provider, publicKey: "AAAA" }), "k.json"),
    /k\.json.*publicKey: not a base64 raw key/,
  );
});
