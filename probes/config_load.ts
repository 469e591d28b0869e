/**
 * Loads a run configuration file: a regular file within its size cap, JSON within the depth
 * limit, validated strictly, every problem named with its path; `caCertFile` entries are read
 * relative to the file, through the same reader, and must hold PEM certificates.
 *
 * @module
 */
import { X509Certificate } from "node:crypto";
import { dirname, resolve } from "node:path";
import { InvalidInputError } from "../util/errors.ts";
import { formatIssues } from "../util/zod_issues.ts";
import { INPUT_LIMITS, type InputFileError, readInputText } from "../util/read_input.ts";
import { JsonShapeError, parseJson } from "../util/json_text.ts";
import { type RunConfig, runConfigSchema } from "./config.ts";
import { sha256Hex } from "../util/crypto.ts";

/** A loaded configuration and where it came from. */
export interface LoadedConfig {
  config: RunConfig;
  /** The file path, or `brand default`. */
  source: string;
  /** SHA-256 of the file's bytes (or of the default's canonical JSON). */
  sha256: string;
}

/**
 * Reads and validates `path`.
 *
 * @throws {InvalidInputError} naming the file and each wrong field
 */
export async function loadConfigFile(path: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readInputText(path, INPUT_LIMITS.config);
  } catch (e) {
    const err = e as InputFileError;
    throw invalid(path, err.message, err.ja ?? err.message);
  }
  let json: unknown;
  try {
    json = parseJson(text);
  } catch (e) {
    if (e instanceof JsonShapeError) throw invalid(path, e.message, e.ja);
    throw invalid(
      path,
      `is not valid JSON: ${(e as Error).message}`,
      `JSON として正しくありません: ${(e as Error).message}`,
    );
  }
  const r = runConfigSchema.safeParse(json);
  if (!r.success) {
    const why = formatIssues(r.error.issues);
    throw invalid(path, why, why);
  }
  const config = r.data;
  const base = dirname(resolve(path));
  for (const [i, t] of config.http.targets.entries()) {
    if (!t.caCertFile) continue;
    const file = resolve(base, t.caCertFile);
    let pem: string;
    try {
      pem = await readInputText(file, INPUT_LIMITS.pem);
      checkCertificates(pem);
    } catch (e) {
      const why = `http.targets[${i}].caCertFile: "${file}" ${(e as Error).message}`;
      throw invalid(path, why, why);
    }
    t.caCerts = [...(t.caCerts ?? []), pem];
  }
  for (const [i, t] of config.http.targets.entries()) {
    if (t.resolver && !config.dns.resolvers.some((r) => r.name === t.resolver)) {
      const why = `http.targets[${i}].resolver: no resolver named "${t.resolver}" in dns.resolvers`;
      throw invalid(path, why, why);
    }
  }
  return { config, source: resolve(path), sha256: await sha256Hex(text) };
}

/**
 * Validates a built-in default configuration (the brand's).
 *
 * @throws {InvalidInputError} naming every wrong field of the brand's `defaultConfig`
 */
export async function defaultConfig(input: unknown): Promise<LoadedConfig> {
  const r = runConfigSchema.safeParse(input);
  if (!r.success) {
    const why = formatIssues(r.error.issues);
    throw new InvalidInputError({
      ja: `ブランド設定の defaultConfig が正しくありません: ${why}`,
      en: `The brand's defaultConfig is invalid: ${why}`,
    });
  }
  const config = r.data;
  return { config, source: "brand default", sha256: await sha256Hex(JSON.stringify(config)) };
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * Checks that `pem` holds at least one certificate and that each parses.
 *
 * @throws {Error} saying what is wrong, in the words of a file's predicate
 */
export function checkCertificates(pem: string): void {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    throw new Error("holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
  }
  blocks.forEach((b, i) => {
    try {
      new X509Certificate(b);
    } catch (e) {
      throw new Error(
        `holds a certificate (#${i + 1}) that does not parse: ${(e as Error).message}`,
      );
    }
  });
}

function invalid(path: string, en: string, ja: string): InvalidInputError {
  return new InvalidInputError({
    ja: `設定ファイル "${path}" が正しくありません: ${ja}`,
    en: `Cannot load config "${path}": ${en}`,
  });
}
