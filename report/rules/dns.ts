/**
 * DNS rules over `dns.resolve`: nothing resolves; the system's resolver fails where others
 * answer (the configured or provider DNS is at fault); lookups are slow.
 *
 * @module
 */
import type { DnsResolveData } from "../../probes/dns_resolve.ts";
import { measured, type Rule } from "./rule.ts";

const ADVICE_PROVIDER = {
  ja:
    "ルーターを再起動してください。直らなければ、このレポートを添えてプロバイダーに連絡してください。",
  en: "Restart the router. If that does not help, contact your provider with this report.",
};

/** Every lookup failed, through every resolver. */
export const dnsAllFailed: Rule = (input) => {
  const d = measured<DnsResolveData>(input, "dns.resolve");
  if (!d || d.lookups.length === 0 || d.lookups.some((l) => l.ok)) return [];
  const errors = [...new Set(d.lookups.map((l) => l.error ?? "?"))];
  return [{
    id: "dns.all-failed",
    segment: "dns",
    severity: "fail",
    confidence: "high",
    title: { ja: "名前解決 (DNS) ができません", en: "Names cannot be resolved (DNS)" },
    detail: {
      ja: `${d.lookups.length} 件の問い合わせがすべて失敗しました (${errors.join(", ")})。`,
      en: `All ${d.lookups.length} lookups failed (${errors.join(", ")}).`,
    },
    advice: ADVICE_PROVIDER,
    technical: `dns.resolve: 0/${d.lookups.length} lookups answered; errors: ${errors.join(", ")}`,
    evidence: [{ probe: "dns.resolve", values: { failed: d.lookups.length, errors } }],
  }];
};

/** Some resolvers fail while others answer: the failing ones are at fault. */
export const dnsResolverFailed: Rule = (input) => {
  const d = measured<DnsResolveData>(input, "dns.resolve");
  if (!d || !d.lookups.some((l) => l.ok)) return [];
  const byResolver = new Map<string, { ok: number; total: number }>();
  for (const l of d.lookups) {
    const s = byResolver.get(l.resolver) ?? { ok: 0, total: 0 };
    s.total++;
    if (l.ok) s.ok++;
    byResolver.set(l.resolver, s);
  }
  const dead = [...byResolver].filter(([, s]) => s.ok === 0).map(([name]) => name);
  if (dead.length === 0) return [];
  const system = dead.includes("system");
  return [{
    id: system ? "dns.system-resolver-failed" : "dns.resolver-failed",
    segment: "dns",
    severity: system ? "fail" : "warn",
    confidence: "high",
    title: system
      ? {
        ja: "この端末の DNS サーバーが応答しません",
        en: "This device's DNS server does not answer",
      }
      : { ja: "一部の DNS サーバーが応答しません", en: "Some DNS servers do not answer" },
    detail: {
      ja: `応答しない DNS: ${dead.join(", ")}。ほかの DNS では名前を解決できました。`,
      en: `Not answering: ${dead.join(", ")}. Other DNS servers resolved the names.`,
    },
    advice: ADVICE_PROVIDER,
    technical: `resolvers with 0 answers: ${dead.join(", ")}`,
    evidence: [{ probe: "dns.resolve", values: { dead } }],
  }];
};

/** Lookups that answered but slower than the configured threshold. */
export const dnsSlow: Rule = (input) => {
  const d = measured<DnsResolveData>(input, "dns.resolve");
  if (!d) return [];
  const slow = d.lookups.filter((l) => l.ok && l.ms > d.slowMs);
  if (slow.length === 0) return [];
  const worst = Math.max(...slow.map((l) => l.ms));
  return [{
    id: "dns.slow",
    segment: "dns",
    severity: "warn",
    confidence: "medium",
    title: { ja: "名前解決が遅くなっています", en: "Name resolution is slow" },
    detail: {
      ja: `${slow.length} 件の問い合わせが ${d.slowMs} ms を超えました (最大 ${worst} ms)。`,
      en: `${slow.length} lookups took longer than ${d.slowMs} ms (worst ${worst} ms).`,
    },
    advice: ADVICE_PROVIDER,
    technical: `slow lookups: ${slow.map((l) => `${l.name}@${l.resolver} ${l.ms}ms`).join(", ")}`,
    evidence: [{
      probe: "dns.resolve",
      values: { slow: slow.length, worstMs: worst, thresholdMs: d.slowMs },
    }],
  }];
};
