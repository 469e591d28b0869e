/**
 * Turns the results of one light run of the probes into a sample: each point's attempts,
 * losses and median time, the Wi-Fi link, the addresses, a throughput sample. Pure, and
 * tolerant: it reads what the probes recorded and skips what a probe could not measure, so
 * probes that gain fields (per-echo samples, DNS response codes) only make samples richer.
 *
 * @module
 */
import type { ProbeResult } from "../probes/types.ts";
import { isMeasured } from "../probes/types.ts";
import { median } from "../util/stats.ts";
import type { Reading, ThroughputReading } from "./sample.ts";

/** Identifiers still in the clear: `privacy.ts` masks and tags them. */
export interface RawSample {
  readings: Reading[];
  wifi: {
    connected: boolean;
    ssid: string | null;
    bssid: string | null;
    band: string | null;
    channel: number | null;
    rssiDbm: number | null;
  } | null;
  /** Global addresses and gateways, `family address`, sorted; null when not measured. */
  addresses: string[] | null;
  throughput: ThroughputReading | null;
  accessType: string | null;
}

// Loose views of the probes' data: only what a sample needs, every field checked.
type Loose = Record<string, unknown>;
const arr = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter(isObj) : []);
const isObj = (v: unknown): v is Loose => typeof v === "object" && v !== null;
const num = (v: unknown): number | null => (typeof v === "number" && isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/**
 * Extracts a sample from `results` (any order). `resolverKinds` maps configured resolver
 * names to their kind, for probes that do not record it; `providerHosts` are the addresses
 * of the provider's own hosts (see `providerHostsOf`), so pinging one measures the provider.
 *
 * @example
 * ```ts
 * import { extractSample } from "./extract.ts";
 * extractSample([], new Map()).readings; // []
 * ```
 */
export function extractSample(
  results: readonly ProbeResult[],
  resolverKinds: ReadonlyMap<string, "provider" | "public">,
  providerHosts: ReadonlySet<string> = new Set(),
): RawSample {
  const data = (id: string): Loose | null => {
    const r = results.find((x) => x.id === id);
    return r && (isMeasured(r.status) || Object.keys(r.data).length) ? r.data : null;
  };
  const readings: Reading[] = [
    ...pings(data("lan.gateway.ping"), (t) => ({
      key: `gateway:${t.family}`,
      segment: "lan",
      role: "gateway",
    })),
    ...pings(
      data("isp.ping"),
      (t) =>
        t.role === "hop"
          ? { key: `hop:${t.family}:${num(t.ttl) ?? 0}`, segment: "isp", role: "hop" }
          : { key: `on-net:${str(t.name) ?? str(t.target)}`, segment: "isp", role: "on-net" },
    ),
    ...tcp(data("tcp.connect")),
    // An anchor that is one of the provider's own hosts speaks about the provider.
    ...pings(
      data("internet.ping"),
      (t) =>
        providerHosts.has(str(t.target) ?? "")
          ? { key: `on-net:${str(t.name) ?? str(t.target)}`, segment: "isp", role: "on-net" }
          : { key: `ping:${str(t.name) ?? str(t.target)}`, segment: "internet", role: "anchor" },
    ),
    ...dns(data("dns.resolve"), resolverKinds),
  ];
  return {
    readings,
    wifi: wifi(data("wifi.link")),
    addresses: addresses(data("net.interfaces"), data("net.gateway")),
    throughput: throughput(data("isp.throughput")),
    accessType: accessType(data("isp.access")),
  };
}

type Place = Pick<Reading, "key" | "segment" | "role">;

function pings(d: Loose | null, place: (t: Loose) => Place): Reading[] {
  if (!d) return [];
  return arr(d.targets).flatMap((t) => {
    const sent = num(t.sent);
    if (!sent) return [];
    const received = num(t.received) ?? 0;
    const times = Array.isArray(t.samples)
      ? (t.samples as unknown[]).map(num).filter((x): x is number => x !== null)
      : [];
    const rtt = isObj(t.rtt) ? num(t.rtt.avgMs) : null;
    return [{
      ...place(t),
      kind: "ping" as const,
      label: str(t.name) ?? str(t.target) ?? "",
      sent,
      lost: Math.max(0, sent - received),
      rttMs: received > 0 ? (median(times) ?? rtt) : null,
    }];
  });
}

function tcp(d: Loose | null): Reading[] {
  if (!d) return [];
  return arr(d.targets).flatMap((t) => {
    const segment = t.segment === "isp" ? "isp" : t.segment === "internet" ? "internet" : null;
    const attempts = arr(t.attempts);
    if (!segment || attempts.length === 0) return [];
    const ok = attempts.filter((a) => a.ok === true).map((a) => num(a.ms)).filter((x) =>
      x !== null
    ) as number[];
    const name = str(t.name) ?? str(t.host) ?? "";
    return [{
      key: `tcp:${name}`,
      segment,
      role: segment === "isp" ? "on-net" : "target",
      kind: "tcp" as const,
      label: name,
      sent: attempts.length,
      lost: attempts.length - ok.length,
      rttMs: median(ok),
    }];
  });
}

function dns(d: Loose | null, kinds: ReadonlyMap<string, "provider" | "public">): Reading[] {
  if (!d) return [];
  const by = new Map<string, Loose[]>();
  for (const l of arr(d.lookups)) {
    const name = str(l.resolver) ?? "system";
    by.set(name, [...(by.get(name) ?? []), l]);
  }
  return [...by].map(([name, lookups]) => {
    const ok = lookups.filter((l) => l.ok === true);
    const rcodes: Record<string, number> = {};
    for (const l of lookups) {
      const code = str(l.rcode) ??
        (l.ok === true ? "NOERROR" : /time|abort/i.test(str(l.error) ?? "") ? "timeout" : "error");
      rcodes[code] = (rcodes[code] ?? 0) + 1;
    }
    const kind = str(lookups[0].kind);
    const role = name === "system"
      ? "system"
      : kind === "provider" || kind === "public"
      ? kind
      : kinds.get(name) ?? "public";
    return {
      key: `dns:${name}`,
      segment: "dns" as const,
      role,
      kind: "dns" as const,
      label: name,
      sent: lookups.length,
      lost: lookups.length - ok.length,
      rttMs: median(ok.map((l) => num(l.ms)).filter((x): x is number => x !== null)),
      rcodes,
    };
  });
}

function wifi(d: Loose | null): RawSample["wifi"] {
  if (!d || !isObj(d.link)) return null;
  const l = d.link;
  return {
    connected: l.connected === true,
    ssid: str(l.ssid),
    bssid: str(l.bssid),
    band: str(l.band),
    channel: num(l.channel),
    rssiDbm: num(l.rssiDbm),
  };
}

function addresses(ifs: Loose | null, gw: Loose | null): string[] | null {
  if (!ifs && !gw) return null;
  const out = new Set<string>();
  for (const i of arr(ifs?.interfaces)) {
    if (i.up === false) continue;
    for (const a of arr(i.addresses)) {
      if (a.scope === "global") out.add(`${num(a.family)} ${str(a.address)}`);
    }
  }
  for (const r of arr(gw?.routes)) out.add(`gw${num(r.family)} ${str(r.gateway)}`);
  return [...out].sort();
}

function throughput(d: Loose | null): ThroughputReading | null {
  if (!d) return null;
  const s = arr(d.servers).find((x) => isObj(x.download) || isObj(x.upload));
  const used = isObj(d.budget) ? num(d.budget.usedBytes) ?? 0 : 0;
  if (!s) return used > 0 ? { downMbps: null, upMbps: null, bytes: Math.round(used) } : null;
  const mbps = (x: unknown) => (isObj(x) ? num(x.mbps) : null);
  return { downMbps: mbps(s.download), upMbps: mbps(s.upload), bytes: Math.round(used) };
}

function accessType(d: Loose | null): string | null {
  const best = arr(d?.candidates)[0];
  return best ? str(best.type) : null;
}

/**
 * The provider's own hosts a config names: TCP and HTTP targets tagged `isp`, the provider's
 * resolvers, its on-net speed servers. Pure.
 *
 * @example
 * ```ts
 * import { providerHostsOf } from "./extract.ts";
 * providerHostsOf({
 *   tcp: { targets: [{ host: "192.0.2.80", segment: "isp" }] },
 *   http: { targets: [] },
 *   dns: { resolvers: [{ address: "192.0.2.53", kind: "provider" }] },
 *   throughput: { servers: [] },
 * }); // Set { "192.0.2.80", "192.0.2.53" }
 * ```
 */
export function providerHostsOf(config: {
  tcp: { targets: readonly { host: string; segment: string }[] };
  http: { targets: readonly { url: string; segment: string }[] };
  dns: { resolvers: readonly { address: string; kind: string }[] };
  throughput: { servers: readonly { url: string; kind: string }[] };
}): Set<string> {
  const host = (url: string) => {
    try {
      return new URL(url).hostname.replace(/^\[|\]$/g, "");
    } catch {
      return "";
    }
  };
  return new Set([
    ...config.tcp.targets.filter((t) => t.segment === "isp").map((t) => t.host),
    ...config.http.targets.filter((t) => t.segment === "isp").map((t) => host(t.url)),
    ...config.dns.resolvers.filter((r) => r.kind === "provider").map((r) => r.address),
    ...config.throughput.servers.filter((s) => s.kind === "on-net").map((s) => host(s.url)),
  ].filter((h) => h !== ""));
}
