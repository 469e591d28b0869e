/**
 * The consent gate, driven from the browser: the same gate and record as the terminal,
 * with the page's answers in place of typed ones (recorded with `method: "browser"`). The
 * terms shown are the terms recorded: the form carries the version and SHA-256 of the text
 * on screen, and they must still be current when the customer presses "agree".
 *
 * @module
 */
import type { Brand } from "../brand/schema.ts";
import { acceptTerms, type Grant, openGate } from "../consent/gate.ts";
import { requiredCategories } from "../consent/policy.ts";
import { currentTerms } from "../consent/terms.ts";
import { RefusedError } from "../util/errors.ts";
import { DATA_CATEGORIES } from "../util/data_categories.ts";
import type { Lang } from "../util/text.ts";

/** Where and when consent is decided. */
export interface ConsentPlace {
  brand: Brand;
  /** The per-user config directory holding the record. */
  dir: string;
  now(): Date;
}

/**
 * The grant when the current terms are accepted; null when they must be read and accepted
 * (first run, new version, changed or damaged record).
 *
 * @throws {RefusedError} when something other than the terms blocks (licence, OS): the
 *   terms page would not help
 */
export async function storedGrant(p: ConsentPlace, lang: Lang): Promise<Grant | null> {
  // The same gate as the terminal; where it would ask, the browser shows the terms page.
  const outcome = await openGate({ brand: p.brand, lang, dir: p.dir, now: p.now() });
  return outcome.state === "granted" ? outcome.grant : null;
}

/** What the terms form posts. */
export interface ConsentForm {
  lang: Lang;
  version: string;
  sha256: string;
  categories: string[];
}

/**
 * Records acceptance of the terms shown and the categories ticked (required ones are part
 * of agreeing: the page shows them ticked and fixed).
 *
 * @throws {RefusedError} when the terms changed since the page was shown
 * @throws {InvalidInputError} when the record cannot be written
 */
export async function acceptFromBrowser(p: ConsentPlace, form: ConsentForm): Promise<void> {
  const terms = await currentTerms(p.brand, form.lang);
  if (form.version !== terms.version || form.sha256 !== terms.sha256) {
    throw new RefusedError({
      ja: "規約が更新されました。ページを読み込み直して、新しい規約をお読みください",
      en: "The terms have changed. Reload the page and read the new terms",
    });
  }
  const required = requiredCategories(p.brand);
  await acceptTerms({
    brand: p.brand,
    lang: form.lang,
    dir: p.dir,
    now: p.now(),
    version: terms.version,
    categories: DATA_CATEGORIES.filter((c) => form.categories.includes(c) || required.includes(c)),
    method: "browser",
  });
}
