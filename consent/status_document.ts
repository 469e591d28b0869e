/**
 * The provider's signed status document: latest and minimum kit version, the current terms
 * version, revoked licences and notices. The collector serves it at `GET /v1/status` exactly
 * as stored; the kit verifies it against the brand's status public keys. Like a licence
 * token, the signature covers the exact payload bytes, so no canonical form is needed.
 *
 * An envelope:
 * ```json
 * { "schema": "kiriwake.status-envelope/v1", "keyId": "…16 hex…",
 *   "payload": "<base64 of the payload JSON>", "signature": "<base64, 64 bytes>" }
 * ```
 *
 * This file is the one definition both sides import: the collector (which signs and serves)
 * and the kit's send side (which fetches and verifies).
 *
 * @module
 */
import { z } from "zod";
import { localizedSchema } from "../util/text.ts";
import { formatIssues } from "../util/zod_issues.ts";
import {
  fromBase64,
  signEd25519,
  toBase64,
  verifyEd25519,
  type VerifyKey,
} from "../util/crypto.ts";

/** The schema id of a status envelope. */
export const STATUS_ENVELOPE_SCHEMA = "kiriwake.status-envelope/v1";
/** The schema id of the signed payload. */
export const STATUS_PAYLOAD_SCHEMA = "kiriwake.status/v1";

const isoTime = z.iso.datetime({ offset: true });
const version = z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, "not a version");

/** A notice the provider shows every kit (maintenance, an outage, a new version). */
export const statusNoticeSchema = z.object({
  id: z.string().min(1).max(100),
  severity: z.enum(["info", "warn"]),
  text: localizedSchema,
}).strict();

/** What the provider states, signed. */
export const statusPayloadSchema = z.object({
  schema: z.literal(STATUS_PAYLOAD_SCHEMA),
  issuedAt: isoTime,
  /** After this the kit treats the document as stale (and fetches again). */
  expiresAt: isoTime,
  /** The brand id of the kit it is for. */
  product: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  latestVersion: version,
  /** Kits older than this are told to update. */
  minimumVersion: version.optional(),
  /** The terms in force: a kit that accepted another version asks again. */
  terms: z.object({ version: z.string().regex(/^[\w.-]+$/) }).strict(),
  /** Licence ids (the licence's own `id`, not the licensee) that are suspended. */
  revokedLicences: z.array(z.string().min(1).max(200)).max(100_000),
  notices: z.array(statusNoticeSchema).max(20),
}).strict().refine((p) => Date.parse(p.issuedAt) < Date.parse(p.expiresAt), {
  message: "must be later than issuedAt",
  path: ["expiresAt"],
});
/** A status payload. */
export type StatusPayload = z.infer<typeof statusPayloadSchema>;

/** The signed envelope as stored and served. */
export const statusEnvelopeSchema = z.object({
  schema: z.literal(STATUS_ENVELOPE_SCHEMA),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  payload: z.string().min(1),
  signature: z.string().min(1),
}).strict();
/** A status envelope. */
export type StatusEnvelope = z.infer<typeof statusEnvelopeSchema>;

/** Why a status document was not accepted. */
export type StatusProblem = "malformed" | "unknown-key" | "bad-signature";

/** A decoded (and, when keys were given, verified) status document, or why not. */
export type StatusEvidence =
  | { state: "ok"; keyId: string; payload: StatusPayload; verified: boolean }
  | { state: "rejected"; problem: StatusProblem; detail: string };

/**
 * Decodes a status document and, when `keys` is given, verifies its signature. With
 * `keys` null the signature is not checked (`verified: false`): only for the provider's own
 * file on its own disk, never for a document fetched from the network.
 *
 * Never throws on bad input.
 *
 * @example
 * ```ts
 * import { generateEd25519, importVerifyKeys } from "../util/crypto.ts";
 * const pair = await generateEd25519();
 * const text = await signStatus({
 *   schema: "kiriwake.status/v1", issuedAt: "2026-12-01T00:00:00Z",
 *   expiresAt: "2026-12-08T00:00:00Z", product: "kiriwake", latestVersion: "0.2.0",
 *   terms: { version: "1.0" }, revokedLicences: [], notices: [],
 * }, pair);
 * const keys = await importVerifyKeys([pair.publicKey], "status.publicKeys");
 * (await readStatus(text, keys)).state; // "ok"
 * ```
 */
export async function readStatus(
  text: string,
  keys: readonly VerifyKey[] | null,
): Promise<StatusEvidence> {
  const reject = (problem: StatusProblem, detail: string): StatusEvidence => ({
    state: "rejected",
    problem,
    detail,
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return reject("malformed", `not JSON (${(e as Error).message})`);
  }
  const env = statusEnvelopeSchema.safeParse(json);
  if (!env.success) return reject("malformed", formatIssues(env.error.issues));
  const payloadBytes = fromBase64(env.data.payload);
  const signature = fromBase64(env.data.signature);
  if (!payloadBytes) return reject("malformed", "payload: not base64");
  if (!signature || signature.length !== 64) {
    return reject("malformed", "signature: not a base64 Ed25519 signature");
  }
  if (keys) {
    const key = keys.find((k) => k.keyId === env.data.keyId);
    if (!key) return reject("unknown-key", `keyId ${env.data.keyId}`);
    if (!await verifyEd25519(key.key, signature, payloadBytes)) {
      return reject("bad-signature", `keyId ${env.data.keyId}`);
    }
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(payloadBytes));
  } catch (e) {
    return reject("malformed", `payload: not JSON (${(e as Error).message})`);
  }
  const p = statusPayloadSchema.safeParse(payload);
  if (!p.success) return reject("malformed", `payload: ${formatIssues(p.error.issues)}`);
  return { state: "ok", keyId: env.data.keyId, payload: p.data, verified: keys !== null };
}

/**
 * Signs `payload` with a base64 PKCS#8 Ed25519 private key and returns the envelope's text.
 *
 * @throws {TypeError} when the payload is not valid (no kit would accept it) or the key is
 *   not an Ed25519 private key
 */
export async function signStatus(
  payload: StatusPayload,
  key: { keyId: string; privateKey: string },
): Promise<string> {
  const checked = statusPayloadSchema.safeParse(payload);
  if (!checked.success) {
    throw new TypeError(
      `Cannot sign the status document: ${formatIssues(checked.error.issues)}`,
    );
  }
  const bytes = new TextEncoder().encode(JSON.stringify(checked.data));
  const signature = await signEd25519(key.privateKey, bytes);
  const envelope: StatusEnvelope = {
    schema: STATUS_ENVELOPE_SCHEMA,
    keyId: key.keyId,
    payload: toBase64(bytes),
    signature: toBase64(signature),
  };
  return JSON.stringify(envelope, null, 2) + "\n";
}
