/**
 * Parsers for Linux routing tables: `ip -j route` (JSON), `ip route` (text, including
 * multipath `nexthop` lines) and net-tools `route -n` / `netstat -rn`.
 *
 * @module
 */
import { ipFamily } from "./address.ts";
import { ParseError } from "./parse_error.ts";
import type { DefaultRoute, RoutesResult } from "./routes_types.ts";

interface IpJsonRoute {
  type?: string;
  dst?: string;
  gateway?: string;
  /** `via inet6 …` (an IPv6 next hop for IPv4, RFC 5549) comes as an object. */
  via?: { host?: string };
  dev?: string;
  metric?: number;
  nexthops?: { gateway?: string; via?: { host?: string }; dev?: string }[];
}

/** Parses `ip -j route` / `ip -j -6 route`. */
export function parseIpJson(text: string): RoutesResult {
  let rows: IpJsonRoute[];
  try {
    rows = JSON.parse(text);
  } catch {
    throw new ParseError("route", ["valid JSON from ip -j route"]);
  }
  if (!Array.isArray(rows)) throw new ParseError("route", ["a JSON array of routes"]);
  const out: RoutesResult = { format: "ip-json", routes: [], onLink: [] };
  for (const r of rows) {
    if (!isDefault(r.dst) || (r.type && r.type !== "unicast")) continue;
    for (const hop of r.nexthops ?? [r]) {
      add(out, hop.gateway ?? hop.via?.host, hop.dev, r.metric, r.dst);
    }
  }
  return out;
}

/** Parses `ip route` / `ip -6 route` text. */
export function parseIpText(text: string): RoutesResult {
  const out: RoutesResult = { format: "ip-route", routes: [], onLink: [] };
  let multipath: { metric?: number; dst: string } | null = null;
  for (const line of text.split("\n")) {
    const words = line.trim().split(/\s+/);
    const key = (k: string) => {
      const i = words.indexOf(k);
      return i >= 0 ? words[i + 1] : undefined;
    };
    const metric = key("metric") ? Number(key("metric")) : undefined;
    if (words[0] === "nexthop" && multipath) {
      add(out, key("via"), key("dev"), multipath.metric, multipath.dst);
    } else if (isDefault(words[0])) {
      multipath = null;
      if (key("via") || key("dev")) add(out, key("via"), key("dev"), metric, words[0]);
      else multipath = { metric, dst: words[0] };
    } else if (line.trim()) multipath = null;
  }
  return out;
}

/** Parses net-tools `route -n` / `netstat -rn` ("Kernel IP routing table"). */
export function parseRouteN(text: string): RoutesResult {
  const out: RoutesResult = { format: "linux-route-n", routes: [], onLink: [] };
  for (const line of text.split("\n")) {
    const t = line.trim().split(/\s+/);
    const v4 = t.length >= 8 && t[0] === "0.0.0.0" && t[2] === "0.0.0.0";
    const v6 = t.length >= 7 && t[0] === "::/0";
    if (!(v4 || v6) || !t[v4 ? 3 : 2].includes("G")) continue;
    add(out, t[1], t.at(-1), Number(t[v4 ? 4 : 3]), t[0]);
  }
  return out;
}

function isDefault(dst: string | undefined): boolean {
  return dst === "default" || dst === "0.0.0.0/0" || dst === "::/0";
}

function add(
  out: RoutesResult,
  gateway: string | undefined,
  dev: string | undefined,
  metric: number | undefined,
  dst: string | undefined,
): void {
  const family = gateway ? ipFamily(gateway) : 0;
  if (gateway && family) {
    const route: DefaultRoute = { family, gateway };
    if (dev) route.interface = dev;
    if (metric !== undefined && !Number.isNaN(metric)) route.metric = metric;
    out.routes.push(route);
  } else if (dev) {
    out.onLink.push({
      family: dst === "::/0" ? 6 : dst === "0.0.0.0/0" ? 4 : null,
      interface: dev,
    });
  }
}
