/**
 * Classifies IP addresses by scope, which tells the diagnosis what kind of network a
 * device sits on (private LAN, CGNAT, global, IPv6 link-local, ULA).
 *
 * @module
 */
import { isIPv4, isIPv6 } from "node:net";

/** The scope of an address. */
export type IpScope = "loopback" | "link" | "private" | "cgnat" | "ula" | "global" | "unspecified";

/** Returns 4, 6 or 0 (not an IP literal). Brackets and a zone (`%eth0`) are allowed. */
export function ipFamily(addr: string): 4 | 6 | 0 {
  const a = stripIp(addr);
  return isIPv4(a) ? 4 : isIPv6(a) ? 6 : 0;
}

/** Removes `[…]` and a `%zone` suffix. */
export function stripIp(addr: string): string {
  return addr.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
}

/**
 * Classifies an IPv4 or IPv6 literal.
 *
 * @throws {TypeError} when `addr` is not an IP literal
 * @example
 * ```ts
 * ipScope("100.64.1.2"); // "cgnat"
 * ipScope("fe80::1%eth0"); // "link"
 * ```
 */
export function ipScope(addr: string): IpScope {
  const a = stripIp(addr).toLowerCase();
  if (isIPv4(a)) {
    const [o1, o2] = a.split(".").map(Number);
    if (a === "0.0.0.0") return "unspecified";
    if (o1 === 127) return "loopback";
    if (o1 === 169 && o2 === 254) return "link";
    if (o1 === 10 || (o1 === 172 && o2 >= 16 && o2 <= 31) || (o1 === 192 && o2 === 168)) {
      return "private";
    }
    if (o1 === 100 && o2 >= 64 && o2 <= 127) return "cgnat";
    return "global";
  }
  if (isIPv6(a)) {
    if (a === "::") return "unspecified";
    if (a === "::1") return "loopback";
    const mapped = a.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
    if (mapped) return ipScope(mapped[1]);
    const first = parseInt(a.split(":")[0] || "0", 16);
    if ((first & 0xffc0) === 0xfe80) return "link";
    if ((first & 0xfe00) === 0xfc00) return "ula";
    return "global";
  }
  throw new TypeError(`Not an IP address: "${addr}"`);
}
