/**
 * The provider's side of the status document: its signing key file
 * (`kiriwake.status-key/v1`, kept offline, never on a collector) and the payload completed
 * from a partial one — the times, the product and the terms version default from the
 * clock and the brand.
 *
 * @module
 */
import { z } from "zod";
import type { Brand } from "../brand/schema.ts";
import {
  STATUS_PAYLOAD_SCHEMA,
  type StatusPayload,
  statusPayloadSchema,
} from "../consent/status_document.ts";
import { fromBase64, generateEd25519 } from "../util/crypto.ts";
import { InvalidInputError } from "../util/errors.ts";
import { formatIssues } from "../util/zod_issues.ts";

/** The schema id of a status key file. */
export const STATUS_KEY_SCHEMA = "kiriwake.status-key/v1";

const keySchema = z.object({
  schema: z.literal(STATUS_KEY_SCHEMA),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: z.string().refine((s) => fromBase64(s)?.length === 32, "not a base64 raw key"),
  privateKey: z.string().refine((s) => fromBase64(s) !== null, "not base64"),
  createdAt: z.iso.datetime({ offset: true }),
}).strict();
/** A status signing key file. */
export type StatusKeyFile = z.infer<typeof keySchema>;

/** Generates a status signing key pair. */
export async function generateStatusKey(now: Date): Promise<StatusKeyFile> {
  return { schema: STATUS_KEY_SCHEMA, ...await generateEd25519(), createdAt: now.toISOString() };
}

/**
 * Parses a status key file.
 *
 * @throws {InvalidInputError} naming the file and the field
 */
export function parseStatusKey(text: string, path: string): StatusKeyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw badFile("鍵ファイル", "key file", path, `not JSON (${(e as Error).message})`);
  }
  const r = keySchema.safeParse(json);
  if (!r.success) throw badFile("鍵ファイル", "key file", path, formatIssues(r.error.issues));
  return r.data;
}

/** Days a status document is valid when its payload names no `expiresAt`. */
export const DEFAULT_STATUS_DAYS = 7;

/**
 * Completes a partial payload: `schema`, `issuedAt` (now), `expiresAt` (now + 7 days),
 * `product` and `terms` (the brand's), empty `revokedLicences` and `notices`.
 *
 * @throws {InvalidInputError} naming `path` and every invalid field
 */
export function completePayload(
  partial: unknown,
  brand: Brand,
  now: Date,
  path: string,
): StatusPayload {
  if (partial === null || typeof partial !== "object" || Array.isArray(partial)) {
    throw badFile("ステータス", "status payload", path, "not a JSON object");
  }
  const expires = new Date(now.getTime() + DEFAULT_STATUS_DAYS * 86_400_000);
  const full = {
    schema: STATUS_PAYLOAD_SCHEMA,
    issuedAt: now.toISOString(),
    expiresAt: expires.toISOString(),
    product: brand.id,
    terms: { version: brand.terms.version },
    revokedLicences: [],
    notices: [],
    ...partial,
  };
  const r = statusPayloadSchema.safeParse(full);
  if (!r.success) throw badFile("ステータス", "status payload", path, formatIssues(r.error.issues));
  return r.data;
}

function badFile(ja: string, en: string, path: string, why: string): InvalidInputError {
  return new InvalidInputError({
    ja: `${ja} "${path}" が正しくありません: ${why}`,
    en: `Cannot load ${en} "${path}": ${why}`,
  });
}
