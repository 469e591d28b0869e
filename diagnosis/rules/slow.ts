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
import { median, successRate } from "../../util/stats.ts";
import { asNote, lossUnsettled, MAYBE_LOSS } from "./corroborate.ts";
import { lossSigns } from "./loss_signs.ts";
import { lossView } from "./loss_view.ts";
import { measured, type Rule, type RuleFinding } from "./rule.ts";
import { byProbe } from "./reach.ts";
import { type TargetOutcome, targetOutcomes } from "./targets.ts";

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
    // A slow answer is the server's when it is slower than every other target's answer by
    // the limit: a device too busy to read its sockets delays the answers it is waiting for
    // alike.
    const slowAnswers = outcomes.filter((o) =>
      o.segment === seg && o.probe === "http.timing" && o.http!.healthy &&
      (o.http!.ttfbMs ?? 0) - (othersTtfb(outcomes, o) ?? 0) > httpLimit
    );
    // One connect over the limit is scheduling noise of a busy device, or one lost SYN
    // (resent after 1 s): one failed attempt. Two slow connects are the network — when the
    // pings there, which the OS times and no busy event loop delays, agree that round
    // trips are long (or saw loss); else the device was too busy to time them.
    const rtt = pingRtt(input, seg);
    const connectsCount = slowConnects.length >= 2 &&
      (rtt === null || rtt >= tcpLimit / 2 || lossSigns(input).length > 0);
    const slow = [...(connectsCount ? slowConnects : []), ...slowAnswers];
    if (slow.length === 0) continue;
    const judged = outcomes.filter((o) => o.segment === seg).length;
    const rate = successRate(slow.length, Math.max(judged, slow.length));
    const ms = (o: (typeof slow)[number]) =>
      o.probe === "tcp.connect" ? o.connectMs : o.http!.ttfbMs;
    const worst = Math.max(...slow.map((o) => ms(o) ?? 0));
    const finding: RuleFinding = {
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
      evidence: byProbe(slow, (o) => ({ [o.name]: ms(o), rate })),
      symptom: "quality",
    };
    // While loss is seen but not settled, a slow answer may be a resent packet.
    findings.push(lossUnsettled(input) ? asNote(finding, MAYBE_LOSS) : finding);
  }
  return findings;
};

/**
 * The median ping RTT towards a segment's targets: the provider's hops and hosts for `isp`,
 * the anchors for the internet and the services beyond it; null when nothing was pinged.
 */
function pingRtt(input: Parameters<Rule>[0], seg: "isp" | "internet" | "service"): number | null {
  const points = (lossView(input)?.points ?? []).filter((p) =>
    seg === "isp" ? p.segment === "isp" : p.role === "anchor"
  );
  return median(points.flatMap((p) => p.all.filter((x): x is number => x !== null)));
}

/** The slowest first byte of the other healthy web targets than `o`; null when none. */
function othersTtfb(outcomes: readonly TargetOutcome[], o: TargetOutcome): number | null {
  const others = outcomes.filter((x) => x !== o && x.probe === "http.timing" && x.http!.healthy)
    .map((x) => x.http!.ttfbMs)
    .filter((x): x is number => x !== null);
  return others.length ? Math.max(...others) : null;
}
