/**
 * Detached Ed25519 signatures of manifests (WebCrypto): key generation, signing, verifying,
 * and the files they live in. The signature covers the manifest's exact bytes; the manifest
 * pins every plugin file by SHA-256, so one signature covers the code too.
 *
 * @module
 */
import { z } from "zod";
import {
  decodePublicKey,
  fromBase64,
  generateEd25519,
  importVerifyKeys,
  keyIdOf,
  signEd25519,
  toBase64,
  verifyEd25519,
} from "../util/crypto.ts";

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

/** Makes a new signing key. */
export async function generateSigningKey(): Promise<SigningKey> {
  return { schema: "kiriwake.signing-key/v1", algorithm: "Ed25519", ...await generateEd25519() };
}

/**
 * Signs `manifestBytes` with `key`, giving the signature file's content.
 *
 * @throws {TypeError} when the key file's keys are not Ed25519 base64
 */
export async function signManifest(
  manifestBytes: Uint8Array,
  key: SigningKey,
): Promise<SignatureFile> {
  const raw = decodePublicKey(key.publicKey);
  if (!raw) throw new TypeError("The signing key's publicKey is not an Ed25519 public key");
  return {
    schema: "kiriwake.manifest-signature/v1",
    algorithm: "Ed25519",
    keyId: await keyIdOf(raw),
    signature: toBase64(await signEd25519(key.privateKey, manifestBytes)),
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
  const signature = fromBase64(sig.signature.trim());
  if (!signature) return { state: "invalid", reason: "signature: not valid base64" };
  let keys;
  try {
    keys = await importVerifyKeys(publicKeys, "brand plugins.publicKeys");
  } catch (e) {
    return { state: "invalid", reason: (e as Error).message };
  }
  const key = keys.find((k) => k.keyId === sig.keyId);
  if (!key) {
    return {
      state: "invalid",
      reason: `signed by key ${sig.keyId}, which is not one of this build's trusted keys`,
    };
  }
  return await verifyEd25519(key.key, signature, manifestBytes)
    ? { state: "valid", keyId: sig.keyId }
    : { state: "invalid", reason: `the signature by key ${sig.keyId} does not match the manifest` };
}
