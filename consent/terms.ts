/**
 * The terms the customer accepts: the brand's text, its version, and the SHA-256 of the
 * exact text shown, so a record proves which words were accepted.
 *
 * @module
 */
import type { Brand } from "../brand/schema.ts";
import type { Lang, Localized } from "../util/text.ts";
import { sha256Hex } from "../util/crypto.ts";

/** The current terms in one language. */
export interface Terms {
  version: string;
  effectiveDate: string;
  lang: Lang;
  text: string;
  /** Hex SHA-256 of `text` (UTF-8). */
  sha256: string;
}

/** Returns the brand's current terms in `lang`. */
export async function currentTerms(brand: Brand, lang: Lang): Promise<Terms> {
  const text = brand.terms.text[lang];
  return {
    version: brand.terms.version,
    effectiveDate: brand.terms.effectiveDate,
    lang,
    text,
    sha256: await sha256Hex(text),
  };
}

/** The current version's declared and actual hashes, for the decision. */
export interface TermsFacts {
  version: string;
  effectiveDate: string;
  /** What the brand declares for this version. */
  declared: Localized;
  /** What the texts built into this binary hash to. */
  actual: Localized;
}

/** Hashes both texts of the brand's terms and pairs them with the declared hashes. */
export async function termsFacts(brand: Brand): Promise<TermsFacts> {
  return {
    version: brand.terms.version,
    effectiveDate: brand.terms.effectiveDate,
    declared: { ...brand.terms.sha256 },
    actual: {
      ja: await sha256Hex(brand.terms.text.ja),
      en: await sha256Hex(brand.terms.text.en),
    },
  };
}
