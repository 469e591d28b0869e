/**
 * Decodes command output bytes. Japanese Windows consoles write CP932 (Shift_JIS with
 * Microsoft's extensions) when output is piped, whatever `chcp` a user set in their own
 * window; everything else writes UTF-8.
 *
 * @module
 */

/** How to decode command output. */
export type OutputEncoding = "auto" | "utf-8" | "cp932";

/** Decoded text and the encoding that was used. */
export interface Decoded {
  text: string;
  encoding: "utf-8" | "cp932";
}

/**
 * Decodes `bytes`. With `auto`, valid UTF-8 is taken as UTF-8 (a BOM is dropped) and
 * anything else as CP932, because CP932 text with Japanese in it is almost never valid UTF-8.
 * CRLF line ends become LF.
 *
 * @example
 * ```ts
 * decodeOutput(new Uint8Array([0x82, 0xa0]), "auto").text; // "あ"
 * ```
 */
export function decodeOutput(bytes: Uint8Array, encoding: OutputEncoding = "auto"): Decoded {
  let text: string;
  let used: "utf-8" | "cp932";
  if (encoding === "cp932") {
    text = new TextDecoder("shift_jis").decode(bytes);
    used = "cp932";
  } else if (encoding === "utf-8") {
    text = new TextDecoder("utf-8").decode(bytes);
    used = "utf-8";
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      used = "utf-8";
    } catch {
      text = new TextDecoder("shift_jis").decode(bytes);
      used = "cp932";
    }
  }
  return { text: text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), encoding: used };
}
