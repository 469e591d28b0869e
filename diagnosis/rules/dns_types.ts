/**
 * The provider's resolver fails lookups of one record type while it answers the other: a
 * SERVFAIL, REFUSED or no answer for AAAA while A works (or the reverse), where a public
 * resolver answers that type for the same names. Only the response codes of lookups asked on
 * the wire show it: the OS resolver quietly returns the addresses of the type that worked.
 *
 * A resolver that fails AAAA costs IPv6: apps get IPv4 addresses only, and where the OS
 * resolver waits for the failed AAAA answer (a retry, a second server, a timeout) every new
 * name is slow or fails: then it is a fault (`fail`), else a warning. One that fails A
 * leaves IPv4-only sites unreachable by name (`fail`). Lookups that failed or were slow
 * because of it are its consequences (`breaks: "names"`).
 *
 * It takes two failed lookups of the type (two names, or the same name asked by two probes),
 * every lookup of the other type answered, and failures that are answers (a response code)
 * or, when they are timeouts, no sign of random loss: a lost datagram is not a broken type.
 *
 * @module
 */
import { advise, CONTACT_PROVIDER, RESTART_ROUTER } from "./advice.ts";
import { dnsView, type Lookup } from "./dns_view.ts";
import { lossSigns } from "./loss_signs.ts";
import type { Rule, RuleFinding } from "./rule.ts";

const TYPES = ["A", "AAAA"] as const;

const WHAT = {
  A: { ja: "IPv4 (A)", en: "IPv4 (A)" },
  AAAA: { ja: "IPv6 (AAAA)", en: "IPv6 (AAAA)" },
} as const;

/** The provider's resolver fails one record type that public DNS answers. */
export const dnsTypeFailed: Rule = (input) => {
  const v = dnsView(input);
  if (!v) return [];
  const mine = v.lookups.filter((l) => l.provider && l.precise && l.type !== "any");
  const pub = v.lookups.filter((l) => l.public && l.precise && l.ok);
  const lossy = lossSigns(input).length > 0;
  return TYPES.flatMap((type): RuleFinding[] => {
    const asked = mine.filter((l) => l.type === type);
    const other = mine.filter((l) => l.type !== type);
    const failed = asked.filter((l) => !l.ok);
    const timeoutsOnly = failed.every((l) => l.rcode === null);
    const publicAnswers = failed.filter((l) =>
      pub.some((p) => p.name === l.name && p.type === type)
    );
    if (
      failed.length < 2 || failed.length !== asked.length || other.length === 0 ||
      !other.every((l) => l.ok) || publicAnswers.length === 0 || (timeoutsOnly && lossy)
    ) {
      return [];
    }
    const codes = [...new Set(failed.map(code))];
    const osLost = osLookupsWithout(v.lookups, type);
    // What apps saw: the OS resolver failing or slow on those names makes it a fault.
    const osHurt = v.lookups.some((l) =>
      l.resolver === "system" && failed.some((f) => f.name === l.name) &&
      (!l.ok || l.ms > v.slowMs)
    );
    return [{
      id: `dns.${type.toLowerCase()}-failed`,
      segment: "dns",
      severity: type === "A" || osHurt ? "fail" : "warn",
      confidence: timeoutsOnly ? "medium" : "high",
      title: {
        ja: `プロバイダーの DNS が ${WHAT[type].ja} の問い合わせに失敗しています`,
        en: `The provider's DNS fails ${WHAT[type].en} lookups`,
      },
      detail: type === "AAAA"
        ? {
          ja:
            `プロバイダーの DNS は IPv4 (A) の問い合わせには答えますが、IPv6 (AAAA) の問い合わせには ${
              codes.join("/")
            } を返します。公開 DNS は同じ名前に答えています。IPv6 で開けるはずのサイトが IPv4 だけになり、アプリによっては名前を引くたびに待たされ、表示が遅くなります。`,
          en: `The provider's DNS answers IPv4 (A) lookups but answers IPv6 (AAAA) ones with ${
            codes.join("/")
          }, while public DNS answers them. Sites fall back to IPv4 only, and apps that wait for the failed lookup open every new site slowly.`,
        }
        : {
          ja:
            `プロバイダーの DNS は IPv6 (AAAA) の問い合わせには答えますが、IPv4 (A) の問い合わせには ${
              codes.join("/")
            } を返します。公開 DNS は同じ名前に答えています。IPv4 だけのサイトは名前で開けません。`,
          en: `The provider's DNS answers IPv6 (AAAA) lookups but answers IPv4 (A) ones with ${
            codes.join("/")
          }, while public DNS answers them. Sites that have only IPv4 cannot be opened by name.`,
        },
      advice: advise(RESTART_ROUTER, CONTACT_PROVIDER),
      technical: `${type} via the provider's resolver: ${
        failed.map((l) => `${l.name} ${code(l)} (${l.probe} @${l.resolver})`).join(", ")
      }; ${type === "A" ? "AAAA" : "A"} answered ${other.length}/${other.length}; public ${type}: ${
        publicAnswers.map((l) =>
          l.name
        ).join(", ")
      } answered` + (osLost.length ? `; the OS resolver returned no ${type} for ${osLost}` : ""),
      evidence: [
        ...new Set(failed.map((l) =>
          l.probe
        )),
      ].map((probe) => ({
        probe,
        values: {
          type,
          failed: failed.filter((l) => l.probe === probe).map((l) => `${l.name} ${code(l)}`),
          otherTypeAnswered: other.filter((l) => l.probe === probe).length,
        },
      })),
      at: v.ownAt,
      breaks: "names",
    }];
  });
};

function code(l: Lookup): string {
  return l.rcode ?? (l.error ?? "no answer").toUpperCase();
}

/** Names the OS resolver resolved without any address of `type`, as a phrase. */
function osLookupsWithout(lookups: readonly Lookup[], type: "A" | "AAAA"): string {
  const isV6 = (a: string) => a.includes(":");
  return lookups
    .filter((l) => l.resolver === "system" && l.ok && l.answers.length > 0)
    .filter((l) => !l.answers.some((a) => (type === "AAAA") === isV6(a)))
    .map((l) => l.name)
    .join(", ");
}
