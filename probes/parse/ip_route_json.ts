/**
 * Parser of Linux `ip -j route show default` (iproute2 JSON output), and of
 * `/proc/net/route` for systems without iproute2.
 *
 * @module
 */

/** A default route. */
export interface DefaultRoute {
  family: 4 | 6;
  gateway: string;
  interface: string | null;
  metric: number | null;
}

/**
 * Parses the JSON of `ip -j [-6] route show default`. Routes without a gateway
 * (point-to-point, e.g. a PPP link) are kept with `gateway` set to the device name.
 *
 * @throws {SyntaxError} when the text is not JSON
 */
export function parseIpRouteJson(text: string, family: 4 | 6): DefaultRoute[] {
  const rows = JSON.parse(text.trim() || "[]") as Array<Record<string, unknown>>;
  const out: DefaultRoute[] = [];
  for (const r of rows) {
    if (r.dst !== "default") continue;
    const dev = typeof r.dev === "string" ? r.dev : null;
    const via = typeof r.gateway === "string"
      ? r.gateway
      : typeof (r.via as { host?: unknown } | undefined)?.host === "string"
      ? (r.via as { host: string }).host
      : null;
    if (!via && !dev) continue;
    out.push({
      family,
      gateway: via ?? dev!,
      interface: dev,
      metric: typeof r.metric === "number" ? r.metric : null,
    });
  }
  return out;
}

/** Parses `/proc/net/route` (IPv4 only; addresses are little-endian hex). */
export function parseProcNetRoute(text: string): DefaultRoute[] {
  const out: DefaultRoute[] = [];
  for (const line of text.split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8 || f[1] !== "00000000" || f[7] !== "00000000") continue;
    const hex = f[2];
    const ip = [6, 4, 2, 0].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(".");
    out.push({ family: 4, gateway: ip, interface: f[0], metric: Number(f[6]) });
  }
  return out;
}
