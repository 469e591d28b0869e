/**
 * Builders of probe results for rule and diagnosis tests: realistic data in the probes'
 * shapes, with only what a test cares about spelled out.
 *
 * @module
 */
import type { DnsResolveData } from "../../probes/builtin/dns_resolve.ts";
import type { HttpTimingData } from "../../probes/builtin/http_timing.ts";
import type { TcpConnectData } from "../../probes/builtin/tcp_connect.ts";
import type { ProbeResult, ProbeStatus, Segment } from "../../probes/types.ts";
import type { RuleInput } from "./rule.ts";

/** A measured result of probe `id` with `data`. */
export function result(
  id: string,
  data: Record<string, unknown>,
  opts: { status?: ProbeStatus; segment?: Segment } = {},
): ProbeResult {
  return {
    id,
    title: { ja: id, en: id },
    segment: opts.segment ?? "internet",
    status: opts.status ?? "ok",
    startedAt: "2026-11-24T09:00:00.000Z",
    durationMs: 10,
    data,
    evidence: [],
    source: "builtin",
  };
}

/** The rule input of `results`. */
export function inputOf(...results: ProbeResult[]): RuleInput {
  return { results: new Map(results.map((r) => [r.id, r])) };
}

type Lookup = DnsResolveData["lookups"][number];

/** What a lookup asked on the wire answers: the response code of an error. */
const RCODE: Record<string, string | null> = {
  "no-data": "NOERROR",
  nxdomain: "NXDOMAIN",
  servfail: "SERVFAIL",
  refused: "REFUSED",
};

/**
 * A lookup: `ok` with `answers`, or failed with `error`. Through a named resolver it was
 * asked on the wire (`type` A unless given; `kind` `public` unless the name is `provider`),
 * so its response code follows from the outcome (`timeout`: none).
 */
export function lookup(
  name: string,
  resolver: string,
  outcome: { answers: string[]; ms?: number } | { error: string; ms?: number },
  opts: { type?: "A" | "AAAA"; kind?: "provider" | "public" } = {},
): Lookup {
  const ok = "answers" in outcome;
  const system = resolver === "system";
  return {
    name,
    resolver,
    kind: system ? "system" : opts.kind ?? (resolver === "provider" ? "provider" : "public"),
    server: system ? null : `${resolver}#53`,
    type: system ? "any" : opts.type ?? "A",
    ok: ok || outcome.error === "no-data",
    ms: outcome.ms ?? 5,
    answers: ok ? outcome.answers : [],
    ...(ok ? {} : { error: outcome.error }),
    rcode: system ? null : ok ? "NOERROR" : RCODE[outcome.error] ?? null,
    flags: system ? null : { aa: false, tc: false, rd: true, ra: true, ad: false, cd: false },
    transport: system ? null : "udp",
  };
}

/** A `dns.resolve` result. */
export function dnsResolve(lookups: Lookup[], slowMs = 300): ProbeResult {
  return result("dns.resolve", { lookups, slowMs } satisfies DnsResolveData, { segment: "dns" });
}

type TcpTarget = TcpConnectData["targets"][number];

/** A `tcp.connect` target; `attempts` as `[family, ok, ms, error?]`. */
export function tcpTarget(
  name: string,
  host: string,
  segment: TcpTarget["segment"],
  attempts: [4 | 6, boolean, number, string?][],
  error?: string,
): TcpTarget {
  return {
    name,
    host,
    port: 443,
    segment,
    dnsMs: null,
    ...(error ? { error } : {}),
    attempts: attempts.map(([family, ok, ms, err]) => ({
      family,
      address: family === 4 ? "198.18.0.1" : "fd00::1",
      ok,
      ms,
      ...(err ? { error: err } : {}),
    })),
  };
}

/** A `tcp.connect` result. */
export function tcpConnect(targets: TcpTarget[], slowMs = 300): ProbeResult {
  return result("tcp.connect", { targets, slowMs } satisfies TcpConnectData);
}

type HttpTarget = HttpTimingData["targets"][number];

/** An `http.timing` target that answered 200 quickly, with `over` changed. */
export function httpTarget(name: string, url: string, over: Partial<HttpTarget> = {}): HttpTarget {
  return {
    name,
    url,
    segment: "internet",
    healthy: true,
    expectStatus: null,
    ok: true,
    address: "198.18.0.1",
    dnsMs: 1,
    connectMs: 1,
    tlsMs: url.startsWith("https") ? 2 : null,
    ttfbMs: 3,
    totalMs: 5,
    status: 200,
    location: null,
    date: null,
    bodyBytes: 10,
    tlsVersion: null,
    alpn: null,
    certIssuer: null,
    certNotAfter: null,
    certDaysLeft: null,
    ...over,
  };
}

/** An `http.timing` result. */
export function httpTiming(targets: HttpTarget[], slowMs = 1500): ProbeResult {
  return result("http.timing", { targets, slowMs } satisfies HttpTimingData);
}
