/**
 * DNS rules over `dns.resolve`, `dns.config` and `dns.compare`: no resolver configured;
 * the device's own resolver fails where others answer (the provider's DNS is at fault);
 * nothing resolves through any resolver while IP works (DNS blocked on the way); lookups
 * are slow. A resolver used only for comparison that does not answer is noted, not a
 * fault: the customer's own DNS works.
 *
 * Slowness uses the configured limit (`dns.slowMs`, default 300 ms): a lookup precedes
 * every new connection, and 300 ms is already longer than the whole round trip the RPM
 * draft calls "poor" (200 ms, draft-ietf-ippm-responsiveness §1.2). It is the device's
 * resolver that is slow only when public resolvers asked alongside are not.
 *
 * @module
 */
import { advise, CONTACT_PROVIDER, RESTART_ROUTER } from "./advice.ts";
import { type DnsView, dnsView, failedLookup, isAnswer, type Lookup, median } from "./dns_view.ts";
import { dnsTypeFailed } from "./dns_types.ts";
import { lossSigns } from "./loss_signs.ts";
import type { Rule, RuleFinding } from "./rule.ts";

const ADVICE = advise(RESTART_ROUTER, CONTACT_PROVIDER);

const errorsOf = (ls: Lookup[]) => [...new Set(ls.map((l) => l.error ?? "?"))];
const evidence = (ls: Lookup[], values: Record<string, unknown>) =>
  [...new Set(ls.map((l) => l.probe))].map((probe) => ({ probe, values }));

/** The device has no DNS server at all, and its lookups fail. */
export const dnsNotConfigured: Rule = (input) => {
  const v = dnsView(input);
  if (!v || v.configured === null || v.configured.length > 0) return [];
  if (v.lookups.some((l) => l.own && l.ok)) return [];
  return [{
    id: "dns.not-configured",
    segment: "dns",
    severity: "fail",
    confidence: "high",
    title: { ja: "DNS サーバーが設定されていません", en: "No DNS server is configured" },
    detail: {
      ja: "この端末には DNS サーバーが設定されていないため、名前でサイトを開けません。",
      en: "This device has no DNS server, so sites cannot be opened by name.",
    },
    advice: advise({
      ja: "ネットワーク設定で DNS を「自動取得」にし、",
      en: "Set DNS to automatic in the network settings,",
    }, ADVICE),
    technical: "dns.config: no resolver configured on any interface",
    evidence: [{ probe: "dns.config", values: { servers: 0 } }],
    at: "lan",
    breaks: "names",
  }];
};

/**
 * The device's own resolver fails while another resolver answers the same names. The OS
 * resolver's lookups decide when there are any: only they tell "no such name" from
 * "server failure".
 */
export const ownResolverFailed: Rule = (input) => {
  const v = dnsView(input);
  if (!v) return [];
  const own = v.lookups.filter((l) => l.own);
  const others = v.lookups.filter((l) => !l.own);
  const precise = own.filter((l) => l.precise);
  const judged = precise.length ? precise : own;
  const ownDead = judged.length > 0 && judged.every((l) => failedLookup(l, others));
  // Another resolver that answers some lookups and drops others means loss on the way,
  // which makes the own resolver look dead by chance.
  const flaky = [...groupBy(others, (l) => l.resolver).values()].some((ls) =>
    ls.some((l) => l.ok) && ls.some((l) => !l.ok && l.error === "timeout")
  );
  if (!ownDead || !others.some((l) => l.ok && l.answers.length > 0) || flaky) return [];
  const failed = judged.filter((l) => failedLookup(l, others));
  // While packets are being lost, lookups time out with them: a symptom of the loss.
  const lossy = lossSigns(input).length > 0;
  return [{
    id: "dns.system-resolver-failed",
    segment: "dns",
    severity: lossy ? "warn" : "fail",
    confidence: precise.length && v.compareVerdict === "configured-broken" ? "high" : "medium",
    title: {
      ja: "この端末の DNS サーバーが応答しません",
      en: "This device's DNS server does not answer",
    },
    detail: {
      ja:
        "設定されている DNS サーバーから答えが返りません。ほかの DNS サーバーでは名前を解決できました。",
      en: "The configured DNS server gives no answers, while other DNS servers resolve the names.",
    },
    advice: ADVICE,
    technical: `own resolver${v.configured?.length ? ` ${v.configured.join(", ")}` : ""}: ` +
      `${failed.length}/${judged.length} lookups failed (${errorsOf(failed).join(", ")}); ` +
      `other resolvers answered ${others.filter((l) => l.ok).length}/${others.length}` +
      (v.compareVerdict ? `; dns.compare: ${v.compareVerdict}` : ""),
    evidence: evidence(judged, {
      failed: failed.length,
      errors: errorsOf(failed),
      ...(v.compareVerdict ? { compare: v.compareVerdict } : {}),
    }),
    at: v.ownAt,
    breaks: "names",
    symptom: lossy ? "quality" : "path",
  }];
};

/** Every lookup through every resolver failed (not "no such name": no answer at all). */
export const dnsAllFailed: Rule = (input) => {
  const v = dnsView(input);
  if (!v || v.lookups.length === 0) return [];
  if (v.lookups.some((l) => l.ok || isAnswer(l.error))) return [];
  const resolvers = [...new Set(v.lookups.map((l) => l.resolver))];
  return [{
    id: "dns.all-failed",
    segment: "dns",
    severity: "fail",
    confidence: resolvers.length > 1 ? "high" : "medium",
    title: { ja: "名前解決 (DNS) ができません", en: "Names cannot be resolved (DNS)" },
    detail: {
      ja:
        `${resolvers.length} か所の DNS サーバーへの問い合わせ ${v.lookups.length} 件がすべて失敗しました。`,
      en: `All ${v.lookups.length} lookups through ${resolvers.length} DNS servers failed.`,
    },
    advice: ADVICE,
    technical: `0/${v.lookups.length} lookups answered via ${resolvers.join(", ")}; errors: ${
      errorsOf(v.lookups).join(", ")
    }`,
    evidence: evidence(v.lookups, { failed: v.lookups.length, errors: errorsOf(v.lookups) }),
    // Every resolver, near and far, fails alike: the common part of their paths drops DNS.
    at: "isp",
    breaks: "names",
  }];
};

/** A resolver other than the device's own does not answer: noted for support only. */
export const otherResolverSilent: Rule = (input) => {
  const v = dnsView(input);
  if (!v || !v.lookups.some((l) => l.own && l.ok)) return [];
  const dead = [...groupBy(v.lookups.filter((l) => !l.own), (l) => l.resolver)]
    .filter(([, ls]) => ls.every((l) => !l.ok && !isAnswer(l.error)));
  return dead.map(([name, ls]): RuleFinding => ({
    id: "dns.other-resolver-silent",
    segment: "dns",
    severity: "info",
    confidence: "medium",
    title: {
      ja: `比較用の DNS サーバー ${name} が応答しません`,
      en: `The comparison DNS server ${name} does not answer`,
    },
    detail: {
      ja: "この端末が使う DNS は正常です。比較用のサーバーだけが応答しませんでした。",
      en: "This device's own DNS works; only a server used for comparison did not answer.",
    },
    advice: { ja: "対応は不要です。", en: "Nothing to do." },
    technical: `${name}: ${ls.length} lookups failed (${errorsOf(ls).join(", ")})`,
    evidence: evidence(ls, { resolver: name, errors: errorsOf(ls) }),
  }));
};

/** The device's own lookups are slow. */
export const dnsSlow: Rule = (input) => {
  const v = dnsView(input);
  if (!v) return [];
  const own = v.lookups.filter((l) => l.own && l.ok);
  const m = median(own.map((l) => l.ms));
  if (m === null || m <= v.slowMs) return [];
  // Public resolvers asked alongside and just as slow: the wait is on this side (a busy
  // device, a slow line — which the path rules judge), not in the device's resolver.
  const reference = median(v.lookups.filter((l) => l.public && l.ok).map((l) => l.ms));
  if (reference !== null && reference > v.slowMs) return [];
  // Slow because the resolver fails one record type and the OS resolver waits for it: a
  // symptom of that fault, which explains failed and slow lookups alike.
  const typeFault = dnsTypeFailed(input).length > 0;
  return [{ ...slowFinding(v, own, m), ...(typeFault ? { symptom: "names" as const } : {}) }];
};

function slowFinding(v: DnsView, own: Lookup[], m: number): RuleFinding {
  return {
    id: "dns.slow",
    segment: "dns",
    severity: "warn",
    confidence: own.length > 1 ? "high" : "medium",
    title: { ja: "名前解決が遅くなっています", en: "Name resolution is slow" },
    detail: {
      ja: `この端末の DNS の応答に平均して ${
        Math.round(m)
      } ms かかっています (目安 ${v.slowMs} ms)。`,
      en: `This device's DNS takes ${Math.round(m)} ms to answer (limit ${v.slowMs} ms).`,
    },
    advice: ADVICE,
    technical: `own resolver median ${m}ms over ${own.length} lookups (limit ${v.slowMs}ms): ${
      own.map((l) => `${l.name} ${l.ms}ms`).join(", ")
    }`,
    evidence: evidence(own, { medianMs: m, thresholdMs: v.slowMs }),
    at: v.ownAt,
    symptom: "quality",
  };
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
