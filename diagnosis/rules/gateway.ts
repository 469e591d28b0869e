/**
 * Rules over `lan.gateway.ping`: the first hop, answering at all. Its loss and delay are
 * judged beside the points beyond it (`loss.ts`, `delay.ts`).
 *
 * @module
 */
import { advise, RESTART_ROUTER } from "./advice.ts";
import { measured, type Rule, type RuleInput } from "./rule.ts";
import { failureRate } from "../../util/stats.ts";
import { type PingStats, pingStats } from "./shape.ts";
import { targetOutcomes } from "./targets.ts";
import { pingEntries } from "./loss_signs.ts";

/** The measured gateway pings (skipped or failed commands left out). */
export function gatewayPings(input: RuleInput): PingStats[] {
  return pingEntries(measured(input, "lan.gateway.ping"))
    .filter((e) => e.status !== "skipped" && e.status !== "error")
    .map(pingStats)
    .filter((s): s is PingStats => s !== null && s.sent > 0);
}

/** The router answers no ping at all. */
export const gatewayUnreachable: Rule = (input) => {
  const pings = gatewayPings(input);
  if (pings.length === 0 || pings.some((p) => p.received > 0)) return [];
  // Traffic passes the router: it just does not answer ping (some are set up that way).
  const beyond = targetOutcomes(input).filter((o) => o.ok);
  const line = pings.map((p) => `${p.target}: ${p.received}/${p.sent}`).join(", ");
  if (beyond.length > 0) {
    return [{
      id: "lan.gateway-silent",
      segment: "lan",
      severity: "info",
      confidence: "high",
      title: { ja: "ルーターが ping に応答しません", en: "The router does not answer ping" },
      detail: {
        ja:
          "ルーターは ping に応答しませんが、通信は通っています。設定によるもので、問題ではありません。",
        en: "The router ignores ping, but traffic passes through it: a setting, not a fault.",
      },
      advice: { ja: "対応は不要です。", en: "Nothing to do." },
      technical: `gateway ping ${line}; ${beyond.length} targets beyond it answered`,
      evidence: [{ probe: "lan.gateway.ping", values: { received: 0, rate: lostAll(pings) } }],
    }];
  }
  return [{
    id: "lan.gateway-unreachable",
    segment: "lan",
    severity: "fail",
    confidence: "high",
    title: { ja: "ルーターに接続できません", en: "The router cannot be reached" },
    detail: {
      ja: "この端末からルーター (デフォルト ゲートウェイ) に届きません。その先にもつながりません。",
      en: "This device cannot reach its router (default gateway), nor anything beyond it.",
    },
    advice: advise(RESTART_ROUTER, {
      ja: "Wi-Fi なら接続し直し、有線ならケーブルを差し直してください。",
      en: "On Wi-Fi, reconnect; on a cable, plug it in again.",
    }),
    technical: `gateway ping ${line}; nothing beyond answered`,
    evidence: [{ probe: "lan.gateway.ping", values: { pings: line, rate: lostAll(pings) } }],
    at: "lan",
    breaks: "path",
  }];
};

/** Every echo to the router lost, as a rate (its interval says how sure that is). */
function lostAll(pings: readonly PingStats[]) {
  const sent = pings.reduce((n, p) => n + p.sent, 0);
  return failureRate(sent, sent);
}
