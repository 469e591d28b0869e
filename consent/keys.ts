/**
 * Ed25519 keys for licences: how public keys are written in the brand configuration
 * (base64 of the 32 raw bytes, or of the 44-byte SPKI form), their short key id, and the
 * provider's key pair file. All through WebCrypto, so it works the same in a compiled binary.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { sha256Hex } from "../util/canonical_json.ts";

/** The fixed 12-byte SPKI header of an Ed25519 public key (RFC 8410). */
const SPKI_PREFIX_HEX = "302a300506032b6570032100";

/** Base64 of bytes. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

/**
 * Strict base64 decoding: null for anything that is not canonical base64 (node's decoder
 * silently skips junk, which would let a damaged file pass as a shorter value).
 */
export function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bytes = new Uint8Array(Buffer.from(text, "base64"));
  return toBase64(bytes) === text ? bytes : null;
}

/**
 * Decodes a public key as written in the brand configuration into its 32 raw bytes.
 *
 * @returns null when `text` is neither base64 raw (32 bytes) nor base64 SPKI (44 bytes)
 * @example
 * ```ts
 * decodePublicKey("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="); // Uint8Array(32)
 * ```
 */
export function decodePublicKey(text: string): Uint8Array | null {
  const bytes = fromBase64(text.trim());
  if (!bytes) return null;
  if (bytes.length === 32) return bytes;
  if (bytes.length === 44 && hex(bytes.slice(0, 12)) === SPKI_PREFIX_HEX) return bytes.slice(12);
  return null;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
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
 * Imports the brand's public keys. Requires nothing (pure WebCrypto).
 *
 * @throws {TypeError} naming the key that cannot be decoded (a broken brand, not user input)
 */
export async function importPublicKeys(texts: readonly string[]): Promise<VerifyKey[]> {
  const out: VerifyKey[] = [];
  for (const [i, text] of texts.entries()) {
    const raw = decodePublicKey(text);
    if (!raw) throw new TypeError(`licence.publicKeys[${i}]: not an Ed25519 public key`);
    const key = await crypto.subtle.importKey(
      "raw",
      raw as Uint8Array<ArrayBuffer>,
      {
        name: "Ed25519",
      },
      false,
      ["verify"],
    );
    out.push({ keyId: await keyIdOf(raw), key });
  }
  return out;
}

/** A new key pair as the provider stores it: both halves base64, plus the key id. */
export interface KeyPairFile {
  schema: "kiriwake.licence-key/v1";
  keyId: string;
  /** Base64 of the 32 raw bytes: this goes into the brand's `licence.publicKeys`. */
  publicKey: string;
  /** Base64 PKCS#8: keep it secret. */
  privateKey: string;
  createdAt: string;
}

/** Generates an Ed25519 key pair. */
export async function generateKeyPair(now: Date): Promise<KeyPairFile> {
  const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ]) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey));
  return {
    schema: "kiriwake.licence-key/v1",
    keyId: await keyIdOf(raw),
    publicKey: toBase64(raw),
    privateKey: toBase64(pkcs8),
    createdAt: now.toISOString(),
  };
}
