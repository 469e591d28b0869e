/**
 * Parses routing tables from any OS into the default gateways, IPv4 and IPv6, with their
 * interfaces. Dispatches on the table format.
 *
 * @module
 */
import type { Platform } from "../types.ts";
import { ParseError } from "./parse_error.ts";
import { parseNetstatBsd, parseRouteGet } from "./routes_bsd.ts";
import { parseIpJson, parseIpText, parseRouteN } from "./routes_linux.ts";
import type { RoutesResult } from "./routes_types.ts";
import { parseRoutePrint } from "./routes_windows.ts";

export type * from "./routes_types.ts";

/** Options of {@link parseRoutes}. */
export interface RoutesParseOptions {
  /** The OS that produced the output; guessed from the text when absent. */
  os?: Platform;
}

/**
 * Parses Windows `route print` (any language), macOS/BSD `netstat -rn` or `route -n get
 * default`, Linux `ip -j route`, `ip route` or `route -n`, and returns the default routes.
 *
 * @throws {ParseError} when the text is none of those tables
 * @example
 * ```ts
 * parseRoutes("default via 192.0.2.1 dev eth0 proto dhcp metric 100\n").routes;
 * // [{ family: 4, gateway: "192.0.2.1", interface: "eth0", metric: 100 }]
 * ```
 */
export function parseRoutes(text: string, opts: RoutesParseOptions = {}): RoutesResult {
  const t = text.trim();
  if (t.startsWith("[")) return parseIpJson(t);
  if (/^\s*={5,}\s*$/m.test(t) || (opts.os === "windows" && /IPv[46]/.test(t))) {
    return parseRoutePrint(text);
  }
  if (/Kernel IP(v6)? routing table/.test(t)) return parseRouteN(text);
  if (/^\s*route to:/m.test(t)) return parseRouteGet(text);
  if (/^Internet6?:/m.test(t) || /^Routing tables/m.test(t)) return parseNetstatBsd(text);
  if (/^(?:default|unreachable|\S+\/\d+|\d+\.\d+\.\d+\.\d+)\s.*\b(?:dev|via)\s/m.test(t)) {
    return parseIpText(text);
  }
  throw new ParseError("route", [
    "route print, netstat -rn, route get, ip route or route -n table",
  ]);
}
