/**
 * The acceptance record: which terms (version and hash, language shown) the customer
 * accepted, which data categories they consented to, when, with which tool version.
 * Stored as JSON in the per-user config directory, written atomically.
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { InvalidInputError } from "../errors.ts";
import { DATA_CATEGORIES } from "../probes/types.ts";
import { atomicWrite } from "../util/atomic_write.ts";
import { formatIssues } from "../util/zod_issues.ts";

/** The record's schema. */
export const consentRecordSchema = z.object({
  schema: z.literal("kiriwake.consent/v1"),
  terms: z.object({
    version: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    lang: z.enum(["ja", "en"]),
  }).strict(),
  granted: z.array(z.enum(DATA_CATEGORIES)),
  refused: z.array(z.enum(DATA_CATEGORIES)),
  acceptedAt: z.iso.datetime({ offset: true }),
  toolVersion: z.string(),
}).strict();

/** An acceptance record. */
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** The record's file name inside the config directory. */
export const RECORD_FILE = "consent.json";

/** Path of the record in `dir`. */
export function recordPath(dir: string): string {
  return join(dir, RECORD_FILE);
}

/**
 * Reads the record; null when there is none.
 *
 * @throws {InvalidInputError} when the file exists but is not a valid record
 */
export async function readRecord(dir: string): Promise<ConsentRecord | null> {
  const path = recordPath(dir);
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw new InvalidInputError({
      ja: `同意記録 "${path}" を読めません: ${(e as Error).message}`,
      en: `Cannot read consent record "${path}": ${(e as Error).message}`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw damaged(path, (e as Error).message);
  }
  const r = consentRecordSchema.safeParse(json);
  if (!r.success) throw damaged(path, formatIssues(r.error.issues));
  return r.data;
}

/** Writes the record atomically, creating the directory. */
export async function writeRecord(dir: string, record: ConsentRecord): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = recordPath(dir);
  await atomicWrite(path, JSON.stringify(consentRecordSchema.parse(record), null, 2) + "\n", 0o600);
  return path;
}

/** Removes the record; false when there was none. */
export async function removeRecord(dir: string): Promise<boolean> {
  try {
    await Deno.remove(recordPath(dir));
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

function damaged(path: string, why: string): InvalidInputError {
  return new InvalidInputError({
    ja: `同意記録 "${path}" が壊れています (${why})。kiriwake terms accept で同意し直してください`,
    en:
      `Consent record "${path}" is damaged (${why}); accept the terms again with kiriwake terms accept`,
  });
}
