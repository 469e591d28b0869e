/**
 * The kit's one crypto module: SHA-256, strict base64, and Ed25519 keys, signatures and key
 * ids, all through WebCrypto so it works the same in a compiled binary. Licences, manifest
 * signatures, status documents and release sums all sign and verify through here; TLS pins
 * of the collector are hashed here too.
 *
 * @example
 * ```ts
 * import { generateEd25519, signEd25519, verifyEd25519, importVerifyKeys } from "./crypto.ts";
 * const pair = await generateEd25519();
 * const bytes = new TextEncoder().encode("hello");
 * const sig = await signEd25519(pair.privateKey, bytes);
 * const [key] = await importVerifyKeys([pair.publicKey], "keys");
 * await verifyEd25519(key.key, sig, bytes); // true
 * ```
 *
 * @module
 */

import { createHash, X509Certificate } from "node:crypto";

/** The fixed 12-byte SPKI header of an Ed25519 public key (RFC 8410). */
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/**
 * Hex SHA-256 of a string's UTF-8 bytes, or of bytes. Hashed in this thread (`node:crypto`):
 * a report's digest on every upload the collector takes costs 12 µs so, against 90 µs
 * through `crypto.subtle`, whose work is handed to another thread and back.
 *
 * @example
 * ```ts
 * import { sha256Hex } from "./crypto.ts";
 * await sha256Hex("abc"); // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 */
export function sha256Hex(data: string | Uint8Array): Promise<string> {
  const hash = createHash("sha256");
  hash.update(data);
  return Promise.resolve(hash.digest("hex"));
}

/** Lowercase hex of bytes. */
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Base64 of bytes. */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

/**
 * Strict base64 decoding: null for anything that is not canonical, padded base64 (a lenient
 * decoder skips junk, which would let a damaged file pass as a shorter value).
 *
 * @example
 * ```ts
 * fromBase64("aGk="); // Uint8Array [104, 105]
 * fromBase64("aGk=!"); // null
 * ```
 */
export function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  let s: string;
  try {
    s = atob(text);
  } catch {
    return null;
  }
  const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0));
  return toBase64(bytes) === text ? bytes : null;
}

/**
 * The 32 raw bytes of an Ed25519 public key written as base64 of the raw key or of its
 * 44-byte SPKI form.
 *
 * @returns null when `text` is neither
 * @example
 * ```ts
 * decodePublicKey("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="); // Uint8Array(32)
 * ```
 */
export function decodePublicKey(text: string): Uint8Array | null {
  const bytes = fromBase64(text.trim());
  if (!bytes) return null;
  if (bytes.length === 32) return bytes;
  if (bytes.length === 44 && SPKI_PREFIX.every((b, i) => bytes[i] === b)) return bytes.slice(12);
  return null;
}

/** The key id: the first 16 hex digits of the SHA-256 of the raw public key. */
export async function keyIdOf(raw: Uint8Array): Promise<string> {
  return (await sha256Hex(raw)).slice(0, 16);
}

/** A public key ready to verify, with its id. */
export interface VerifyKey {
  keyId: string;
  key: CryptoKey;
}

/**
 * Imports public keys (base64, raw or SPKI) for verifying.
 *
 * @param where names the list in errors, e.g. `licence.publicKeys`
 * @throws {TypeError} naming the key that cannot be decoded (a broken brand, not user input)
 */
export async function importVerifyKeys(
  texts: readonly string[],
  where: string,
): Promise<VerifyKey[]> {
  const out: VerifyKey[] = [];
  for (const [i, text] of texts.entries()) {
    const raw = decodePublicKey(text);
    if (!raw) throw new TypeError(`${where}[${i}]: not an Ed25519 public key`);
    const key = await crypto.subtle.importKey(
      "raw",
      raw as Uint8Array<ArrayBuffer>,
      { name: "Ed25519" },
      false,
      ["verify"],
    );
    out.push({ keyId: await keyIdOf(raw), key });
  }
  return out;
}

/** A new Ed25519 key pair: both halves base64, plus the key id. */
export interface Ed25519Pair {
  keyId: string;
  /** Base64 of the 32 raw bytes: what a brand lists as a trusted key. */
  publicKey: string;
  /** Base64 PKCS#8: keep it secret. */
  privateKey: string;
}

/** Generates an Ed25519 key pair. */
export async function generateEd25519(): Promise<Ed25519Pair> {
  const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ]) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey));
  return { keyId: await keyIdOf(raw), publicKey: toBase64(raw), privateKey: toBase64(pkcs8) };
}

/**
 * Signs `bytes` with a base64 PKCS#8 Ed25519 private key.
 *
 * @throws {TypeError} when the private key is not base64 PKCS#8 Ed25519
 */
export async function signEd25519(privateKey: string, bytes: Uint8Array): Promise<Uint8Array> {
  const pkcs8 = fromBase64(privateKey.trim());
  if (!pkcs8) throw new TypeError("The private key is not base64");
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey(
      "pkcs8",
      pkcs8 as Uint8Array<ArrayBuffer>,
      { name: "Ed25519" },
      false,
      ["sign"],
    );
  } catch (e) {
    throw new TypeError(`The private key is not an Ed25519 PKCS#8 key (${(e as Error).message})`);
  }
  return new Uint8Array(await crypto.subtle.sign("Ed25519", key, bytes as Uint8Array<ArrayBuffer>));
}

/** True when `signature` is a valid Ed25519 signature of `bytes` by `key`. Never throws. */
export async function verifyEd25519(
  key: CryptoKey,
  signature: Uint8Array,
  bytes: Uint8Array,
): Promise<boolean> {
  if (signature.length !== 64) return false;
  try {
    return await crypto.subtle.verify(
      "Ed25519",
      key,
      signature as Uint8Array<ArrayBuffer>,
      bytes as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return false;
  }
}

/**
 * Hex HMAC-SHA-256 of `data` under `key` (RFC 2104): a keyed fingerprint, e.g. to notice that
 * a masked identifier changed without keeping it.
 *
 * @example
 * ```ts
 * import { hmacSha256Hex } from "./crypto.ts";
 * const key = new TextEncoder().encode("key");
 * (await hmacSha256Hex(key, "The quick brown fox jumps over the lazy dog")).slice(0, 16);
 * // "f7bc83f430538424"
 * ```
 */
export async function hmacSha256Hex(key: Uint8Array, data: string): Promise<string> {
  const k = await crypto.subtle.importKey(
    "raw",
    key as Uint8Array<ArrayBuffer>,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", k, new TextEncoder().encode(data));
  return hex(new Uint8Array(mac));
}

/**
 * The base64 SHA-256 of a certificate's SubjectPublicKeyInfo: the public-key pin a brand
 * names for its collector (the form of HPKP, and of
 * `openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`).
 *
 * @param cert DER bytes or PEM text of one certificate
 * @throws {TypeError} when `cert` is not a certificate
 */
export async function spkiSha256(cert: Uint8Array | string): Promise<string> {
  const der = x509(cert).publicKey.export({ type: "spki", format: "der" });
  const hash = await crypto.subtle.digest("SHA-256", new Uint8Array(der));
  return toBase64(new Uint8Array(hash));
}

/**
 * The hex SHA-256 of a certificate's DER bytes (its SHA-256 fingerprint).
 *
 * @param cert DER bytes or PEM text of one certificate
 * @throws {TypeError} when `cert` is not a certificate
 */
export async function certSha256(cert: Uint8Array | string): Promise<string> {
  return await sha256Hex(new Uint8Array(x509(cert).raw));
}

function x509(cert: Uint8Array | string): X509Certificate {
  try {
    return new X509Certificate(cert);
  } catch (e) {
    throw new TypeError(`Not an X.509 certificate (${(e as Error).message})`);
  }
}
