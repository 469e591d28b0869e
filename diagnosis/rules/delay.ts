/**
 * Delay and jitter along the path, on order statistics of every echo (never an average, so
 * one late echo moves nothing): the median RTT must lie over the limit with 95 % confidence
 * (more than half of the echoes over it: the Wilson interval of that share lies above ½).
 * Jitter is the median |ΔRTT| of consecutive echoes. The delay is placed in the segment that
 * adds at least half of the median RTT to the anchors.
 *
 * Limits: the router within `LAN_RTT_WARN_MS` (a wired LAN answers in under 1 ms, a healthy
 * Wi-Fi in a few); the anchors within 100 ms and jitter under 30 ms (Microsoft Teams' client
 * to edge targets).
 *
 * @module
 */
import { median, type Rate, successRate } from "../../util/stats.ts";
import type { Localized } from "../../util/text.ts";
import { advise, CONTACT_PROVIDER, MOVE_CLOSER, TRY_EVENING, USE_WIRED } from "./advice.ts";
import { lossView, type ViewPoint } from "./loss_view.ts";
import type { Rule, RuleFinding } from "./rule.ts";

/** Median RTT to the router above this (ms) is a warning. */
export const LAN_RTT_WARN_MS = 20;
/** Median RTT to an anchor above this (ms) is a warning (Teams, client to edge). */
export const RTT_WARN_MS = 100;
/** Median |ΔRTT| of consecutive echoes above this (ms) is a warning (Teams). */
export const JITTER_WARN_MS = 30;
/** Replies needed before RTTs are judged at all. */
const MIN_REPLIES = 5;

/** Order statistics of one point. */
export interface RttStats {
  label: string;
  medianMs: number;
  jitterMs: number | null;
  /** Echoes over the limit, of the replies. */
  over: Rate;
  limitMs: number;
}

/** RTT statistics of `p` against `limitMs`; null with too few replies. */
export function rttStats(p: ViewPoint, limitMs: number): RttStats | null {
  const replies = p.all.filter((x): x is number => x !== null);
  if (replies.length < MIN_REPLIES) return null;
  const diffs: number[] = [];
  for (let i = 1; i < p.all.length; i++) {
    const a = p.all[i - 1], b = p.all[i];
    if (a !== null && b !== null) diffs.push(Math.abs(b - a));
  }
  return {
    label: p.label,
    medianMs: median(replies)!,
    jitterMs: diffs.length >= MIN_REPLIES - 1 ? median(diffs) : null,
    over: successRate(replies.filter((x) => x > limitMs).length, replies.length),
    limitMs,
  };
}

const slow = (s: RttStats) => s.over.low > 0.5;
const jittery = (s: RttStats) => (s.jitterMs ?? 0) > JITTER_WARN_MS;

/** The router answers late or unevenly. */
export const gatewayDelay: Rule = (input) => {
  const stats = (lossView(input)?.points ?? []).filter((p) => p.role === "gateway")
    .map((p) => rttStats(p, LAN_RTT_WARN_MS)).filter((s): s is RttStats => s !== null);
  const bad = stats.filter((s) => slow(s) || jittery(s));
  if (bad.length === 0) return [];
  return [finding("lan", bad, lossView(input)!.probe, {
    ja: "ルーターとの通信に時間がかかっています",
    en: "The connection to the router is slow or uneven",
  }, advise(MOVE_CLOSER, USE_WIRED))];
};

/** Round trips to the anchors are long or uneven; placed where most of the delay is added. */
export const pathDelay: Rule = (input) => {
  const view = lossView(input);
  if (!view) return [];
  const out: RuleFinding[] = [];
  for (const family of [4, 6] as const) {
    const chain = view.points.filter((p) => p.family === family)
      .sort((a, b) => a.position - b.position);
    const anchors = chain.filter((p) => p.role === "anchor").map((p) => rttStats(p, RTT_WARN_MS))
      .filter((s): s is RttStats => s !== null);
    const bad = anchors.filter((s) => slow(s) || jittery(s));
    if (bad.length === 0) continue;
    const seg = bad.some(slow)
      ? placeDelay(chain, Math.max(...bad.map((s) => s.medianMs)))
      : "internet";
    if (seg === "lan") continue; // the router's own delay: gatewayDelay speaks for it
    out.push(finding(seg, bad, view.probe, {
      ja: seg === "isp"
        ? "回線 (プロバイダー側) で応答が遅れています"
        : "インターネットまでの応答が遅い、またはばらついています",
      en: seg === "isp"
        ? "Round trips are delayed on the access line"
        : "Round trips to the internet are long or uneven",
    }, advise(TRY_EVENING, CONTACT_PROVIDER)));
  }
  // One finding per segment, whichever family showed it.
  return [...new Map(out.map((f) => [f.id, f])).values()];
};

/** The segment of the first point whose median adds at least half of `totalMs`. */
function placeDelay(chain: ViewPoint[], totalMs: number): "lan" | "isp" | "internet" {
  let prev = 0;
  for (const p of chain) {
    const s = rttStats(p, 0);
    if (!s) continue;
    if (s.medianMs - prev >= totalMs / 2) return p.segment;
    prev = Math.max(prev, s.medianMs);
  }
  return "internet";
}

function finding(
  seg: "lan" | "isp" | "internet",
  bad: RttStats[],
  probe: RuleFinding["evidence"][number]["probe"],
  title: Localized,
  advice: Localized,
): RuleFinding {
  const worst = bad.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  const line = bad.map((s) =>
    `${s.label} median ${s.medianMs}ms, ${s.over.successes} of ${s.over.n} over ${s.limitMs}ms` +
    (s.jitterMs !== null ? `, jitter (median |Δ|) ${s.jitterMs}ms` : "")
  ).join("; ");
  return {
    id: seg === "lan" ? "lan.gateway-delay" : `${seg}.delay`,
    segment: seg,
    severity: "warn",
    confidence: bad.length > 1 || worst.over.n >= 20 ? "high" : "medium",
    title,
    detail: {
      ja:
        `${worst.label} までの往復時間の中央値は ${worst.medianMs} ms、${worst.over.n} 回中 ${worst.over.successes} 回が ${worst.limitMs} ms を超えました${
          worst.jitterMs !== null ? ` (ばらつき ${worst.jitterMs} ms)` : ""
        }。通話やビデオ会議が途切れたり遅れたりしやすい状態です。`,
      en:
        `The median round trip to ${worst.label} is ${worst.medianMs} ms; ${worst.over.successes} of ${worst.over.n} took over ${worst.limitMs} ms${
          worst.jitterMs !== null ? ` (jitter ${worst.jitterMs} ms)` : ""
        }. Calls and video meetings will lag or break up.`,
    },
    advice,
    technical:
      `${line} (limits: median ${worst.limitMs}ms with > half of echoes over it at 95 %, jitter ${JITTER_WARN_MS}ms)`,
    evidence: [{
      probe,
      values: {
        at: worst.label,
        medianMs: worst.medianMs,
        jitterMs: worst.jitterMs,
        limitMs: worst.limitMs,
        rate: worst.over,
      },
    }],
    at: seg,
    // Long round trips slow every connection beyond where they are added.
    breaks: "quality",
    symptom: "quality",
  };
}
