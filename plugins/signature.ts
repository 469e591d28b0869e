/**
 * Detached Ed25519 signatures of manifests (WebCrypto): key generation, signing, verifying,
 * and the files they live in. The signature covers the manifest's exact bytes; the manifest
 * pins every plugin file by SHA-256, so one signature covers the code too.
 *
 * @module
 */
import { z } from "zod";
import { sha256Hex } from "../util/canonical_json.ts";

/** The signature file beside a manifest: `<manifest>.sig`. */
export const signatureFileSchema = z.object({
  schema: z.literal("kiriwake.manifest-signature/v1"),
  algorithm: z.literal("Ed25519"),
  /** {@link keyIdOf} the public key that made it. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Base64 Ed25519 signature of the manifest bytes. */
  signature: z.string().min(1),
}).strict();
/** A signature file's content. */
export type SignatureFile = z.infer<typeof signatureFileSchema>;

/** A private signing key as `kiriwake plugins keygen` writes it (keep it secret). */
export const signingKeySchema = z.object({
  schema: z.literal("kiriwake.signing-key/v1"),
  algorithm: z.literal("Ed25519"),
  keyId: z.string(),
  /** Base64 raw 32-byte public key: what goes into the brand's `plugins.publicKeys`. */
  publicKey: z.string(),
  /** Base64 PKCS#8 private key. */
  privateKey: z.string(),
}).strict();
/** A signing key file's content. */
export type SigningKey = z.infer<typeof signingKeySchema>;

// An Ed25519 SubjectPublicKeyInfo is this 12-byte prefix and the 32-byte raw key.
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/** Base64 of bytes. */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/**
 * Bytes of base64 text.
 *
 * @throws {TypeError} when it is not base64
 */
export function fromBase64(text: string): Uint8Array {
  let s: string;
  try {
    s = atob(text.trim());
  } catch {
    throw new TypeError("Not valid base64");
  }
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/**
 * The raw 32-byte key of a base64 public key given raw or as SPKI.
 *
 * @throws {TypeError} when it is neither
 */
export function rawPublicKey(base64: string): Uint8Array {
  const bytes = fromBase64(base64);
  if (bytes.length === 32) return bytes;
  if (bytes.length === 44 && SPKI_PREFIX.every((b, i) => bytes[i] === b)) return bytes.slice(12);
  throw new TypeError(`Not an Ed25519 public key (${bytes.length} bytes)`);
}

/** A short id of a public key: the first 16 hex digits of the SHA-256 of its raw bytes. */
export async function keyIdOf(raw: Uint8Array): Promise<string> {
  return (await sha256Hex(raw)).slice(0, 16);
}

/** Makes a new signing key. */
export async function generateSigningKey(): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ]) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey));
  return {
    schema: "kiriwake.signing-key/v1",
    algorithm: "Ed25519",
    keyId: await keyIdOf(raw),
    publicKey: toBase64(raw),
    privateKey: toBase64(pkcs8),
  };
}

/** Signs `manifestBytes` with `key`, giving the signature file's content. */
export async function signManifest(
  manifestBytes: Uint8Array,
  key: SigningKey,
): Promise<SignatureFile> {
  const priv = await crypto.subtle.importKey(
    "pkcs8",
    fromBase64(key.privateKey) as Uint8Array<ArrayBuffer>,
    { name: "Ed25519" },
    false,
    ["sign"],
  );
  const sig = await crypto.subtle.sign("Ed25519", priv, manifestBytes as Uint8Array<ArrayBuffer>);
  return {
    schema: "kiriwake.manifest-signature/v1",
    algorithm: "Ed25519",
    keyId: await keyIdOf(rawPublicKey(key.publicKey)),
    signature: toBase64(new Uint8Array(sig)),
  };
}

/** The outcome of checking a signature against trusted keys. */
export type SignatureCheck =
  | { state: "valid"; keyId: string }
  | { state: "invalid"; reason: string };

/**
 * Checks `sig` over `manifestBytes` against the trusted `publicKeys` (base64, raw or SPKI).
 * Never throws: a malformed key or signature is an `invalid` outcome with the reason.
 */
export async function verifyManifest(
  manifestBytes: Uint8Array,
  sig: SignatureFile,
  publicKeys: readonly string[],
): Promise<SignatureCheck> {
  let signature: Uint8Array;
  try {
    signature = fromBase64(sig.signature);
  } catch {
    return { state: "invalid", reason: "signature: not valid base64" };
  }
  for (const [i, k] of publicKeys.entries()) {
    let raw: Uint8Array;
    try {
      raw = rawPublicKey(k);
    } catch (e) {
      return {
        state: "invalid",
        reason: `brand plugins.publicKeys[${i}]: ${(e as Error).message}`,
      };
    }
    if (await keyIdOf(raw) !== sig.keyId) continue;
    const key = await crypto.subtle.importKey(
      "raw",
      raw as Uint8Array<ArrayBuffer>,
      { name: "Ed25519" },
      false,
      ["verify"],
    );
    const ok = await crypto.subtle.verify(
      "Ed25519",
      key,
      signature as Uint8Array<ArrayBuffer>,
      manifestBytes as Uint8Array<ArrayBuffer>,
    );
    return ok ? { state: "valid", keyId: sig.keyId } : {
      state: "invalid",
      reason: `the signature by key ${sig.keyId} does not match the manifest`,
    };
  }
  return {
    state: "invalid",
    reason: `signed by key ${sig.keyId}, which is not one of this build's trusted keys`,
  };
}
