/**
 * Parser for macOS/BSD `netstat -rn`: an "Internet:" and an "Internet6:" section, each
 * with its own header (the column set differs between macOS versions, so columns are
 * found by name).
 *
 * @module
 */
import { ipFamily } from "./address.ts";
import type { RoutesResult } from "./routes_types.ts";

/** Parses `netstat -rn` output from macOS or a BSD. */
export function parseNetstatBsd(text: string): RoutesResult {
  const out: RoutesResult = { format: "bsd-netstat", routes: [], onLink: [] };
  let family: 4 | 6 | null = null;
  let cols = { flags: 2, netif: 3 };
  for (const line of text.split("\n")) {
    const tokens = line.trim().split(/\s+/);
    if (/^Internet6?:/.test(line)) {
      family = line.startsWith("Internet6") ? 6 : 4;
    } else if (tokens[0] === "Destination") {
      cols = { flags: tokens.indexOf("Flags"), netif: tokens.indexOf("Netif") };
    } else if (tokens[0] === "default" && tokens.length >= 3) {
      const gateway = tokens[1];
      const flags = tokens[cols.flags] ?? "";
      const netif = tokens[cols.netif];
      const gwFamily = ipFamily(gateway);
      if (gwFamily) {
        out.routes.push({
          family: gwFamily,
          gateway,
          ...(netif ? { interface: netif } : {}),
          ...(flags.includes("I") ? { scoped: true as const } : {}),
        });
      } else if (netif) out.onLink.push({ family, interface: netif });
    }
  }
  return out;
}

/** Parses macOS/BSD `route -n get default` (and `route -n get -inet6 default`). */
export function parseRouteGet(text: string): RoutesResult {
  const out: RoutesResult = { format: "bsd-route-get", routes: [], onLink: [] };
  const gateway = text.match(/^\s*gateway:\s*(\S+)/m)?.[1];
  const netif = text.match(/^\s*interface:\s*(\S+)/m)?.[1];
  const family = gateway ? ipFamily(gateway) : 0;
  if (gateway && family) {
    out.routes.push({ family, gateway, ...(netif ? { interface: netif } : {}) });
  } else if (netif) {
    out.onLink.push({ family: null, interface: netif });
  }
  return out;
}
