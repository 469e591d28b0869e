/**
 * The consent gate, driven from the browser: the same gate and record as the terminal,
 * with the page's answers in place of typed ones. The terms shown are the terms recorded:
 * the form carries the version and SHA-256 of the text on screen, and they must still be
 * current when the customer presses "agree".
 *
 * @module
 */
import type { Brand } from "../../build/brand_schema.ts";
import { memoryIo } from "../../cli/io.ts";
import { ensureConsent, type Grant } from "../../consent/gate.ts";
import { currentTerms } from "../../consent/terms.ts";
import { RefusedError } from "../../errors.ts";
import { DATA_CATEGORIES, type DataCategory } from "../../probes/types.ts";

/** Where and when consent is decided. */
export interface ConsentPlace {
  brand: Brand;
  /** The per-user config directory holding the record. */
  dir: string;
  now(): Date;
}

/** The stored grant when the current terms were accepted; null when they must be (again). */
export async function storedGrant(p: ConsentPlace, lang: "ja" | "en"): Promise<Grant | null> {
  try {
    // Without a terminal and without --accept-terms, the gate only accepts a stored record.
    return await ensureConsent({ brand: p.brand, lang, io: memoryIo(), dir: p.dir, now: p.now() });
  } catch (e) {
    if (e instanceof RefusedError || (e as Error).name === "InvalidInputError") return null;
    throw e;
  }
}

/** What the terms form posts. */
export interface ConsentForm {
  lang: "ja" | "en";
  version: string;
  sha256: string;
  categories: string[];
}

/**
 * Records acceptance of the terms shown and the categories ticked.
 *
 * @throws {RefusedError} when the terms changed since the page was shown, or a required
 *   category is missing
 */
export async function acceptFromBrowser(p: ConsentPlace, form: ConsentForm): Promise<Grant> {
  const terms = await currentTerms(p.brand, form.lang);
  if (form.version !== terms.version || form.sha256 !== terms.sha256) {
    throw new RefusedError({
      ja: "規約が更新されました。ページを読み込み直して、新しい規約をお読みください",
      en: "The terms have changed. Reload the page and read the new terms",
    });
  }
  const chosen = DATA_CATEGORIES.filter((c) => form.categories.includes(c));
  const required = DATA_CATEGORIES.filter((c) => !p.brand.optionalCategories.includes(c));
  const granted: DataCategory[] = DATA_CATEGORIES.filter((c) =>
    chosen.includes(c) || required.includes(c)
  );
  return await ensureConsent({
    brand: p.brand,
    lang: form.lang,
    io: memoryIo(),
    dir: p.dir,
    now: p.now(),
    acceptTerms: terms.version,
    consent: granted.join(","),
  });
}
