/**
 * What may stand for a host in a configuration: an IP address, or a host name made of
 * letters, digits, hyphens and underscores in dot-separated labels. Nothing else — above all
 * nothing that starts with `-`, which a command such as `ping` would read as an option, and no
 * spaces, quotes or control characters.
 *
 * @module
 */
import { z } from "zod";
import { ipFamily } from "./ip_scope.ts";

const LABEL = /^(?!-)[\p{L}\p{N}\p{M}_-]{1,63}(?<!-)$/u;
const ZONE = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * True for an IPv4 or IPv6 address (an IPv6 one may carry a `%zone`), without brackets.
 *
 * @example
 * ```ts
 * import { isIpAddress } from "./host_name.ts";
 * isIpAddress("fe80::1%eth0"); // true
 * isIpAddress("-rf"); // false
 * ```
 */
export function isIpAddress(s: string): boolean {
  if (s.startsWith("[")) return false;
  const zone = s.indexOf("%");
  if (zone >= 0 && !ZONE.test(s.slice(zone + 1))) return false;
  return ipFamily(s) !== 0 && (zone < 0 || ipFamily(s) === 6);
}

/**
 * True for a host name: dot-separated labels (a trailing dot allowed) of letters, digits,
 * hyphens and underscores, none starting or ending with a hyphen, 253 characters at most.
 *
 * @example
 * ```ts
 * import { isHostName } from "./host_name.ts";
 * isHostName("portal.example-isp.jp"); // true
 * isHostName("--help"); // false
 * ```
 */
export function isHostName(s: string): boolean {
  const name = s.endsWith(".") ? s.slice(0, -1) : s;
  if (name.length === 0 || name.length > 253) return false;
  return name.split(".").every((label) => LABEL.test(label));
}

/**
 * Returns `value` when it is a host (see {@link isHost}), for use as a command's argument.
 * The last guard where an argument vector is built: a value that is not a host — above all
 * one starting with `-` — never becomes an option of `ping` or `traceroute`.
 *
 * @throws {RangeError} naming the value
 * @example
 * ```ts
 * import { hostArgument } from "./host_name.ts";
 * hostArgument("192.0.2.1"); // "192.0.2.1"
 * try { hostArgument("-f"); } catch (e) { (e as Error).message; } // 'Not a host: "-f"'
 * ```
 */
export function hostArgument(value: string): string {
  if (!isHost(value)) throw new RangeError(`Not a host: ${JSON.stringify(value.slice(0, 100))}`);
  return value;
}

/** True for an IP address or a host name. */
export function isHost(s: string): boolean {
  return isIpAddress(s) || isHostName(s);
}

/** The zod schema of a host: an IP address or a host name. */
export function hostSchema(): z.ZodString {
  return z.string().min(1).max(253).refine(isHost, "Must be an IP address or a host name");
}

/** The zod schema of an IP address (family 4, 6, or either). */
export function ipAddressSchema(family?: 4 | 6): z.ZodString {
  const message = family ? `Must be an IPv${family} address` : "Must be an IP address";
  return z.string().min(1).max(100).refine(
    (s) => isIpAddress(s) && (!family || ipFamily(s) === family),
    message,
  );
}
