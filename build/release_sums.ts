/**
 * The release's checksums and their signature: `SHA256SUMS` lists every file of a release
 * directory (binaries, SBOM) in the `sha256sum` format, and `SHA256SUMS.sig` is a detached
 * Ed25519 signature over it (the 64 raw bytes, as `openssl pkeyutl -verify -rawin` reads
 * them), made with the kit's own signing code (util/crypto.ts) and a key from
 * `kiriwake plugins keygen`.
 *
 * As a script (`deno task release`):
 *
 * ```text
 * release_sums.ts sums DIR                       write DIR/SHA256SUMS
 * release_sums.ts sign DIR (--key-file F | --key-env VAR)
 *                                                write DIR/SHA256SUMS.sig
 * release_sums.ts verify DIR --public-key BASE64 check the signature and every hash
 * release_sums.ts pem --public-key BASE64        print the key as PEM for openssl
 * ```
 *
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type SigningKey, signingKeySchema } from "../plugins/signature.ts";
import {
  decodePublicKey,
  importVerifyKeys,
  sha256Hex,
  signEd25519,
  toBase64,
  verifyEd25519,
} from "../util/crypto.ts";

/** The checksum file's name. */
export const SUMS = "SHA256SUMS";
/** The detached signature's name. */
export const SIG = "SHA256SUMS.sig";

/** The files a release directory ships (not hidden ones, not the sums themselves), sorted. */
export async function releaseFiles(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && !e.name.startsWith(".") && e.name !== SUMS && e.name !== SIG) {
      names.push(e.name);
    }
  }
  return names.sort();
}

/** The `SHA256SUMS` text of `dir`: `<hex>  <name>` per file. Requires `--allow-read`. */
export async function sumsText(dir: string): Promise<string> {
  const lines: string[] = [];
  for (const name of await releaseFiles(dir)) {
    lines.push(`${await sha256Hex(await Deno.readFile(join(dir, name)))}  ${name}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * Reads a signing key (the JSON `kiriwake plugins keygen` writes).
 *
 * @throws {TypeError} naming what is wrong with it
 */
export function parseSigningKey(text: string): SigningKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TypeError(`The release key is not JSON: ${(e as Error).message}`);
  }
  const r = signingKeySchema.safeParse(json);
  if (!r.success) throw new TypeError("The release key is not a kiriwake.signing-key/v1 file");
  return r.data;
}

/** Signs the sums' bytes: the 64-byte Ed25519 signature. */
export async function signSums(sums: Uint8Array, key: SigningKey): Promise<Uint8Array> {
  return await signEd25519(key.privateKey, sums);
}

/**
 * Checks a signed release directory against `publicKey` (base64, raw or SPKI).
 *
 * @returns every problem found; empty when the signature and every listed hash match
 */
export async function verifyRelease(dir: string, publicKey: string): Promise<string[]> {
  const problems: string[] = [];
  const sums = await Deno.readFile(join(dir, SUMS));
  const sig = await Deno.readFile(join(dir, SIG)).catch(() => null);
  const [key] = await importVerifyKeys([publicKey], "--public-key");
  if (!sig) problems.push(`${SIG}: missing`);
  else if (!await verifyEd25519(key.key, sig, sums)) {
    problems.push(`${SIG}: not a signature of ${SUMS} by key ${key.keyId}`);
  }
  const listed = new TextDecoder().decode(sums).split("\n").filter((l) => l.trim());
  for (const line of listed) {
    const m = line.match(/^([0-9a-f]{64}) {2}(.+)$/);
    if (!m) {
      problems.push(`${SUMS}: cannot read line "${line}"`);
      continue;
    }
    const bytes = await Deno.readFile(join(dir, m[2])).catch(() => null);
    if (!bytes) problems.push(`${m[2]}: listed but missing`);
    else if (await sha256Hex(bytes) !== m[1]) problems.push(`${m[2]}: SHA-256 does not match`);
  }
  return problems;
}

/** The public key as a PEM `PUBLIC KEY` (SPKI), for `openssl pkeyutl -verify -pubin`. */
export function publicKeyPem(publicKey: string): string {
  const raw = decodePublicKey(publicKey);
  if (!raw) throw new TypeError("--public-key: not a base64 Ed25519 public key");
  const spki = new Uint8Array([...SPKI_ED25519, ...raw]);
  return `-----BEGIN PUBLIC KEY-----\n${toBase64(spki)}\n-----END PUBLIC KEY-----\n`;
}

// The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 raw bytes.
const SPKI_ED25519 = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

async function cli(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "key-file": { type: "string" },
      "key-env": { type: "string" },
      "public-key": { type: "string" },
    },
  });
  const [sub, dir] = positionals;
  if (sub === "sums" && dir) {
    await Deno.writeTextFile(join(dir, SUMS), await sumsText(dir));
    console.error(`wrote ${join(dir, SUMS)}`);
    return 0;
  }
  if (sub === "sign" && dir) {
    const text = values["key-file"]
      ? await Deno.readTextFile(values["key-file"])
      : values["key-env"]
      ? Deno.env.get(values["key-env"]) ?? ""
      : "";
    if (!text.trim()) {
      console.error("sign: no key (--key-file FILE or --key-env VARIABLE with the key JSON)");
      return 2;
    }
    const key = parseSigningKey(text);
    const sig = await signSums(await Deno.readFile(join(dir, SUMS)), key);
    await Deno.writeFile(join(dir, SIG), sig);
    console.error(`wrote ${join(dir, SIG)} (key ${key.keyId}, public key ${key.publicKey})`);
    return 0;
  }
  if (sub === "verify" && dir && values["public-key"]) {
    const problems = await verifyRelease(dir, values["public-key"]);
    for (const p of problems) console.error(p);
    if (problems.length === 0) console.error(`${dir}: signature and every checksum match`);
    return problems.length ? 1 : 0;
  }
  if (sub === "pem" && values["public-key"]) {
    console.log(publicKeyPem(values["public-key"]).trimEnd());
    return 0;
  }
  console.error(
    "usage: release_sums.ts sums DIR | sign DIR (--key-file F | --key-env VAR) | " +
      "verify DIR --public-key KEY | pem --public-key KEY",
  );
  return 2;
}

if (import.meta.main) Deno.exit(await cli(Deno.args));
