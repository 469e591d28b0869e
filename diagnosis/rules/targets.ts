/**
 * The outcome of every configured target (`tcp.connect`, `http.timing`) in one shape, with
 * the way each one failed: by its name (the lookup failed, or pointed somewhere no other
 * resolver points), on the path (no answer), refused (the host answered "no"), in TLS, or
 * stalled after connecting. Rules about reachability, slowness and MTU read this.
 *
 * @module
 */
import type { DnsResolveData } from "../../probes/builtin/dns_resolve.ts";
import type { HttpTimingData } from "../../probes/builtin/http_timing.ts";
import { ipFamily } from "../../util/ip_scope.ts";
import { measured, type RuleInput } from "./rule.ts";

/** How a target failed. */
export type TargetFailure = "names" | "path" | "refused" | "tls" | "stall" | "request";

/** One target's outcome. */
export interface TargetOutcome {
  probe: "tcp.connect" | "http.timing";
  name: string;
  host: string;
  segment: "isp" | "internet" | "service";
  /** The host was given as an IP literal: no lookup was involved. */
  byIp: boolean;
  /** Reached: connected (TCP) or answered (HTTP). */
  ok: boolean;
  failure: TargetFailure | null;
  /** Why, as recorded by the probe. */
  error: string | null;
  address: string | null;
  /** HTTP only. */
  http?: HttpTimingData["targets"][number];
  /** TCP only: the slowest successful connect. */
  connectMs?: number | null;
  /** The IP families it was tried over (empty when no address was found). */
  families: (4 | 6)[];
}

/** Addresses no resolver gives for a public name: unspecified, loopback, sinkholes. */
const SINKHOLE = /^(0\.|127\.|::$|::1$)/;

/** All target outcomes of the run. */
export function targetOutcomes(input: RuleInput): TargetOutcome[] {
  const astray = astrayCheck(measured(input, "dns.resolve"));
  const out: TargetOutcome[] = [];
  for (const t of measured(input, "tcp.connect")?.targets ?? []) {
    const ok = t.attempts.some((a) => a.ok);
    const byIp = ipFamily(t.host) !== 0;
    const address = t.attempts[0]?.address ?? null;
    let failure: TargetFailure | null = null;
    if (!ok) {
      failure = t.error?.startsWith("dns:") || (!byIp && astray(t.host, address))
        ? "names"
        : t.attempts.some((a) => a.error === "refused")
        ? "refused"
        : "path";
    }
    const okMs = t.attempts.filter((a) => a.ok).map((a) => a.ms);
    out.push({
      probe: "tcp.connect",
      name: t.name,
      host: t.host,
      segment: t.segment,
      byIp,
      ok,
      failure,
      error: t.error ?? t.attempts.find((a) => !a.ok)?.error ?? null,
      address,
      connectMs: okMs.length ? Math.min(...okMs) : null,
      families: [...new Set(t.attempts.map((a) => a.family))],
    });
  }
  for (const t of measured(input, "http.timing")?.targets ?? []) {
    const host = new URL(t.url).hostname.replace(/^\[|\]$/g, "");
    const byIp = ipFamily(host) !== 0;
    out.push({
      probe: "http.timing",
      name: t.name,
      host,
      segment: t.segment,
      byIp,
      ok: t.ok,
      failure: t.ok ? null : httpFailure(t, !byIp && astray(host, t.address)),
      error: t.error ?? null,
      address: t.address,
      http: t,
      families: t.families?.length
        ? [...new Set(t.families.map((f) => f.family))]
        : t.address && ipFamily(t.address)
        ? [ipFamily(t.address) as 4 | 6]
        : [],
    });
  }
  return out;
}

function httpFailure(t: HttpTimingData["targets"][number], astray: boolean): TargetFailure {
  const timedOut = /timeout/i.test(t.error ?? "");
  if (t.failedAt === "dns" || astray) return "names";
  if (t.failedAt === "connect") return /refused/i.test(t.error ?? "") ? "refused" : "path";
  // Connected, then nothing more came: the signature of packets too big to pass.
  if (t.failedAt === "tls") return timedOut ? "stall" : "tls";
  return timedOut && t.connectMs !== null ? "stall" : "request";
}

/**
 * A check whether the address a name led to is one no other resolver gave for it (a lying
 * or hijacked resolver), or a sinkhole address.
 */
function astrayCheck(
  dns: DnsResolveData | null,
): (host: string, address: string | null) => boolean {
  const reference = new Map<string, Set<string>>();
  for (const l of dns?.lookups ?? []) {
    if (l.resolver === "system" || !l.ok || l.answers.length === 0) continue;
    const set = reference.get(l.name.toLowerCase()) ?? new Set();
    l.answers.forEach((a) => set.add(a));
    reference.set(l.name.toLowerCase(), set);
  }
  return (host, address) => {
    if (!address) return false;
    if (SINKHOLE.test(address)) return true;
    const ref = reference.get(host.toLowerCase());
    return ref !== undefined && !ref.has(address);
  };
}
