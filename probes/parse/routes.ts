/**
 * Parses routing tables from any OS into the default gateways, IPv4 and IPv6, with their
 * interfaces. Dispatches on the table format, each recognised by what only it prints.
 *
 * @module
 */
import type { Platform } from "../types.ts";
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";
import { parseNetstatBsd, parseRouteGet } from "./routes_bsd.ts";
import { looksLikeIpText, parseIpJson, parseIpText, parseRouteN } from "./routes_linux.ts";
import type { RoutesResult } from "./routes_types.ts";
import { parseRoutePrint } from "./routes_windows.ts";

export type * from "./routes_types.ts";

/** Options of {@link parseRoutes}. */
export interface RoutesParseOptions {
  /** The OS that produced the output; the table formats tell themselves apart without it. */
  os?: Platform;
}

/**
 * Parses Windows `route print` (any language), macOS/BSD `netstat -r[n]` or `route -n get
 * default`, Linux `ip -j route`, `ip route`, `route [-n]` or `netstat -r[n]`, and returns the
 * default routes.
 *
 * @throws {ParseError} when the text is none of those tables, or it is empty, binary or
 *   beyond the limits of `input_limits.ts`
 * @example
 * ```ts
 * parseRoutes("default via 192.0.2.1 dev eth0 proto dhcp metric 100\n").routes;
 * // [{ family: 4, gateway: "192.0.2.1", interface: "eth0", metric: 100 }]
 * ```
 */
export function parseRoutes(text: string, _opts: RoutesParseOptions = {}): RoutesResult {
  const t = text.trim();
  const json = t.startsWith("[");
  checkInput("route", text, { longLines: json });
  if (json) return parseIpJson(t);
  // [ \t], not \s, after ^ with /m: \s would run across blank lines from every line start.
  if (/^[ \t]*={5,}[ \t]*$/m.test(t) && /IPv[46]/.test(t)) return parseRoutePrint(text);
  if (/^Kernel IP(?:v6)? routing table/m.test(t)) return parseRouteN(text);
  if (/^[ \t]*route to:/m.test(t)) return parseRouteGet(text);
  if (/^(?:Routing tables|Internet6?:)[ \t]*$/m.test(t)) return parseNetstatBsd(text);
  if (looksLikeIpText(t)) return parseIpText(text);
  throw new ParseError("route", [
    "route print, netstat -r, route get, ip route or route table",
  ]);
}
