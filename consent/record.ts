/**
 * The acceptance record: which terms (version, hash, language shown) the customer accepted,
 * which data categories they consented to, when, how, with which tool version. Stored as
 * JSON in the per-user config directory, written atomically, sealed with a SHA-256 digest
 * of its canonical content so a hand edit or a damaged file is noticed and never counts
 * as consent.
 *
 * The digest is an integrity check, not a secret: anyone who can write the file can
 * recompute it. It exists so that a changed record is a deliberate act, not an accident.
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { atomicWrite } from "../util/atomic_write.ts";
import { canonicalJson } from "../util/canonical_json.ts";
import { formatIssues } from "../util/zod_issues.ts";
import { INPUT_LIMITS, InputFileError, readInputText } from "../util/read_input.ts";
import { parseJson } from "../util/json_text.ts";
import { sha256Hex } from "../util/crypto.ts";
import { DATA_CATEGORIES } from "../util/data_categories.ts";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** The record's schema. */
export const consentRecordSchema = z.object({
  schema: z.literal("kiriwake.consent/v1"),
  terms: z.object({
    version: z.string(),
    effectiveDate: z.iso.date(),
    /** SHA-256 of the exact text shown, in the language shown. */
    sha256: hex64,
    lang: z.enum(["ja", "en"]),
  }).strict(),
  granted: z.array(z.enum(DATA_CATEGORIES)),
  refused: z.array(z.enum(DATA_CATEGORIES)),
  acceptedAt: z.iso.datetime({ offset: true }),
  /** `prompt`: answered in the terminal; `command`: `--accept-terms`/`terms accept`. */
  method: z.enum(["prompt", "command", "browser"]),
  toolVersion: z.string(),
  digest: z.object({ algorithm: z.literal("sha256"), value: hex64 }).strict(),
}).strict();

/** An acceptance record. */
export type ConsentRecord = z.infer<typeof consentRecordSchema>;
/** A record before it is sealed. */
export type UnsealedRecord = Omit<ConsentRecord, "digest">;

/** The record's file name inside the config directory. */
export const RECORD_FILE = "consent.json";

/** Path of the record in `dir`. */
export function recordPath(dir: string): string {
  return join(dir, RECORD_FILE);
}

/** What is on disk. */
export type RecordState =
  | { state: "none" }
  | { state: "ok"; record: ConsentRecord }
  | { state: "damaged"; path: string; detail: string }
  | { state: "unreadable"; path: string; detail: string };

/** Seals a record with the digest of its canonical content. */
export async function sealRecord(record: UnsealedRecord): Promise<ConsentRecord> {
  const { digest: _, ...body } = record as ConsentRecord;
  return { ...body, digest: { algorithm: "sha256", value: await sha256Hex(canonicalJson(body)) } };
}

/**
 * Reads the record and says what state it is in. Never throws for a bad file: a damaged
 * or unreadable record is a state the decision refuses, with the reason.
 */
export async function readRecordState(dir: string): Promise<RecordState> {
  const path = recordPath(dir);
  let text: string;
  try {
    text = await readInputText(path, INPUT_LIMITS.record);
  } catch (e) {
    if (e instanceof InputFileError && e.kind === "missing") return { state: "none" };
    return { state: "unreadable", path, detail: (e as Error).message };
  }
  const damaged = (detail: string): RecordState => ({ state: "damaged", path, detail });
  let json: unknown;
  try {
    json = parseJson(text);
  } catch (e) {
    return damaged(`not JSON: ${(e as Error).message}`);
  }
  const r = consentRecordSchema.safeParse(json);
  if (!r.success) return damaged(formatIssues(r.error.issues));
  const record = r.data;
  if ((await sealRecord(record)).digest.value !== record.digest.value) {
    return damaged("digest: does not match the content");
  }
  const all = [...record.granted, ...record.refused];
  if (all.length !== DATA_CATEGORIES.length || DATA_CATEGORIES.some((c) => !all.includes(c))) {
    return damaged("granted/refused: must list every category exactly once");
  }
  return { state: "ok", record };
}

/** Seals and writes the record atomically (owner-only), creating the directory. */
export async function writeRecord(dir: string, record: UnsealedRecord): Promise<ConsentRecord> {
  const sealed = consentRecordSchema.parse(await sealRecord(record));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await atomicWrite(recordPath(dir), JSON.stringify(sealed, null, 2) + "\n", 0o600);
  return sealed;
}

/** Removes the record (damaged or not); false when there was none. */
export async function removeRecord(dir: string): Promise<boolean> {
  try {
    await Deno.remove(recordPath(dir));
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}
