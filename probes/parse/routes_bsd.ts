/**
 * Parser for macOS/BSD `netstat -r[n]`: an "Internet:" and an "Internet6:" section, each
 * with its own header (the column set differs between macOS versions, so columns are
 * found by name). Without `-n` gateways are names, cut to the column's width.
 *
 * @module
 */
import { ipFamily } from "./address.ts";
import type { DefaultRoute, RoutesResult } from "./routes_types.ts";

/** Parses `netstat -rn` (or `netstat -r`) output from macOS or a BSD. */
export function parseNetstatBsd(text: string): RoutesResult {
  const out: RoutesResult = { format: "bsd-netstat", routes: [], onLink: [] };
  let family: 4 | 6 | null = null;
  let cols = { flags: 2, netif: 3 };
  let width = 0;
  for (const line of text.split("\n")) {
    const tokens = line.trim().split(/\s+/);
    if (/^Internet6?:/.test(line)) {
      family = line.startsWith("Internet6") ? 6 : 4;
    } else if (tokens[0] === "Destination") {
      cols = { flags: tokens.indexOf("Flags"), netif: tokens.indexOf("Netif") };
      const gw = line.indexOf("Gateway");
      const next = gw < 0 ? -1 : line.slice(gw).search(/\s\S/);
      width = next > 0 ? next : 0;
    } else if (tokens[0] === "default" && tokens.length >= 3) {
      const gateway = tokens[1];
      const flags = tokens[cols.flags] ?? "";
      const netif = tokens[cols.netif];
      const gwFamily = ipFamily(gateway);
      const named = !gwFamily && flags.includes("G") && !/^link#\d+$/.test(gateway) &&
        !/^[0-9a-f]{1,2}(?::[0-9a-f]{1,2}){5}$/i.test(gateway);
      if (gwFamily || (named && family)) {
        const route: DefaultRoute = { family: gwFamily || family!, gateway };
        if (named) route.byName = true;
        if (gateway.length === width) route.truncated = true;
        if (netif) route.interface = netif;
        if (flags.includes("I")) route.scoped = true;
        out.routes.push(route);
      } else if (netif) out.onLink.push({ family, interface: netif });
    }
  }
  return out;
}

/** Parses macOS/BSD `route -n get default` (and `route -n get -inet6 default`). */
export function parseRouteGet(text: string): RoutesResult {
  const out: RoutesResult = { format: "bsd-route-get", routes: [], onLink: [] };
  // [ \t], not \s: with /m, \s would run across blank lines from every line start.
  const gateway = text.match(/^[ \t]*gateway:[ \t]*(\S+)/m)?.[1];
  const netif = text.match(/^[ \t]*interface:[ \t]*(\S+)/m)?.[1];
  const family = gateway ? ipFamily(gateway) : 0;
  if (gateway && family) {
    out.routes.push({ family, gateway, ...(netif ? { interface: netif } : {}) });
  } else if (netif) {
    out.onLink.push({ family: null, interface: netif });
  }
  return out;
}
