import assert from "node:assert/strict";
import { join } from "node:path";
import { InvalidInputError, RefusedError } from "../util/errors.ts";
import { BUILTIN_IDS } from "../probes/mod.ts";
import { loadManifest, signaturePath } from "./manifest_load.ts";
import { generateSigningKey, signManifest, verifyManifest } from "./signature.ts";
import { decodePublicKey, keyIdOf, toBase64 } from "../util/crypto.ts";
import { writeManifest } from "./testing.ts";

const CODE = `export default () => ({ status: "ok", summary: { ja: "a", en: "a" } });\n`;

async function signedDir() {
  const dir = await Deno.makeTempDir({ prefix: "kw-sig-" });
  const path = await writeManifest(dir, [{ id: "t.p", file: "p.ts", code: CODE, kind: "module" }]);
  const key = await generateSigningKey();
  const sig = await signManifest(await Deno.readFile(path), key);
  await Deno.writeTextFile(signaturePath(path), JSON.stringify(sig));
  return { dir, path, key, sig };
}

const opts = (publicKeys: string[], unsigned: "refuse" | "warn" | "allow" = "refuse") => ({
  unsigned,
  publicKeys,
  builtinIds: BUILTIN_IDS,
});

Deno.test("signManifest() and verifyManifest() agree; raw and SPKI keys both work", async () => {
  const key = await generateSigningKey();
  const bytes = new TextEncoder().encode('{"a":1}');
  const sig = await signManifest(bytes, key);
  assert.equal(sig.keyId, key.keyId);
  assert.deepEqual(await verifyManifest(bytes, sig, [key.publicKey]), {
    state: "valid",
    keyId: key.keyId,
  });
  const spki = new Uint8Array([
    0x30,
    0x2a,
    0x30,
    0x05,
    0x06,
    0x03,
    0x2b,
    0x65,
    0x70,
    0x03,
    0x21,
    0x00,
    ...decodePublicKey(key.publicKey)!,
  ]);
  assert.equal((await verifyManifest(bytes, sig, [toBase64(spki)])).state, "valid");
  assert.equal(await keyIdOf(decodePublicKey(toBase64(spki))!), key.keyId);
});

Deno.test("loadManifest() accepts a manifest signed by a trusted key, even when unsigned ones are refused", async () => {
  const { dir, path, key } = await signedDir();
  try {
    const m = await loadManifest(path, opts([key.publicKey]));
    assert.equal(m.signedBy, key.keyId);
    assert.deepEqual(m.warnings, []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadManifest() refuses a manifest changed after it was signed", async () => {
  const { dir, path, key } = await signedDir();
  try {
    const text = await Deno.readTextFile(path);
    await Deno.writeTextFile(path, text.replace('"timeoutMs": 30000', '"timeoutMs": 29000'));
    await assert.rejects(loadManifest(path, opts([key.publicKey], "allow")), (e: unknown) => {
      assert.ok(e instanceof InvalidInputError);
      assert.match(
        e.message,
        /signature does not verify: the signature by key [0-9a-f]{16} does not match/,
      );
      return true;
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadManifest() refuses a plugin file changed after the manifest was signed", async () => {
  const { dir, path, key } = await signedDir();
  try {
    await Deno.writeTextFile(join(dir, "p.ts"), CODE.replace('"ok"', '"fail"'));
    await assert.rejects(
      loadManifest(path, opts([key.publicKey])),
      /probes\[0\] \(t\.p\)\.module\.sha256: "p\.ts" has SHA-256 [0-9a-f]{64}, the manifest says/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadManifest() refuses a bad signature and a key it does not trust", async () => {
  const { dir, path, key, sig } = await signedDir();
  try {
    const other = await generateSigningKey();
    await assert.rejects(
      loadManifest(path, opts([other.publicKey], "allow")),
      /signed by key [0-9a-f]{16}, which is not one of this build's trusted keys/,
    );
    const flipped = toBase64(new Uint8Array(64).fill(7));
    await Deno.writeTextFile(signaturePath(path), JSON.stringify({ ...sig, signature: flipped }));
    await assert.rejects(loadManifest(path, opts([key.publicKey])), /does not match the manifest/);
    await Deno.writeTextFile(signaturePath(path), JSON.stringify({ ...sig, colour: 1 }));
    await assert.rejects(
      loadManifest(path, opts([key.publicKey])),
      /signature ".*\.sig": .*colour/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadManifest() applies the brand's policy to unsigned manifests", async () => {
  const { dir, path, key } = await signedDir();
  try {
    await Deno.remove(signaturePath(path));
    await assert.rejects(loadManifest(path, opts([key.publicKey], "refuse")), (e: unknown) => {
      assert.ok(e instanceof RefusedError);
      assert.match(e.message, /refuses unsigned plugin manifests/);
      return true;
    });
    const warned = await loadManifest(path, opts([], "warn"));
    assert.equal(warned.warnings.length, 1);
    assert.equal((await loadManifest(path, opts([], "allow"))).warnings.length, 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
