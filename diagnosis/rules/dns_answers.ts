/**
 * The device's resolver answers, but wrongly: "no such name" or a sinkhole address (0.0.0.0,
 * loopback, a private IPv4 address) for names another resolver resolves to usable addresses. A
 * filtering service, a hijacking router or a broken provider resolver does this. Answers
 * that merely differ (CDNs answer by location) are not flagged.
 *
 * @module
 */
import { ipScope } from "../../util/ip_scope.ts";
import { advise, CONTACT_PROVIDER, RESTART_ROUTER } from "./advice.ts";
import { dnsView, type Lookup } from "./dns_view.ts";
import type { Rule } from "./rule.ts";

/** The own resolver's answers are wrong where another resolver's are right. */
export const dnsAnswersWrong: Rule = (input) => {
  const v = dnsView(input);
  if (!v) return [];
  const wrong: { name: string; own: string; other: string }[] = [];
  for (const name of new Set(v.lookups.map((l) => l.name))) {
    const mine = v.lookups.filter((l) => l.name === name && l.own);
    const good = v.lookups.find((l) => l.name === name && !l.own && l.ok && isPublic(l));
    if (!good || mine.length === 0) continue;
    const bad = mine.find((l) =>
      l.error === "nxdomain" || (l.ok && l.answers.length > 0 && !isPublic(l))
    );
    if (bad && !mine.some((l) => isPublic(l))) {
      wrong.push({
        name,
        own: bad.ok ? bad.answers.join(" ") : "NXDOMAIN",
        other: `${good.answers.join(" ")} (${good.resolver})`,
      });
    }
  }
  if (wrong.length === 0) return [];
  const compareSays = v.compareVerdict === "configured-differs";
  return [{
    id: "dns.answers-wrong",
    segment: "dns",
    severity: "fail",
    confidence: compareSays ? "high" : "medium",
    title: {
      ja: "DNS が正しくない答えを返しています",
      en: "DNS gives wrong answers",
    },
    detail: {
      ja:
        "この端末の DNS は、ほかの DNS が答える名前を「存在しない」としたり、使えないアドレスを返したりしています。",
      en:
        "This device's DNS says names do not exist, or returns unusable addresses, where other DNS servers answer properly.",
    },
    advice: advise(
      {
        ja: "ルーターやセキュリティ ソフトのフィルタ設定を確かめてください。",
        en: "Check filtering settings in the router or security software.",
      },
      RESTART_ROUTER,
      CONTACT_PROVIDER,
    ),
    technical: wrong.map((w) => `${w.name}: own ${w.own} vs ${w.other}`).join("; "),
    evidence: [...new Set(v.lookups.filter((l) => l.own).map((l) => l.probe))].map((probe) => ({
      probe,
      values: { wrong: wrong.map((w) => w.name) },
    })),
    at: v.ownAt,
    breaks: "names",
  }];
};

/**
 * True when the lookup answered with at least one usable address: not only sinkholes
 * (0.0.0.0, loopback), private IPv4 or link-local addresses, which no public name has.
 */
function isPublic(l: Lookup): boolean {
  return l.ok && l.answers.some((a) => {
    try {
      return ["global", "ula", "cgnat"].includes(ipScope(a));
    } catch {
      return false;
    }
  });
}
