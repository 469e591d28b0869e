/**
 * Finding IP addresses in command output, whatever punctuation surrounds them.
 *
 * @module
 */
import { isIP } from "node:net";

/** The IP family of `text` (4 or 6, zone ids allowed), or 0 when it is not an address. */
export function ipFamily(text: string): 0 | 4 | 6 {
  const zone = text.indexOf("%");
  // node:net accepts any zone text; real zones are interface names or indexes.
  if (zone >= 0 && !/^[\w.-]+$/.test(text.slice(zone + 1))) return 0;
  return isIP(text) as 0 | 4 | 6;
}

/**
 * Strips the punctuation command output puts around an address token: brackets, parens,
 * commas, and a colon that ends the token ("Reply from 2001:db8::1: time=3ms"). A trailing
 * colon is only stripped when that leaves a valid address, because `2001:db8::` ends in colons.
 * Returns null when the token is no address.
 *
 * @example
 * ```ts
 * addressToken("(192.0.2.1):"); // "192.0.2.1"
 * addressToken("2400:cb00:408:3::"); // "2400:cb00:408:3::"
 * ```
 */
export function addressToken(token: string): string | null {
  let t = token.replace(/^[[(<]+/, "").replace(/[\]),;>.]+$/, "");
  if (ipFamily(t)) return t;
  t = t.replace(/[\]),;>]*:$/, "").replace(/[\])]+$/, "");
  return ipFamily(t) ? t : null;
}

/** Every address found in `text`, in order of appearance. */
export function findAddresses(text: string): string[] {
  const out: string[] = [];
  for (const token of text.split(/[\s,、，]+/)) {
    const a = token ? addressToken(token) : null;
    if (a) out.push(a);
  }
  return out;
}
