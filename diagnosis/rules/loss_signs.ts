/**
 * Signs that packets are being lost somewhere on the path, from any probe: a connect that
 * took a SYN retransmission (the first resend comes after 1 s, RFC 6298 §2, so a connect
 * near or past 1 s lost a packet), pings that lost replies, a resolver that answers some
 * lookups and times out on others.
 *
 * Rules that infer a specific cause from a failure pattern (an MTU black hole, broken IPv6)
 * check these first: random loss produces the same failures by chance.
 *
 * @module
 */
import { measured, type RuleInput } from "./rule.ts";
import { listOf, pingStats } from "./shape.ts";

/** A connect slower than this resent its SYN (the 1 s initial RTO, less scheduling slack). */
export const RETRANSMIT_MS = 900;

/** Probes whose data holds ping runs. */
export const PING_PROBES = ["lan.gateway.ping", "internet.ping"] as const;

/** Descriptions of each loss sign found; empty when the path looks clean. */
export function lossSigns(input: RuleInput): string[] {
  const signs: string[] = [];
  for (const t of measured(input, "tcp.connect")?.targets ?? []) {
    for (const a of t.attempts) {
      if (a.ok && a.ms >= RETRANSMIT_MS) signs.push(`tcp.connect ${t.name}: ${a.ms}ms`);
    }
  }
  for (const t of measured(input, "http.timing")?.targets ?? []) {
    if ((t.connectMs ?? 0) >= RETRANSMIT_MS) {
      signs.push(`http.timing ${t.name}: connect ${t.connectMs}ms`);
    }
  }
  for (const id of PING_PROBES) {
    for (const e of pingEntries(measured(input, id))) {
      const s = pingStats(e);
      // All lost is a target out of reach, not random loss.
      if (s && s.lossPercent > 0 && s.received > 0) {
        signs.push(`${id} ${s.target}: ${s.lossPercent}% loss`);
      }
    }
  }
  const byResolver = new Map<string, { ok: number; timeout: number; types: Set<string> }>();
  const typeOk = new Map<string, number>();
  for (const l of measured(input, "dns.resolve")?.lookups ?? []) {
    const c = byResolver.get(l.resolver) ?? { ok: 0, timeout: 0, types: new Set() };
    if (l.ok) {
      c.ok++;
      typeOk.set(`${l.resolver} ${l.type}`, (typeOk.get(`${l.resolver} ${l.type}`) ?? 0) + 1);
    } else if (l.error === "timeout") {
      c.timeout++;
      c.types.add(l.type);
    }
    byResolver.set(l.resolver, c);
  }
  for (const [name, c] of byResolver) {
    // Every lookup of one record type timing out, none of another: a resolver that does not
    // answer that type (dns_types.ts), not packets lost by chance, which take either type.
    const oneType = c.types.size === 1 && !typeOk.has(`${name} ${[...c.types][0]}`);
    if (c.ok > 0 && c.timeout > 0 && !oneType) {
      signs.push(`dns.resolve ${name}: ${c.timeout} timeouts`);
    }
  }
  return signs;
}

/** The ping runs in a ping probe's data, wherever the probe keeps them. */
export function pingEntries(data: unknown): Record<string, unknown>[] {
  return listOf(data, "targets", "results", "gateways", "anchors", "pings");
}
