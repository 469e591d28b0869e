/**
 * The report digest: SHA-256 of the canonical JSON of the report without its `digest`.
 * It proves a received report was not edited by hand after it was written (it is not a
 * signature: anyone can recompute it).
 *
 * @module
 */
import { canonicalJson } from "../util/canonical_json.ts";
import type { Report, ReportBody } from "./schema.ts";
import { sha256Hex } from "../util/crypto.ts";

/** Computes the digest of a report body (any `digest` member is ignored). */
export async function digestOf(body: ReportBody | Report): Promise<string> {
  const { digest: _ignored, ...rest } = body as Report;
  return await sha256Hex(canonicalJson(rest));
}

/** Returns the body with its digest attached. */
export async function seal(body: ReportBody): Promise<Report> {
  return { ...body, digest: { algorithm: "sha256", value: await digestOf(body) } };
}
