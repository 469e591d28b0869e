/**
 * Parsers for Linux routing tables: `ip -j route` (JSON), `ip route` (text, including
 * multipath `nexthop` lines) and net-tools `route` / `netstat -r`, with or without `-n`
 * (without it, gateways are names: `gateway`, `_gateway`, a DNS name cut to the column).
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

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** Parses `ip -j route` / `ip -j -6 route`: a JSON array of route objects, each with `dst`. */
export function parseIpJson(text: string): RoutesResult {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    throw new ParseError("route", ["valid JSON from ip -j route"]);
  }
  const isRoute = (r: unknown): r is IpJsonRoute =>
    typeof r === "object" && r !== null && !Array.isArray(r) && typeof (r as IpJsonRoute).dst ===
      "string";
  if (!Array.isArray(rows) || !rows.every(isRoute)) {
    throw new ParseError("route", ["a JSON array of routes with dst, as ip -j route prints"]);
  }
  const out: RoutesResult = { format: "ip-json", routes: [], onLink: [] };
  for (const r of rows) {
    if (!isDefault(r.dst) || (r.type && r.type !== "unicast")) continue;
    const hops = Array.isArray(r.nexthops) ? r.nexthops : [r];
    for (const hop of hops) {
      if (typeof hop !== "object" || hop === null) continue;
      const metric = typeof r.metric === "number" ? r.metric : undefined;
      add(out, str(hop.gateway) ?? str(hop.via?.host), str(hop.dev), metric, r.dst);
    }
  }
  return out;
}

/** What may start a line of `ip route`: a route type, a destination, or a `nexthop`. */
const IP_ROUTE_LINE =
  /^(?:default|unreachable|blackhole|prohibited|throw|local|broadcast|multicast|anycast|unicast|nat|nexthop|[0-9a-f.:]+(?:\/\d+)?)(?:\s|$)/i;

/** True when `text` reads as `ip route` output: route lines with `dev` or `via`, and little else. */
export function looksLikeIpText(text: string): boolean {
  let routes = 0;
  let other = 0;
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (!t) continue;
    if (IP_ROUTE_LINE.test(t)) {
      if (/\s(?:dev|via)\s/.test(` ${t} `)) routes++;
    } else other++;
  }
  return routes > 0 && other <= routes;
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

/**
 * Parses net-tools `route [-n] [-e]`, `route -A inet6` and `netstat -r[n]` ("Kernel IP
 * routing table", "Kernel IPv6 routing table"). Columns are found by the header, which
 * differs between `route`, `route -ee` and `netstat -r` (MSS, Window, irtt: no metric).
 */
export function parseRouteN(text: string): RoutesResult {
  const out: RoutesResult = { format: "linux-route-n", routes: [], onLink: [] };
  let family: 4 | 6 = 4;
  let cols: Map<string, number> | null = null;
  let width = 0;
  for (const line of text.split("\n")) {
    const t = line.trim().split(/\s+/);
    if (/^Kernel IP(v6)? routing table/.test(line.trim())) {
      family = /IPv6/.test(line) ? 6 : 4;
      cols = null;
      continue;
    }
    if (t[0] === "Destination") {
      const header = line.replace("Next Hop", "Next_Hop");
      cols = new Map(header.trim().split(/\s+/).map((c, i) => [c, i]));
      // The gateway column's width: `route` cuts longer names to it (IPv4: 15).
      const gw = header.search(/Gateway|Next_Hop/);
      const next = gw < 0 ? -1 : header.slice(gw).search(/\s\S/);
      width = next > 0 ? next : 0;
      continue;
    }
    if (!cols) continue;
    const at = (name: string) => (cols!.has(name) ? t[cols!.get(name)!] : undefined);
    const dest = t[0];
    const gateway = at("Gateway") ?? at("Next_Hop") ?? "";
    const flags = at("Flags") ?? at("Flag") ?? "";
    const iface = at("Iface") ?? at("If");
    const metricText = at("Metric") ?? at("Met");
    const v4Default = (dest === "0.0.0.0" || dest === "default") && at("Genmask") === "0.0.0.0";
    const v6Default = dest === "::/0" || dest === "[::]/0";
    if (!(family === 4 ? v4Default : v6Default) || !flags.includes("U") || flags.includes("!")) {
      continue;
    }
    const metric = metricText !== undefined ? Number(metricText) : undefined;
    if (!flags.includes("G")) {
      if (iface) out.onLink.push({ family, interface: iface });
      continue;
    }
    const route: DefaultRoute = { family, gateway };
    if (!ipFamily(gateway)) {
      route.byName = true;
      if (gateway.length === width) route.truncated = true;
    }
    if (iface) route.interface = iface;
    if (metric !== undefined && Number.isFinite(metric)) route.metric = metric;
    out.routes.push(route);
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
