import assert from "node:assert/strict";
import { join } from "node:path";
import { generateSigningKey } from "../plugins/signature.ts";
import {
  parseSigningKey,
  publicKeyPem,
  releaseFiles,
  SIG,
  signSums,
  SUMS,
  sumsText,
  verifyRelease,
} from "./release_sums.ts";
import { sha256Hex } from "../util/crypto.ts";

async function release() {
  const dir = await Deno.makeTempDir({ prefix: "kiriwake-release-" });
  await Deno.writeTextFile(join(dir, "kiriwake-x86_64-pc-windows-msvc.exe"), "MZ windows");
  await Deno.writeTextFile(join(dir, "kiriwake-aarch64-apple-darwin"), "macho");
  await Deno.writeTextFile(join(dir, "kiriwake-0.1.0.cdx.json"), "{}");
  await Deno.mkdir(join(dir, ".build-1"));
  await Deno.writeTextFile(join(dir, ".hidden"), "not shipped");
  return dir;
}

Deno.test("sumsText() lists every shipped file in sha256sum format, sorted", async () => {
  const dir = await release();
  try {
    assert.deepEqual(await releaseFiles(dir), [
      "kiriwake-0.1.0.cdx.json",
      "kiriwake-aarch64-apple-darwin",
      "kiriwake-x86_64-pc-windows-msvc.exe",
    ]);
    const text = await sumsText(dir);
    assert.equal(text.split("\n")[1], `${await sha256Hex("macho")}  kiriwake-aarch64-apple-darwin`);
    assert.ok(text.endsWith("\n"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("signSums() and verifyRelease() round-trip, and catch a swapped binary or a foreign key", async () => {
  const dir = await release();
  try {
    const key = parseSigningKey(JSON.stringify(await generateSigningKey()));
    await Deno.writeTextFile(join(dir, SUMS), await sumsText(dir));
    await Deno.writeFile(join(dir, SIG), await signSums(await Deno.readFile(join(dir, SUMS)), key));
    assert.equal((await Deno.readFile(join(dir, SIG))).length, 64, "raw Ed25519 signature");
    assert.deepEqual(await verifyRelease(dir, key.publicKey), []);

    const other = await generateSigningKey();
    assert.deepEqual(await verifyRelease(dir, other.publicKey), [
      `${SIG}: not a signature of ${SUMS} by key ${other.keyId}`,
    ]);
    await Deno.writeTextFile(join(dir, "kiriwake-aarch64-apple-darwin"), "tampered");
    assert.deepEqual(await verifyRelease(dir, key.publicKey), [
      "kiriwake-aarch64-apple-darwin: SHA-256 does not match",
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("parseSigningKey() refuses what is not a kiriwake signing key", () => {
  assert.throws(() => parseSigningKey("nope"), /not JSON/);
  assert.throws(() => parseSigningKey('{"schema":"x"}'), /not a kiriwake\.signing-key\/v1 file/);
});

Deno.test({
  name: "the signature verifies with openssl, given publicKeyPem()",
  ignore: Deno.env.get("CI") !== "true" && !hasOpenssl(),
  fn: async () => {
    const dir = await release();
    try {
      const key = await generateSigningKey();
      await Deno.writeTextFile(join(dir, SUMS), await sumsText(dir));
      await Deno.writeFile(
        join(dir, SIG),
        await signSums(await Deno.readFile(join(dir, SUMS)), key),
      );
      await Deno.writeTextFile(join(dir, "key.pem"), publicKeyPem(key.publicKey));
      const r = await new Deno.Command("openssl", {
        args: [
          "pkeyutl",
          "-verify",
          "-pubin",
          "-inkey",
          "key.pem",
          "-rawin",
          "-in",
          SUMS,
          "-sigfile",
          SIG,
        ],
        cwd: dir,
        stdout: "piped",
        stderr: "piped",
      }).output();
      const out = new TextDecoder().decode(r.stdout) + new TextDecoder().decode(r.stderr);
      assert.equal(r.code, 0, out);
      assert.match(out, /Signature Verified Successfully/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

function hasOpenssl(): boolean {
  try {
    return new Deno.Command("openssl", { args: ["version"], stdout: "null", stderr: "null" })
      .outputSync().success;
  } catch {
    console.error("openssl is not installed: skipping the openssl verification");
    return false;
  }
}
