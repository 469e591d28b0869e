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

/**
 * The offset of the first byte that is not valid `encoding` (WHATWG UTF-8 or Shift_JIS, the
 * decoder CP932 uses), or -1 when every byte is. Found by bisecting with a strict decoder, so
 * the cost is a few decodes of the input, and only when it is invalid.
 *
 * @example
 * ```ts
 * firstInvalidByte(new Uint8Array([0x41, 0x82, 0xa0]), "utf-8"); // 1: 0x82 starts no UTF-8 character
 * firstInvalidByte(new Uint8Array([0x41, 0x82, 0xa0]), "cp932"); // -1: "Aあ"
 * ```
 */
export function firstInvalidByte(bytes: Uint8Array, encoding: "utf-8" | "cp932"): number {
  const label = encoding === "cp932" ? "shift_jis" : "utf-8";
  // A prefix may end inside a character: `stream` leaves that to the next chunk, not an error.
  const valid = (n: number) => {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, n), {
        stream: n < bytes.length,
      });
      return true;
    } catch {
      return false;
    }
  };
  if (valid(bytes.length)) return -1;
  let lo = 0; // valid(lo)
  let hi = bytes.length; // !valid(hi)
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (valid(mid)) lo = mid;
    else hi = mid;
  }
  return hi - 1;
}
