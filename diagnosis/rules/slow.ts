/**
 * Slowness rules over the configured targets: TCP connects and web answers that take
 * longer than the configured limits (`tcp.slowMs`, `http.slowMs`), per segment.
 *
 * A connect is one round trip, so a connect far above the idle RTT means loss (a lost SYN
 * is resent after 1 s, RFC 6298 §2) or a congested queue; a slow first byte with a fast
 * connect points at the server. Connects are judged from `tcp.connect` alone: the HTTP
 * probe's connect phase shares the event loop with the request work and reads high on a
 * busy machine.
 *
 * @module
 */
import { advise, CONTACT_PROVIDER, SERVICE_SIDE, TRY_EVENING } from "./advice.ts";
import { RETRANSMIT_MS } from "./loss_signs.ts";
import { measured, type Rule, type RuleFinding } from "./rule.ts";
import { byProbe } from "./reach.ts";
import { targetOutcomes } from "./targets.ts";

/** Targets that answered, but slowly. */
export const slowResponses: Rule = (input) => {
  const tcpLimit = measured(input, "tcp.connect")?.slowMs ?? Infinity;
  const httpLimit = measured(input, "http.timing")?.slowMs ?? Infinity;
  const outcomes = targetOutcomes(input).filter((o) => o.ok);
  const findings: RuleFinding[] = [];
  for (const seg of ["isp", "internet", "service"] as const) {
    const slowConnects = outcomes.filter((o) =>
      o.segment === seg && o.probe === "tcp.connect" && (o.connectMs ?? 0) > tcpLimit
    );
    const slowAnswers = outcomes.filter((o) =>
      o.segment === seg && o.probe === "http.timing" && o.http!.healthy &&
      (o.http!.ttfbMs ?? 0) > httpLimit
    );
    // One connect a little over the limit is scheduling noise of a busy device; a resent
    // SYN (over RETRANSMIT_MS) or two slow connects is the network.
    const connectsCount = slowConnects.length >= 2 ||
      slowConnects.some((o) => (o.connectMs ?? 0) >= RETRANSMIT_MS);
    const slow = [...(connectsCount ? slowConnects : []), ...slowAnswers];
    if (slow.length === 0) continue;
    const ms = (o: (typeof slow)[number]) =>
      o.probe === "tcp.connect" ? o.connectMs : o.http!.ttfbMs;
    const worst = Math.max(...slow.map((o) => ms(o) ?? 0));
    findings.push({
      id: `${seg}.slow`,
      segment: seg,
      severity: "warn",
      confidence: slow.length > 1 ? "high" : "medium",
      title: seg === "service"
        ? { ja: "サービスの応答が遅くなっています", en: "The service answers slowly" }
        : { ja: "応答が遅くなっています", en: "Answers are slow" },
      detail: {
        ja: `${slow.map((o) => o.name).join(", ")} の応答に時間がかかりました (最大 ${worst} ms)。`,
        en: `${slow.map((o) => o.name).join(", ")} took long to answer (worst ${worst} ms).`,
      },
      advice: seg === "service" ? SERVICE_SIDE : advise(TRY_EVENING, CONTACT_PROVIDER),
      technical: `${seg}: slow ${
        slow.map((o) => `${o.name} ${ms(o)}ms`).join(", ")
      } (limits: connect ${tcpLimit}ms, first byte ${httpLimit}ms)`,
      evidence: byProbe(slow, (o) => ({ [o.name]: ms(o) })),
      symptom: "quality",
    });
  }
  return findings;
};
