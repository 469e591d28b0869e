/**
 * Rules over `isp.throughput` (the speed test): latency under load, a slow line, and a
 * provider whose own network is fast while the internet beyond it is not.
 *
 * - Bufferbloat: the Waveform/DSLReports grades the probe computes (A+ < 5 ms added under
 *   load, A < 30, B < 60, C < 200, D < 400, F beyond); from C (60 ms or more) calls and
 *   games suffer while the line is busy. Responsiveness below 300 RPM is "poor" in
 *   draft-ietf-ippm-responsiveness §1.2 (300 RPM = 200 ms per round trip).
 * - A slow line: below 10 Mbit/s down or 1 Mbit/s up, the two lowest bands of Cloudflare's
 *   AIM scoring (`aimMeasurementScoring`, which the probe's use-case verdicts follow),
 *   where streaming, video calls and updates visibly struggle.
 * - Beyond the access line: the probe's on-net/off-net comparison says off-net is clearly
 *   slower, which points at the provider's peering or transit, not the line.
 *
 * A speed server inside the provider's network measures the access line (`isp`); with only
 * off-net servers, the line is still the likeliest bottleneck, with less confidence.
 *
 * @module
 */
import { advise, CONTACT_PROVIDER, TRY_EVENING, USE_WIRED } from "./advice.ts";
import { measured, type Rule, type RuleInput } from "./rule.ts";
import { listOf, num, obj, round1, str } from "./shape.ts";

/** Download below this (Mbit/s) is slow. */
export const SLOW_DOWN_MBPS = 10;
/** Upload below this (Mbit/s) is slow. */
export const SLOW_UP_MBPS = 1;
/** Responsiveness below this is poor (RPM draft). */
export const POOR_RPM = 300;
const BLOATED = ["C", "D", "F"];

interface Server {
  name: string;
  onNet: boolean;
  down: number | null;
  up: number | null;
  grade: string | null;
  addedMs: number | null;
  rpm: number | null;
}

function servers(input: RuleInput): Server[] {
  return listOf(measured(input, "isp.throughput"), "servers").map((s) => {
    const bb = obj(s.bufferbloat);
    return {
      name: str(s.name) ?? str(s.url) ?? "?",
      onNet: s.kind === "on-net",
      down: num(obj(s.download)?.mbps),
      up: num(obj(s.upload)?.mbps),
      grade: str(bb?.grade),
      addedMs: Math.max(num(bb?.downloadAddedMs) ?? 0, num(bb?.uploadAddedMs) ?? 0) || null,
      rpm: num(obj(s.rpm)?.value),
    };
  });
}

/** The servers that speak for the access line: on-net ones, else any. */
function lineServers(input: RuleInput): { list: Server[]; onNet: boolean } {
  const all = servers(input);
  const on = all.filter((s) => s.onNet);
  return on.length ? { list: on, onNet: true } : { list: all, onNet: false };
}

/** Latency climbs when the line is busy. */
export const bufferbloat: Rule = (input) => {
  const { list, onNet } = lineServers(input);
  const bad = list.filter((s) =>
    (s.grade !== null && BLOATED.includes(s.grade)) || (s.rpm !== null && s.rpm < POOR_RPM)
  );
  if (bad.length === 0) return [];
  const worst = bad.reduce((a, b) => ((b.addedMs ?? 0) > (a.addedMs ?? 0) ? b : a));
  return [{
    id: "isp.bufferbloat",
    segment: "isp",
    severity: "warn",
    confidence: onNet ? "high" : "medium",
    title: {
      ja: "回線が混むと遅延が大きく増えます (バッファブロート)",
      en: "Latency balloons when the line is busy (bufferbloat)",
    },
    detail: {
      ja: `通信中は応答が約 ${Math.round(worst.addedMs ?? 0)} ms 遅くなります (評価 ${
        worst.grade ?? "?"
      }${
        worst.rpm !== null ? `、${Math.round(worst.rpm)} RPM` : ""
      })。ダウンロード中の通話やゲームが途切れやすくなります。`,
      en: `While data flows, answers take about ${
        Math.round(worst.addedMs ?? 0)
      } ms longer (grade ${worst.grade ?? "?"}${
        worst.rpm !== null ? `, ${Math.round(worst.rpm)} RPM` : ""
      }): calls and games stutter during downloads.`,
    },
    advice: advise({
      ja: "ルーターに「QoS」や「SQM」の設定があれば有効にしてください。",
      en: "If the router offers QoS or SQM (smart queue management), turn it on.",
    }, CONTACT_PROVIDER),
    technical: bad.map((s) =>
      `${s.name}: bufferbloat ${s.grade} (+${s.addedMs}ms), RPM ${s.rpm}`
    ).join("; ") + ` (limits: grade C = +60ms, ${POOR_RPM} RPM)`,
    evidence: [{
      probe: "isp.throughput",
      values: Object.fromEntries(
        bad.map((s) => [s.name, { grade: s.grade, addedMs: s.addedMs, rpm: s.rpm }]),
      ),
    }],
    at: "isp",
    breaks: "quality",
  }];
};

/** The line moves less than the lowest usable bands. */
export const slowLine: Rule = (input) => {
  const { list, onNet } = lineServers(input);
  const slow = list.filter((s) =>
    (s.down !== null && s.down < SLOW_DOWN_MBPS) || (s.up !== null && s.up < SLOW_UP_MBPS)
  );
  // Every line server must be slow: one slow server is that server's problem.
  if (slow.length === 0 || slow.length < list.length) return [];
  const s = slow[0];
  return [{
    id: "isp.slow-line",
    segment: "isp",
    severity: "warn",
    confidence: onNet ? "high" : "medium",
    title: { ja: "通信速度が遅くなっています", en: "The connection is slow" },
    detail: {
      ja: `下り ${fmt(s.down)} Mbps、上り ${
        fmt(s.up)
      } Mbps でした。動画やビデオ通話に足りない速さです。`,
      en: `Download ${fmt(s.down)} Mbit/s, upload ${
        fmt(s.up)
      } Mbit/s: too slow for video and calls.`,
    },
    advice: advise(USE_WIRED, TRY_EVENING, CONTACT_PROVIDER),
    technical: slow.map((x) =>
      `${x.name}${x.onNet ? " (on-net)" : ""}: down ${x.down} up ${x.up} Mbit/s`
    )
      .join("; ") + ` (limits ${SLOW_DOWN_MBPS}/${SLOW_UP_MBPS} Mbit/s)`,
    evidence: [{
      probe: "isp.throughput",
      values: Object.fromEntries(slow.map((x) => [x.name, { down: x.down, up: x.up }])),
    }],
    at: "isp",
    breaks: "quality",
    symptom: "quality",
  }];
};

/** The provider's own server is fast, the internet beyond is clearly slower. */
export const beyondAccess: Rule = (input) => {
  const c = obj(measured(input, "isp.throughput")?.comparison);
  if (!c || c.finding !== "beyond-access") return [];
  return [{
    id: "internet.beyond-access",
    segment: "internet",
    severity: "warn",
    confidence: "medium",
    title: {
      ja: "プロバイダーの外側で速度が落ちています",
      en: "Speed drops beyond the provider's network",
    },
    detail: {
      ja: "プロバイダー内のサーバーとは速く通信できますが、外部のサーバーとは遅くなります。",
      en: "The provider's own server is fast; servers beyond its network are clearly slower.",
    },
    advice: advise(TRY_EVENING, CONTACT_PROVIDER),
    technical: `on-net ${str(c.onNet)} vs off-net ${str(c.offNet)}: download ratio ${
      num(c.downloadRatio)
    }, upload ratio ${num(c.uploadRatio)}, latency +${num(c.latencyDeltaMs)}ms`,
    evidence: [{ probe: "isp.throughput", values: { comparison: "beyond-access" } }],
    symptom: "quality",
  }];
};

function fmt(n: number | null): string {
  return n === null ? "?" : `${round1(n)}`;
}
