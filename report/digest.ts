/**
 * The report digest: SHA-256 of the canonical JSON of the report without its `digest` and
 * without `consent.send`. It proves a received report was not edited by hand after it was
 * written (it is not a signature: anyone can recompute it).
 *
 * `consent.send` records what happened to the report later — the customer's consent to send
 * it, the receipt — so it stays outside: recording a send does not change the digest, a
 * report sent twice is the same report to the collector (idempotent on id + digest), and
 * reports without the block (all reports written before it existed) keep their digest.
 *
 * @module
 */
import { canonicalJson } from "../util/canonical_json.ts";
import type { Report, ReportBody } from "./schema.ts";
import { sha256Hex } from "../util/crypto.ts";

/** Computes the digest of a report body (any `digest` and `consent.send` are ignored). */
export async function digestOf(body: ReportBody | Report): Promise<string> {
  const { digest: _ignored, ...rest } = body as Report;
  if (rest.consent?.send === undefined) return await sha256Hex(canonicalJson(rest));
  const { send: _later, ...consent } = rest.consent;
  return await sha256Hex(canonicalJson({ ...rest, consent }));
}

/** Returns the body with its digest attached. */
export async function seal(body: ReportBody): Promise<Report> {
  return { ...body, digest: { algorithm: "sha256", value: await digestOf(body) } };
}
