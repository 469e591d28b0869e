/**
 * One view of everything the run learned about DNS, for the DNS rules: the lookups through
 * the device's own resolver (`system`), through other resolvers, the configured servers
 * (`dns.config`), the comparison (`dns.compare`), and where the device's resolver sits.
 *
 * @module
 */
import { type Location, measured, resultOf, type RuleInput } from "./rule.ts";
import { listOf, num, obj, str } from "./shape.ts";

/** One lookup, whichever probe made it. */
export interface Lookup {
  probe: "dns.resolve" | "dns.compare";
  name: string;
  /** `system`, or the resolver's name. */
  resolver: string;
  /** True for the device's own resolver (the system one, or a configured server). */
  own: boolean;
  /**
   * True for a resolver of the provider: the device's configured server (`dns.compare`) or
   * one the config names as the provider's (`dns.resolve`).
   */
  provider: boolean;
  /** True for a public resolver measured for comparison. */
  public: boolean;
  /** `A`, `AAAA`, or `any` (the OS resolver). */
  type: string;
  /** The answer's response code, when it was asked on the wire and answered. */
  rcode: string | null;
  /**
   * True when the error tells "no such name" from "server failure": the OS resolver does,
   * and so does every lookup asked on the wire (it has a response code, or none came).
   * Reports made before the kit spoke DNS itself used `Deno.resolveDns`, which says
   * NXDOMAIN, NODATA, SERVFAIL and REFUSED alike: their `no-data`/`nxdomain` become the
   * ambiguous `no-records`.
   */
  precise: boolean;
  ok: boolean;
  ms: number;
  answers: string[];
  error: string | null;
}

/** What the DNS rules read. */
export interface DnsView {
  lookups: Lookup[];
  /** The device's configured DNS servers, when `dns.config` ran. */
  configured: string[] | null;
  /** `dns.compare`'s own verdict, when it ran. */
  compareVerdict: string | null;
  /** A lookup slower than this is slow. */
  slowMs: number;
  /** Where the device's resolver sits. */
  ownAt: Location;
}

/** Builds the view; null when no DNS probe measured anything. */
export function dnsView(input: RuleInput): DnsView | null {
  const resolve = measured(input, "dns.resolve");
  const config = measured(input, "dns.config");
  const compare = measured(input, "dns.compare");
  if (!resolve && !compare) return null;
  const configured = config && Array.isArray(config.servers)
    ? config.servers.filter((s): s is string => typeof s === "string")
    : null;
  const lookups: Lookup[] = (resolve?.lookups ?? []).map((l) => {
    // Reports from before the wire client have no `rcode` (nor `kind`) on their lookups.
    const wire = (l as { rcode?: unknown }).rcode !== undefined;
    const precise = l.resolver === "system" || wire;
    const kind = (l as { kind?: string }).kind ?? (l.resolver === "system" ? "system" : null);
    return {
      probe: "dns.resolve",
      name: l.name,
      resolver: l.resolver,
      own: l.resolver === "system",
      provider: kind === "provider",
      public: kind === "public",
      type: l.type,
      rcode: l.rcode ?? null,
      precise,
      ok: l.ok,
      ms: l.ms,
      answers: l.answers,
      error: !precise && isAnswer(l.error ?? null) ? "no-records" : l.error ?? null,
    };
  });
  const publicAddrs: string[] = [];
  for (const r of listOf(compare, "resolvers")) {
    const kind = str(r.kind);
    if (kind === "public" && str(r.address)) publicAddrs.push(str(r.address)!);
    for (const l of listOf(r, "lookups")) {
      const precise = "rcode" in l;
      lookups.push({
        probe: "dns.compare",
        name: str(l.name) ?? "?",
        resolver: str(r.name) ?? str(r.address) ?? "?",
        own: kind === "configured",
        provider: kind === "configured",
        public: kind === "public",
        type: str(l.type) ?? "A",
        rcode: str(l.rcode),
        precise,
        ok: l.ok === true,
        ms: num(l.ms) ?? 0,
        answers: Array.isArray(l.answers) ? l.answers.filter((a) => typeof a === "string") : [],
        error: !precise && isAnswer(str(l.error)) ? "no-records" : str(l.error),
      });
    }
  }
  return {
    lookups,
    configured,
    compareVerdict: str(obj(compare)?.verdict),
    slowMs: resolve?.slowMs ?? num(obj(resultOf(input, "dns.compare")?.data)?.slowMs) ?? 300,
    ownAt: resolverPlace(configured?.[0] ?? null, publicAddrs),
  };
}

/**
 * Where a resolver's answers come from: a public resolver out on the internet, else the
 * provider. A resolver on the device (a 127.0.0.53 stub) or on the home router is a
 * forwarder to the provider's, so it fails when the provider's network does: placing it
 * there keeps "the line is down" the cause and "DNS fails" its consequence.
 */
export function resolverPlace(address: string | null, publicAddrs: readonly string[]): Location {
  return address !== null && publicAddrs.includes(address) ? "internet" : "isp";
}

/** Lookup errors that are answers ("no such name"), not failures to get one. */
export function isAnswer(error: string | null): boolean {
  return error === "nxdomain" || error === "no-data";
}

/**
 * True when `l` failed to give an address: a timeout or server failure, or an ambiguous
 * "no records" for a name that `others` resolve to addresses.
 */
export function failedLookup(l: Lookup, others: readonly Lookup[]): boolean {
  if (l.ok && l.answers.length > 0) return false;
  if (l.error === "no-records") {
    return others.some((o) => o.name === l.name && o.ok && o.answers.length > 0);
  }
  return !l.ok && !isAnswer(l.error);
}

/** The median of `xs`, or null. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
