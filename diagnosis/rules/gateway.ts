/**
 * Rules over `lan.gateway.ping`: the first hop. Loss, delay or jitter here is the home
 * network's (Wi-Fi, cable, the router itself) and every path beyond inherits it.
 *
 * Limits, for one hop that should cost almost nothing of the end-to-end budget:
 * - loss: Microsoft Teams asks for < 1% loss (any 15 s) from client to its edge, and Cisco's
 *   VoWLAN design guide for ≤ 1% on the Wi-Fi; a single lost echo in ten is within chance
 *   on a busy Wi-Fi, so we warn from 5% with at least 2 lost, and fail from 20%, where TCP
 *   throughput collapses (it falls as 1/√p, Mathis et al. 1997) and connections time out;
 * - RTT: the probe's own LAN limit (`ping.lanRttWarnMs`, 20 ms): a wired LAN answers in
 *   under 1 ms, a healthy Wi-Fi in a few;
 * - jitter: Teams' < 30 ms from client to edge.
 *
 * @module
 */
import { advise, MOVE_CLOSER, RESTART_ROUTER, USE_WIRED } from "./advice.ts";
import { measured, type Rule, type RuleFinding, type RuleInput } from "./rule.ts";
import { type PingStats, pingStats, round1 } from "./shape.ts";
import { targetOutcomes } from "./targets.ts";
import { pingEntries } from "./loss_signs.ts";

/** Loss at or above this (percent, with at least 2 lost) is a warning. */
export const LOSS_WARN = 5;
/** Loss at or above this (percent) breaks connections. */
export const LOSS_FAIL = 20;
/** Jitter above this (ms) is a warning (Teams, client to edge). */
export const JITTER_WARN_MS = 30;
/** Average RTT to the gateway above this (ms) is a warning. */
export const LAN_RTT_WARN_MS = 20;

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
      evidence: [{ probe: "lan.gateway.ping", values: { received: 0 } }],
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
    evidence: [{ probe: "lan.gateway.ping", values: { pings: line } }],
    at: "lan",
    breaks: "path",
  }];
};

/** Packets to the router are lost. */
export const gatewayLoss: Rule = (input) => {
  const lossy = gatewayPings(input).filter((p) =>
    p.received > 0 && p.lossPercent >= LOSS_WARN && p.sent - p.received >= 2
  );
  if (lossy.length === 0) return [];
  const worst = Math.max(...lossy.map((p) => p.lossPercent));
  const heavy = worst >= LOSS_FAIL;
  return [{
    id: "lan.gateway-loss",
    segment: "lan",
    severity: heavy ? "fail" : "warn",
    confidence: lossy.some((p) => p.sent >= 10) ? "high" : "medium",
    title: {
      ja: "ルーターとの間でデータが失われています",
      en: "Data is lost between this device and the router",
    },
    detail: {
      ja: `ルーターへの ping の ${round1(worst)}% が失われました。宅内の Wi-Fi や配線の問題です。`,
      en: `${
        round1(worst)
      }% of pings to the router were lost: a problem of the home Wi-Fi or wiring.`,
    },
    advice: advise(MOVE_CLOSER, USE_WIRED, RESTART_ROUTER),
    technical: `gateway loss ${
      lossy.map((p) => `${p.target} ${p.sent - p.received}/${p.sent} (${round1(p.lossPercent)}%)`)
        .join(", ")
    }; limits ${LOSS_WARN}%/${LOSS_FAIL}%`,
    evidence: [{
      probe: "lan.gateway.ping",
      values: Object.fromEntries(lossy.map((p) => [p.target, p.lossPercent])),
    }],
    at: "lan",
    // Heavy loss makes lookups and connections beyond time out, not just slow down.
    breaks: heavy ? "path" : "quality",
    symptom: "quality",
  }];
};

/** The router answers, but late or unevenly. */
export const gatewayDelay: Rule = (input) => {
  const slow = gatewayPings(input).filter((p) =>
    p.received >= 2 &&
    ((p.avgMs ?? 0) > LAN_RTT_WARN_MS || (p.jitterMs ?? 0) > JITTER_WARN_MS)
  );
  if (slow.length === 0) return [];
  const finding: RuleFinding = {
    id: "lan.gateway-delay",
    segment: "lan",
    severity: "warn",
    confidence: "medium",
    title: {
      ja: "ルーターとの通信に時間がかかっています",
      en: "The connection to the router is slow or uneven",
    },
    detail: {
      ja:
        "ルーターまでの往復時間やそのばらつき (ジッター) が大きく、通話やゲームが途切れやすい状態です。",
      en: "The round trip to the router is long or uneven (jitter): calls and games will stutter.",
    },
    advice: advise(MOVE_CLOSER, USE_WIRED),
    technical: `gateway ${
      slow.map((p) => `${p.target} avg ${p.avgMs}ms jitter ${p.jitterMs}ms`).join(", ")
    } (limits: ${LAN_RTT_WARN_MS}ms avg, ${JITTER_WARN_MS}ms jitter)`,
    evidence: [{
      probe: "lan.gateway.ping",
      values: Object.fromEntries(
        slow.map((p) => [p.target, { avgMs: p.avgMs, jitterMs: p.jitterMs }]),
      ),
    }],
    at: "lan",
    breaks: "quality",
  };
  return [finding];
};
