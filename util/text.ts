/**
 * Text in the kit's two languages. Everything a customer or an agent reads exists in
 * Japanese and English side by side; the language is chosen when it is shown.
 *
 * @example
 * ```ts
 * import { type Localized, pick } from "./text.ts";
 * const t: Localized = { ja: "ルーター", en: "router" };
 * pick(t, "ja"); // "ルーター"
 * ```
 *
 * @module
 */
import { z } from "zod";

/** The languages the kit speaks. */
export const LANGS = ["ja", "en"] as const;
/** One of the kit's languages. */
export type Lang = typeof LANGS[number];

/** Japanese and English text, side by side. */
export interface Localized {
  ja: string;
  en: string;
}

/** The text of `t` in `lang`. */
export function pick(t: Localized, lang: Lang): string {
  return t[lang];
}

/** The zod schema of {@link Localized}: both languages, nothing else. */
export const localizedSchema = z.object({ ja: z.string(), en: z.string() }).strict();
