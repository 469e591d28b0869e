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
import { lossView } from "./loss_view.ts";
import { measured, type RuleInput } from "./rule.ts";
import { listOf } from "./shape.ts";

/** A connect slower than this resent its SYN (the 1 s initial RTO, less scheduling slack). */
export const RETRANSMIT_MS = 900;

/**
 * Descriptions of each loss sign found; empty when the path looks clean. When pings were
 * measured along the path and every family came out clean (`path.loss`), there is no loss
 * to speak of: a slow connect or a lookup that timed out was then the device being busy
 * (they are timed by the kit, the pings by the OS), not a lost packet.
 */
export function lossSigns(input: RuleInput): string[] {
  const view = lossView(input);
  if (
    view !== null && view.verdicts.length > 0 && view.verdicts.every((v) => v.kind === "clean") &&
    view.sizes.every((s) => s.kind === "none")
  ) return [];
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
  // Echoes lost (to the router, the provider, the anchors, of any size) are a sign; all lost
  // is a target out of reach, not random loss.
  for (const p of view?.points ?? []) {
    if (p.lost > 0 && p.lost < p.sent) signs.push(`ping ${p.label}: ${p.lost}/${p.sent} lost`);
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
