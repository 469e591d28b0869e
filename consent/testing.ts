/**
 * Helpers for consent and licence tests: brands with chosen terms and policy, whose declared
 * hashes are right unless told otherwise, and licences issued by a throwaway provider key.
 *
 * @module
 */
import { BRAND } from "../brand/brand.ts";
import { type Brand, type BrandInput, loadBrand } from "../brand/schema.ts";
import { generateKeyPair, type KeyPairFile } from "./licence_token.ts";
import { type LicenceClaims, signLicence } from "./licence_token.ts";
import { sha256Hex } from "../util/crypto.ts";
import type { DataCategory } from "../util/data_categories.ts";

/** What a test brand changes. */
export interface TestBrandOptions {
  version?: string;
  /** Replaces both texts (the version line is kept out of it on purpose). */
  text?: string;
  /** Declare this SHA-256 for the English text instead of the true one. */
  declaredEn?: string;
  licenceRequired?: boolean;
  publicKeys?: string[];
  supported?: ("windows" | "darwin" | "linux")[];
  elsewhere?: "warn" | "refuse";
  optional?: DataCategory[];
}

/** The default brand with `opts` applied; declared hashes are computed. */
export async function testBrand(opts: TestBrandOptions = {}): Promise<Brand> {
  const input = structuredClone(BRAND) as BrandInput;
  const text = opts.text ? { ja: `${opts.text} (ja)`, en: `${opts.text} (en)` } : input.terms.text;
  input.terms = {
    ...input.terms,
    version: opts.version ?? input.terms.version,
    text,
    sha256: { ja: await sha256Hex(text.ja), en: opts.declaredEn ?? await sha256Hex(text.en) },
  };
  input.licence = {
    required: opts.licenceRequired ?? false,
    publicKeys: opts.publicKeys ?? [],
    clockSkewSeconds: 300,
  };
  input.os = {
    supported: opts.supported ?? ["windows", "darwin", "linux"],
    elsewhere: opts.elsewhere ?? "warn",
  };
  if (opts.optional) input.optionalCategories = opts.optional;
  return loadBrand(input);
}

/** A provider key and a way to issue licences with it. */
export interface TestProvider {
  key: KeyPairFile;
  /** Signs a licence for product `kiriwake`, valid through March 2027, with `over` applied. */
  issue(over?: Partial<LicenceClaims>): Promise<string>;
}

/** Makes a throwaway provider key. */
export async function testProvider(): Promise<TestProvider> {
  const key = await generateKeyPair(new Date("2026-11-01T00:00:00Z"));
  return {
    key,
    issue: (over = {}) =>
      signLicence({
        schema: "kiriwake.licence/v1",
        id: "lic-test-1",
        licensee: { id: "C-42" },
        product: "kiriwake",
        services: ["fiber"],
        notBefore: "2027-01-01T00:00:00.000Z",
        notAfter: "2027-03-31T23:59:59.999Z",
        issuedAt: "2026-12-01T00:00:00.000Z",
        ...over,
      }, key),
  };
}

/** Runs `f` with a fresh, empty directory path (not yet created) and removes it after. */
export async function withTempDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const base = await Deno.makeTempDir({ prefix: "kw-consent-" });
  try {
    return await f(`${base}/cfg`);
  } finally {
    await Deno.remove(base, { recursive: true });
  }
}
