/**
 * Receipt codes: what a customer reads out on the phone so the support desk opens exactly
 * the report they sent. Short, grouped, and made only of characters that cannot be
 * mistaken for each other when read aloud in Japanese or English or typed from a screen:
 * no 0/O/D/Q, 1/I/L/J, 2/Z, 5/S, 8/B, U/V, and N (heard as M). The last character is a check character, so a
 * misheard code is refused instead of opening someone else's report.
 *
 * Two forms: letters and digits (`KW-7F3K-9HQC`-like: 8 characters, 19^7 ≈ 8.9e8 codes; the collector
 * draws again on the rare collision) and
 * digits only (`KW-4829-1736-053`: 11 digits with a Luhn check digit, 1e10 codes) for brands whose
 * customers read codes over a phone keypad.
 *
 * @example
 * ```ts
 * import { formatReceipt, parseReceipt, newReceipt } from "./receipt.ts";
 * const code = newReceipt("alnum");
 * parseReceipt(code); // the same code, normalised
 * parseReceipt(code.toLowerCase().replaceAll("-", " ")); // still the same code
 * parseReceipt("KW-0000-0000"); // null: 0 is not a receipt character
 * formatReceipt("7F3K93XA"); // "KW-7F3K-93XA"
 * ```
 *
 * @module
 */

/** The characters of an alphanumeric receipt (19, a prime, so the check character catches every single
 * substitution and swap): nothing that reads or looks like another. */
export const RECEIPT_ALPHABET = "34679ACEFGHKMPRTWXY";

const ALNUM = RECEIPT_ALPHABET;
const PREFIX = "KW";

/** Which form a brand's receipts take. */
export type ReceiptStyle = "alnum" | "digits";

/**
 * A new random receipt code in `style`, with its check character.
 *
 * @example
 * ```ts
 * /^KW-[34679ACEFGHKMPRTWXY]{4}-[34679ACEFGHKMPRTWXY]{4}$/.test(newReceipt("alnum")); // true
 * /^KW-\d{4}-\d{4}-\d{3}$/.test(newReceipt("digits")); // true
 * ```
 */
export function newReceipt(style: ReceiptStyle): string {
  if (style === "digits") {
    const body = Array.from(randomBelow(10, 10), String).join("");
    return formatReceipt(body + luhnDigit(body));
  }
  const body = Array.from(randomBelow(ALNUM.length, 7), (i) => ALNUM[i]).join("");
  return formatReceipt(body + alnumCheck(body));
}

/**
 * The code in its canonical written form, from its characters without prefix or dashes.
 *
 * @throws {RangeError} when `chars` is not 8 receipt characters or 11 digits
 */
export function formatReceipt(chars: string): string {
  if (/^\d{11}$/.test(chars)) {
    return `${PREFIX}-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  }
  if (chars.length === 8 && [...chars].every((c) => ALNUM.includes(c))) {
    return `${PREFIX}-${chars.slice(0, 4)}-${chars.slice(4)}`;
  }
  throw new RangeError(`Not the characters of a receipt code: "${chars}"`);
}

/**
 * Reads a receipt code as a person typed it (any case, spaces or dashes, with or without
 * `KW`, full-width characters from a Japanese keyboard). Returns the canonical code, or null
 * when it is not a receipt code or its check character is wrong.
 */
export function parseReceipt(text: string): string | null {
  const chars = text.normalize("NFKC").toUpperCase().replace(/[\s\-‐‑–—ー_.]/g, "")
    .replace(/^KW/, "");
  if (/^\d{11}$/.test(chars)) {
    return luhnDigit(chars.slice(0, 10)) === chars[10] ? formatReceipt(chars) : null;
  }
  if (chars.length !== 8 || ![...chars].every((c) => ALNUM.includes(c))) return null;
  return alnumCheck(chars.slice(0, 7)) === chars[7] ? formatReceipt(chars) : null;
}

/** A weighted check character over the receipt alphabet (catches one wrong or two swapped). */
function alnumCheck(body: string): string {
  let sum = 0;
  for (const [i, c] of [...body].entries()) sum += (i + 1) * ALNUM.indexOf(c);
  return ALNUM[sum % ALNUM.length];
}

/** The Luhn check digit of a digit string. */
function luhnDigit(body: string): string {
  let sum = 0;
  for (const [i, c] of [...body].reverse().entries()) {
    let d = Number(c);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** `n` uniform random integers in [0, bound), without modulo bias. */
function randomBelow(bound: number, n: number): number[] {
  const out: number[] = [];
  const limit = 256 - (256 % bound);
  while (out.length < n) {
    for (const b of crypto.getRandomValues(new Uint8Array(n * 2))) {
      if (b < limit && out.length < n) out.push(b % bound);
    }
  }
  return out;
}
