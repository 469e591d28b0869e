/**
 * Finding IP addresses in command output, whatever punctuation surrounds them. Tokens are
 * trimmed character by character, never with an end-anchored pattern, so a long run of
 * punctuation costs time linear in its length.
 *
 * @module
 */
import { isIP } from "node:net";

/** Longer than any address with a zone; longer tokens are no address. */
const MAX_TOKEN = 100;

/** The characters an address may be made of: hex digits, dots, colons, then a `%zone`. */
const ADDRESS_CHARS = /^[0-9a-f:][0-9a-f:.]*(?:%.*)?$/i;

/** The IP family of `text` (4 or 6, zone ids allowed), or 0 when it is not an address. */
export function ipFamily(text: string): 0 | 4 | 6 {
  // Words are by far the most common tokens: turn them away before node:net's slower check.
  if (text.length > MAX_TOKEN || !ADDRESS_CHARS.test(text)) return 0;
  const zone = text.indexOf("%");
  // node:net accepts any zone text; real zones are interface names or indexes.
  if (zone >= 0 && !/^[\w.-]+$/.test(text.slice(zone + 1))) return 0;
  return isIP(text) as 0 | 4 | 6;
}

/** `text` without leading characters from `lead` and trailing ones from `trail`. */
function strip(text: string, lead: string, trail: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && lead.includes(text[start])) start++;
  while (end > start && trail.includes(text[end - 1])) end--;
  return text.slice(start, end);
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
  if (token.length > MAX_TOKEN) return null;
  let t = strip(token, "[(<", "]),;>.");
  if (ipFamily(t)) return t;
  // "addr):" or "addr]:" — drop the colon, then what it followed.
  if (t.endsWith(":")) t = strip(strip(t.slice(0, -1), "", "]),;>"), "", "])");
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

/**
 * `name [address]` in a line (Windows `ping` and `tracert`): the word before the first
 * bracket pair and the address inside it, or null when the line has no such pair. Found with
 * `indexOf`, in time linear in the line.
 *
 * @example
 * ```ts
 * bracketedHost("Tracing route to dns.google [8.8.8.8]"); // { name: "dns.google", address: "8.8.8.8" }
 * ```
 */
export function bracketedHost(line: string): { name: string; address: string | null } | null {
  const open = line.indexOf("[");
  const close = open < 0 ? -1 : line.indexOf("]", open);
  if (close < open + 2) return null;
  const before = line.slice(0, open).trimEnd();
  const name = before.slice(before.lastIndexOf(" ") + 1);
  return name ? { name, address: addressToken(line.slice(open + 1, close)) } : null;
}
