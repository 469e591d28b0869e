/**
 * Rules over the path beyond the router: `internet.ping` (loss, RTT, jitter to anchors)
 * and `path.trace` (mtr-style loss per hop). Where loss starts decides the segment: the
 * first hop from which it persists to the destination (`path_place.ts`). Loss at a hop
 * that does not persist is that router rate-limiting its ICMP answers (RFC 1812 §4.3.2.8,
 * RFC 4443 §2.4(f)), not lost traffic (R. Steenbergen, "A Practical Guide to (Correctly)
 * Troubleshooting with Traceroute", NANOG 47): noted for support, never a warning.
 *
 * Limits: loss as for the gateway (`gateway.ts`); RTT to an anchor above 100 ms and jitter
 * above 30 ms exceed Microsoft Teams' client-to-edge targets.
 *
 * @module
 */
import { advise, CONTACT_PROVIDER, RESTART_ROUTER, TRY_EVENING } from "./advice.ts";
import { gatewayPings, JITTER_WARN_MS, LOSS_FAIL, LOSS_WARN } from "./gateway.ts";
import { pingEntries } from "./loss_signs.ts";
import { hopPlaces } from "./path_place.ts";
import { type Location, measured, type Rule, type RuleFinding, type RuleInput } from "./rule.ts";
import { listOf, num, objs, type PingStats, pingStats, round1, str } from "./shape.ts";

/** RTT to an internet anchor above this (ms) is a warning (Teams, client to edge). */
export const RTT_WARN_MS = 100;

interface Traced {
  target: string;
  reached: boolean;
  endLoss: number | null;
  persistentFrom: number | null;
  rateLimited: number[];
  places: Map<number, Location>;
}

function traces(input: RuleInput): Traced[] {
  const gateways = listOf(measured(input, "net.gateway"), "routes").map((r) => str(r.gateway))
    .filter((g): g is string => g !== null);
  return listOf(measured(input, "path.trace"), "targets")
    .filter((t) => t.status !== "skipped" && t.status !== "error")
    .map((t) => {
      const hops = objs(t.hops).map((h) => ({
        ttl: num(h.ttl) ?? 0,
        addresses: Array.isArray(h.addresses)
          ? h.addresses.filter((a) => typeof a === "string")
          : [],
      }));
      return {
        target: str(t.name) ?? str(t.target) ?? "?",
        reached: t.reached === true,
        endLoss: num(t.endLossPercent),
        persistentFrom: num(t.persistentLossFrom),
        rateLimited: Array.isArray(t.rateLimitedHops)
          ? t.rateLimitedHops.filter((n) => typeof n === "number")
          : [],
        places: hopPlaces(hops, gateways),
      };
    });
}

function anchorPings(input: RuleInput): PingStats[] {
  return pingEntries(measured(input, "internet.ping"))
    .filter((e) => e.status !== "skipped" && e.status !== "error")
    .map(pingStats)
    .filter((s): s is PingStats => s !== null && s.sent > 0);
}

/**
 * Loss beyond the router. Pings decide whether traffic is lost: traceroute's probes ask
 * routers and the destination for ICMP errors, which they rate-limit, so a trace alone
 * shows "loss" on clean paths. The trace then tells where the loss starts. Without pings,
 * a trace's loss is only a warning, with low confidence.
 */
export const pathLoss: Rule = (input) => {
  const ts = traces(input);
  const pings = anchorPings(input);
  const lossy = pings.filter((p) =>
    p.received > 0 && p.lossPercent >= LOSS_WARN && p.sent - p.received >= 2
  );
  const tracedLoss = ts.filter((t) =>
    t.reached && t.persistentFrom !== null && (t.endLoss ?? 0) >= LOSS_WARN
  );
  if (lossy.length === 0 && (pings.length > 0 || tracedLoss.length === 0)) return [];
  const worst = Math.max(
    ...lossy.map((p) => p.lossPercent),
    ...(lossy.length ? [] : tracedLoss.map((t) => t.endLoss ?? 0)),
  );
  // Where loss starts: the nearest place a trace saw it persist from. The home network is
  // the gateway ping's to judge; a trace "from hop 1" beyond a clean gateway starts beyond.
  const starts = tracedLoss.map((t) => t.places.get(t.persistentFrom!) ?? "internet");
  const place: Location = starts.some((p) => p === "lan" || p === "isp") ? "isp" : "internet";
  const segment = place === "isp" ? "isp" : "internet";
  const heavy = worst >= LOSS_FAIL && lossy.length > 0;
  const gatewayClean = gatewayPings(input).some((p) => p.lossPercent === 0);
  const finding: RuleFinding = {
    id: `${segment}.loss`,
    segment,
    severity: heavy ? "fail" : "warn",
    confidence: lossy.length === 0 ? "low" : tracedLoss.length ? "high" : "medium",
    title: place === "isp"
      ? {
        ja: "回線 (プロバイダー側) でデータが失われています",
        en: "Data is lost on the access line",
      }
      : {
        ja: "インターネット側でデータが失われています",
        en: "Data is lost on the way through the internet",
      },
    detail: {
      ja: `宛先までの通信の ${round1(worst)}% が失われています${
        gatewayClean ? "。ルーターまでは失われていません" : ""
      }。`,
      en: `${round1(worst)}% of the traffic to the destinations is lost${
        gatewayClean ? ", while nothing is lost up to the router" : ""
      }.`,
    },
    advice: place === "isp"
      ? advise(RESTART_ROUTER, TRY_EVENING, CONTACT_PROVIDER)
      : advise(TRY_EVENING, CONTACT_PROVIDER),
    technical: [
      ...lossy.map((p) => `ping ${p.target} ${p.sent - p.received}/${p.sent} lost`),
      ...tracedLoss.map((t) =>
        `trace ${t.target}: loss from hop ${t.persistentFrom} (${
          t.places.get(t.persistentFrom!)
        }) to the end, ${t.endLoss}% at the destination`
      ),
    ].join("; "),
    evidence: [
      ...(lossy.length
        ? [{
          probe: "internet.ping" as const,
          values: Object.fromEntries(lossy.map((p) => [p.target, p.lossPercent])),
        }]
        : []),
      ...(tracedLoss.length
        ? [{
          probe: "path.trace" as const,
          values: Object.fromEntries(
            tracedLoss.map((t) => [t.target, { from: t.persistentFrom, endLoss: t.endLoss }]),
          ),
        }]
        : []),
    ],
    at: place,
    breaks: heavy ? "path" : "quality",
    symptom: "quality",
  };
  return [finding];
};

/** RTT or jitter to the anchors beyond Teams' limits. */
export const pathDelay: Rule = (input) => {
  const slow = anchorPings(input).filter((p) =>
    p.received >= 2 && ((p.avgMs ?? 0) > RTT_WARN_MS || (p.jitterMs ?? 0) > JITTER_WARN_MS)
  );
  if (slow.length === 0) return [];
  return [{
    id: "internet.delay",
    segment: "internet",
    severity: "warn",
    confidence: slow.length > 1 ? "high" : "medium",
    title: {
      ja: "インターネットまでの応答が遅い、またはばらついています",
      en: "Round trips to the internet are long or uneven",
    },
    detail: {
      ja: "通話やビデオ会議が途切れたり遅れたりしやすい状態です。",
      en: "Calls and video meetings will lag or break up.",
    },
    advice: advise(TRY_EVENING, CONTACT_PROVIDER),
    technical: slow.map((p) => `${p.target} avg ${p.avgMs}ms jitter ${p.jitterMs}ms`).join(", ") +
      ` (limits ${RTT_WARN_MS}ms RTT, ${JITTER_WARN_MS}ms jitter)`,
    evidence: [{
      probe: "internet.ping",
      values: Object.fromEntries(
        slow.map((p) => [p.target, { avgMs: p.avgMs, jitterMs: p.jitterMs }]),
      ),
    }],
    symptom: "quality",
  }];
};

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
