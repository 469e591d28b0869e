/**
 * Licence tokens: the provider signs a small JSON statement (who, which services, for which
 * product, from when until when) with Ed25519; the kit verifies it offline against the
 * public keys in its brand configuration. The signature covers the exact payload bytes, so
 * no canonical form is needed and any changed byte breaks it.
 *
 * A token file:
 * ```json
 * { "schema": "kiriwake.licence-token/v1", "keyId": "…16 hex…",
 *   "payload": "<base64 of the claims JSON>", "signature": "<base64, 64 bytes>" }
 * ```
 *
 * Checking the time window and the product is not done here: that is part of the pure
 * decision (`decide.ts`), which knows the clock and the brand.
 *
 * @module
 */
import { z } from "zod";
import { InvalidInputError } from "../util/errors.ts";
import { formatIssues } from "../util/zod_issues.ts";
import {
  fromBase64,
  generateEd25519,
  signEd25519,
  toBase64,
  verifyEd25519,
  type VerifyKey,
} from "../util/crypto.ts";
import { parseJson } from "../util/json_text.ts";

/** The schema id of a token file. */
export const LICENCE_TOKEN_SCHEMA = "kiriwake.licence-token/v1";

const isoTime = z.iso.datetime({ offset: true });

/** What a licence states, signed by the provider. */
export const licenceClaimsSchema = z.object({
  schema: z.literal("kiriwake.licence/v1"),
  /** The licence's own id (serial), for the support desk. */
  id: z.string().min(1).max(200),
  /** Who holds it: the provider's customer or contract id. */
  licensee: z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() })
    .strict(),
  /** The brand id of the kit it is for. */
  product: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** The contracted services it covers. */
  services: z.array(z.string().min(1).max(200)).min(1).max(100),
  notBefore: isoTime,
  notAfter: isoTime,
  issuedAt: isoTime,
}).strict().refine((c) => Date.parse(c.notBefore) < Date.parse(c.notAfter), {
  message: "must be later than notBefore",
  path: ["notAfter"],
});
/** Verified licence claims. */
export type LicenceClaims = z.infer<typeof licenceClaimsSchema>;

const tokenSchema = z.object({
  schema: z.literal(LICENCE_TOKEN_SCHEMA),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  payload: z.string().min(1),
  signature: z.string().min(1),
}).strict();

/** Why a token could not be verified at all. */
export type TokenProblem = "malformed" | "unknown-key" | "bad-signature";

/** What is known about the installed licence before the clock and product are checked. */
export type LicenceEvidence =
  | { state: "none" }
  | { state: "rejected"; problem: TokenProblem; detail: string }
  | { state: "verified"; keyId: string; claims: LicenceClaims };

/**
 * Verifies a token's structure and signature against `keys`.
 *
 * Never throws on bad input: a truncated, edited or foreign file is a `rejected` evidence
 * whose `problem` says which.
 */
export async function verifyLicenceToken(
  text: string,
  keys: readonly VerifyKey[],
): Promise<LicenceEvidence> {
  const reject = (problem: TokenProblem, detail: string): LicenceEvidence => ({
    state: "rejected",
    problem,
    detail,
  });
  let json: unknown;
  try {
    json = parseJson(text);
  } catch (e) {
    return reject("malformed", `not JSON (${(e as Error).message})`);
  }
  const t = tokenSchema.safeParse(json);
  if (!t.success) return reject("malformed", formatIssues(t.error.issues));
  const payload = fromBase64(t.data.payload);
  const signature = fromBase64(t.data.signature);
  if (!payload) return reject("malformed", "payload: not base64");
  if (!signature || signature.length !== 64) {
    return reject("malformed", "signature: not a base64 Ed25519 signature");
  }
  const key = keys.find((k) => k.keyId === t.data.keyId);
  if (!key) return reject("unknown-key", `keyId ${t.data.keyId}`);
  const ok = await verifyEd25519(key.key, signature, payload);
  if (!ok) return reject("bad-signature", `keyId ${t.data.keyId}`);
  let claims: unknown;
  try {
    claims = parseJson(new TextDecoder("utf-8", { fatal: true }).decode(payload));
  } catch (e) {
    return reject("malformed", `payload: not JSON (${(e as Error).message})`);
  }
  const c = licenceClaimsSchema.safeParse(claims);
  if (!c.success) return reject("malformed", `payload: ${formatIssues(c.error.issues)}`);
  return { state: "verified", keyId: t.data.keyId, claims: c.data };
}

/**
 * Signs `claims` with the provider's private key and returns the token file's text.
 *
 * @throws {TypeError} when the claims are not valid (they would never verify)
 */
export async function signLicence(claims: LicenceClaims, keyPair: KeyPairFile): Promise<string> {
  const checked = licenceClaimsSchema.safeParse(claims);
  if (!checked.success) {
    throw new TypeError(`Cannot issue the licence: ${formatIssues(checked.error.issues)}`);
  }
  const payload = new TextEncoder().encode(JSON.stringify(checked.data));
  const signature = await signEd25519(keyPair.privateKey, payload);
  const token = {
    schema: LICENCE_TOKEN_SCHEMA,
    keyId: keyPair.keyId,
    payload: toBase64(payload),
    signature: toBase64(signature),
  };
  return JSON.stringify(token, null, 2) + "\n";
}

/** The provider's licence key pair as `license keygen` writes it: both halves base64, plus the key id. */
export interface KeyPairFile {
  schema: "kiriwake.licence-key/v1";
  keyId: string;
  /** Base64 of the 32 raw bytes: this goes into the brand's `licence.publicKeys`. */
  publicKey: string;
  /** Base64 PKCS#8: keep it secret. */
  privateKey: string;
  createdAt: string;
}

/** Generates the provider's licence key pair. */
export async function generateKeyPair(now: Date): Promise<KeyPairFile> {
  return {
    schema: "kiriwake.licence-key/v1",
    ...await generateEd25519(),
    createdAt: now.toISOString(),
  };
}

const keyPairSchema = z.object({
  schema: z.literal("kiriwake.licence-key/v1"),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: z.string().refine((s) => fromBase64(s)?.length === 32, "not a base64 raw key"),
  privateKey: z.string().refine((s) => fromBase64(s) !== null, "not base64"),
  createdAt: isoTime,
}).strict();

/**
 * Parses the provider's key pair file (made by `license keygen`).
 *
 * @throws {InvalidInputError} naming the file and the field
 */
export function parseKeyPairFile(text: string, path: string): KeyPairFile {
  let json: unknown;
  try {
    json = parseJson(text);
  } catch (e) {
    throw badKey(path, `not JSON (${(e as Error).message})`);
  }
  const r = keyPairSchema.safeParse(json);
  if (!r.success) throw badKey(path, formatIssues(r.error.issues));
  return r.data;
}

function badKey(path: string, why: string): InvalidInputError {
  return new InvalidInputError({
    ja: `鍵ファイル "${path}" が正しくありません: ${why}`,
    en: `Cannot load key file "${path}": ${why}`,
  });
}
