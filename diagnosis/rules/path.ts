/**
 * The route trace (`path.trace`, mtr-style loss per hop): loss at a hop that does not
 * persist to the destination is that router rate-limiting its ICMP answers (RFC 1812
 * §4.3.2.8, RFC 4443 §2.4(f)), not lost traffic (R. Steenbergen, "A Practical Guide to
 * (Correctly) Troubleshooting with Traceroute", NANOG 47): noted for support, never a
 * warning. Where loss starts is judged from simultaneous pings (`loss.ts`), not from the
 * trace, whose probes routers answer at their discretion.
 *
 * @module
 */
import { measured, type Rule, type RuleInput } from "./rule.ts";
import { listOf, num, str } from "./shape.ts";

interface Traced {
  target: string;
  reached: boolean;
  endLoss: number | null;
  rateLimited: number[];
}

function traces(input: RuleInput): Traced[] {
  return listOf(measured(input, "path.trace"), "targets")
    .filter((t) => t.status !== "skipped" && t.status !== "error")
    .map((t) => ({
      target: str(t.name) ?? str(t.target) ?? "?",
      reached: t.reached === true,
      endLoss: num(t.endLossPercent),
      rateLimited: Array.isArray(t.rateLimitedHops)
        ? t.rateLimitedHops.filter((n) => typeof n === "number")
        : [],
    }));
}

/** Loss at hops that does not carry on to the destination: rate limiting, not a fault. */
export const hopRateLimited: Rule = (input) => {
  const limited = traces(input).filter((t) => t.reached && t.rateLimited.length > 0);
  if (limited.length === 0) return [];
  return [{
    id: "path.hop-rate-limited",
    segment: "internet",
    severity: "info",
    confidence: "high",
    title: {
      ja: "途中の機器が応答を間引いています (問題ではありません)",
      en: "Some routers on the way answer only some probes (not a fault)",
    },
    detail: {
      ja:
        "経路の途中で応答が欠けていますが、宛先までは失われていません。機器が応答を制限しているだけです。",
      en:
        "Some hops on the way skip answers, but nothing is lost to the destination: those routers limit their replies.",
    },
    advice: { ja: "対応は不要です。", en: "Nothing to do." },
    technical: limited.map((t) =>
      `${t.target}: rate-limited hops ${t.rateLimited.join(",")}, ${t.endLoss ?? 0}% end loss`
    )
      .join("; "),
    evidence: [{
      probe: "path.trace",
      values: Object.fromEntries(limited.map((t) => [t.target, t.rateLimited])),
    }],
  }];
};
