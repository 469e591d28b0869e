/**
 * The installed licence: one token file in the per-user config directory, copied there by
 * `kiriwake license install`, read and verified before every run.
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { atomicWrite } from "../util/atomic_write.ts";
import { InputFileError, readInputFile } from "../util/read_input.ts";
import type { VerifyKey } from "../util/crypto.ts";
import { type LicenceEvidence, verifyLicenceToken } from "./licence_token.ts";

/** The licence file's name inside the config directory. */
export const LICENCE_FILE = "licence.json";

/** A token larger than this is not a licence (and is not read whole into memory). */
export const MAX_LICENCE_BYTES = 64 * 1024;

/** Path of the installed licence in `dir`. */
export function licencePath(dir: string): string {
  return join(dir, LICENCE_FILE);
}

/**
 * Reads a token file's text, within {@link MAX_LICENCE_BYTES}. A missing file is `none`; an
 * unreadable, oversized or non-UTF-8 one is `rejected`: never an exception, so the decision
 * can explain it. Requires `--allow-read`.
 */
export async function readTokenText(
  path: string,
): Promise<{ text: string } | { evidence: LicenceEvidence }> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(path, MAX_LICENCE_BYTES);
  } catch (e) {
    if (e instanceof InputFileError && e.kind === "missing") return { evidence: { state: "none" } };
    const detail = `cannot read: the file ${(e as Error).message}`;
    return { evidence: { state: "rejected", problem: "malformed", detail } };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { evidence: { state: "rejected", problem: "malformed", detail: "not UTF-8 text" } };
  }
}

/** Reads a token file and verifies it; see {@link readTokenText} for bad files. */
export async function readLicenceFile(
  path: string,
  keys: readonly VerifyKey[],
): Promise<LicenceEvidence> {
  const r = await readTokenText(path);
  return "text" in r ? await verifyLicenceToken(r.text, keys) : r.evidence;
}

/** Reads the licence installed in `dir`. */
export function readInstalledLicence(
  dir: string,
  keys: readonly VerifyKey[],
): Promise<LicenceEvidence> {
  return readLicenceFile(licencePath(dir), keys);
}

/** Installs token `text` into `dir` atomically (owner-only), replacing any earlier one. */
export async function installLicence(dir: string, text: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = licencePath(dir);
  await atomicWrite(path, text, 0o600);
  return path;
}

/** Removes the installed licence; false when there was none. */
export async function removeLicence(dir: string): Promise<boolean> {
  try {
    await Deno.remove(licencePath(dir));
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}
