/**
 * The watch's conclusion: one sentence for the customer and a diagnosis in the report's own
 * shape (a verdict per segment, findings with evidence and advice), so every page that shows
 * a report's verdict shows a watch's too. Outages come first, then loss and DNS failures,
 * then slowness and the busy-hours comparison; roaming, address changes and gaps are notes.
 * Pure.
 *
 * @module
 */
import type { Diagnosis, Finding, Verdict } from "../diagnosis/schema.ts";
import { SEGMENT_NAMES, SEGMENTS } from "../probes/types.ts";
import type { TimeOfDay, WatchEvent } from "../report/watch_schema.ts";
import type { Localized } from "../util/text.ts";
import { PLACE } from "./event_text.ts";

/** What the verdict is drawn from. */
export interface VerdictInput {
  events: readonly WatchEvent[];
  timeOfDay: readonly TimeOfDay[];
  /** Segments that had at least one measured point. */
  measured: ReadonlySet<string>;
  accessType: string | null;
  /** Hours watched, for the all-clear sentence. */
  hours: number;
}

const ADVICE: Record<string, Localized> = {
  outage: {
    ja: "このレポートをプロバイダーのサポートに送り、切れた時刻を伝えてください",
    en: "Send this report to your provider's support and tell them when the line dropped",
  },
  "outage-lan": {
    ja: "ルーターの再起動、配線の確認、Wi-Fi ならルーターに近づくか有線でお試しください",
    en: "Restart the router, check its cables, or move closer to it (or use a cable)",
  },
  loss: {
    ja: "このレポートをプロバイダーのサポートに送ってください",
    en: "Send this report to your provider's support",
  },
  "dns-failure": {
    ja: "DNS サーバーの設定を確認するか、このレポートをプロバイダーに送ってください",
    en: "Check the DNS settings, or send this report to your provider",
  },
  slow: {
    ja: "時間帯を変えて使うか、このレポートをプロバイダーに送ってください",
    en: "Try other hours, or send this report to your provider",
  },
  congestion: {
    ja: "夜間の混雑です。このレポートをプロバイダーに送ってください",
    en: "Evening congestion: send this report to your provider",
  },
  "congestion-pppoe": {
    ja:
      "夜間の混雑です。回線は PPPoE 方式のようです。IPoE (IPv4 over IPv6) にすると改善することがあります",
    en: "Evening congestion. Your access type looks like PPPoE; IPoE (IPv4 over IPv6) may help",
  },
  "wifi-signal": {
    ja: "ルーターに近づくか、中継機や有線接続をお試しください",
    en: "Move closer to the router, or try a repeater or a cable",
  },
  info: { ja: "対処は不要です", en: "Nothing to do" },
};

const KIND_ORDER = [
  "outage",
  "dns-failure",
  "loss",
  "busy-hours-loss",
  "busy-hours-congestion",
  "slow",
  "wifi-signal",
  "wifi-roam",
  "address-change",
  "gap",
];

/** The watch's diagnosis and its one-sentence verdict. */
export function watchVerdict(input: VerdictInput): { verdict: Localized; diagnosis: Diagnosis } {
  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);
  const groups = new Map<string, WatchEvent[]>();
  for (const e of input.events) {
    const k = `${e.kind}|${e.segment}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  for (const [k, es] of groups) {
    const [kind, segment] = k.split("|") as [WatchEvent["kind"], WatchEvent["segment"]];
    const first = es[0];
    const times = es.length > 1
      ? { ja: ` (${es.length} 回)`, en: ` (${es.length} times)` }
      : { ja: "", en: "" };
    const advice = kind === "outage" && segment === "lan"
      ? ADVICE["outage-lan"]
      : ADVICE[kind] ?? ADVICE.info;
    add({
      id: `watch.${kind}${segment === "device" ? "" : `.${segment}`}`,
      segment: segment === "device" ? "device" : segment,
      severity: first.severity,
      confidence: first.severity === "info"
        ? "high"
        : es.length > 1 || first.samples > 1
        ? "high"
        : "medium",
      title: { ja: `${first.title.ja}${times.ja}`, en: `${first.title.en}${times.en}` },
      detail: {
        ja: es.map((e) => e.detail.ja).join("\n"),
        en: es.map((e) => e.detail.en).join("\n"),
      },
      advice,
      technical: es.map((e) => `${e.kind}@${e.segment} ${e.from}..${e.to ?? "end"} n=${e.samples}`)
        .join("; "),
      evidence: es.map((e) => ({ probe: "watch", values: { event: e.id, ...e.evidence } })),
    });
  }
  for (const t of input.timeOfDay) {
    if (t.verdict !== "congestion" && t.verdict !== "busy-loss") continue;
    // Congestion at the router is the home's; beyond it the provider's (or further).
    const pppoe = input.accessType === "pppoe" && t.segment !== "lan";
    add({
      id: `watch.busy-hours-${t.verdict === "congestion" ? "congestion" : "loss"}.${t.segment}`,
      segment: t.segment,
      severity: "warn",
      confidence: "medium",
      title: t.verdict === "congestion"
        ? {
          ja: `夜間だけ遅くなります (${PLACE[placeOf(t.segment)].ja})`,
          en: `Slow only in the busy hours (${PLACE[placeOf(t.segment)].en})`,
        }
        : {
          ja: `夜間に損失が増えます (${PLACE[placeOf(t.segment)].ja})`,
          en: `More loss in the busy hours (${PLACE[placeOf(t.segment)].en})`,
        },
      detail: t.text,
      advice: pppoe ? ADVICE["congestion-pppoe"] : ADVICE.congestion,
      technical: `busy ${JSON.stringify(t.busy)} quiet ${JSON.stringify(t.quiet)} point ${t.key}`,
      evidence: [{
        probe: "watch",
        values: { point: t.key, busy: t.busy, quiet: t.quiet, addedMs: t.addedMs },
      }],
    });
  }
  const segments = Object.fromEntries(SEGMENTS.map((s) => {
    const mine = findings.filter((f) => f.segment === s);
    const faults = mine.filter((f) => f.severity !== "info");
    const verdict: Verdict = faults.some((f) => f.severity === "fail")
      ? "fail"
      : faults.length
      ? "warn"
      : input.measured.has(s)
      ? "ok"
      : "unknown";
    return [s, {
      verdict,
      findings: mine.map((f) => f.id),
      summary: summary(s, verdict),
      ...(verdict === "unknown"
        ? {}
        : { confidence: verdict === "ok" ? "high" as const : strongest(faults) }),
    }];
  })) as Diagnosis["segments"];
  // Severity first; then what explains most (a busy-hours verdict explains the slow windows
  // inside those hours); then the segment nearest the device.
  const rank = (f: Finding) =>
    (f.severity === "fail" ? 0 : f.severity === "warn" ? 1000 : 2000) +
    KIND_ORDER.findIndex((k) => f.id.startsWith(`watch.${k}`)) * 10 + SEGMENTS.indexOf(f.segment);
  const head = findings.filter((f) => f.severity !== "info").sort((a, b) => rank(a) - rank(b))[0];
  const hours = Math.round(input.hours * 10) / 10;
  const verdict: Localized = head ? conclusion(head, input) : input.measured.size
    ? {
      ja: `${hours} 時間の監視で、切断や遅延は見つかりませんでした`,
      en: `No drop or slowdown was found in ${hours} hours of watching`,
    }
    : { ja: "何も測定できませんでした", en: "Nothing could be measured" };
  return {
    verdict,
    diagnosis: {
      headline: head
        ? { segment: head.segment, finding: head.id, text: verdict, confidence: head.confidence }
        : { segment: null, finding: null, text: verdict },
      segments,
      findings: findings.sort((a, b) => rank(a) - rank(b)),
    },
  };
}

function conclusion(head: Finding, input: VerdictInput): Localized {
  if (!head.id.startsWith("watch.busy-hours-congestion")) return head.title;
  const lanSame = input.timeOfDay.find((t) => t.segment === "lan")?.verdict !== "congestion";
  const where = head.segment === "isp" || (head.segment === "internet" && lanSame)
    ? { ja: "プロバイダー側", en: "on the provider side" }
    : { ja: PLACE[placeOf(head.segment)].ja, en: `in ${PLACE[placeOf(head.segment)].en}` };
  const pppoe = input.accessType === "pppoe"
    ? {
      ja: "。回線は PPPoE 方式のようです。IPoE にすると改善することがあります",
      en: "; your access type looks like PPPoE, IPoE may help",
    }
    : { ja: "", en: "" };
  return {
    ja: `夜間だけ遅く、${where.ja}で、損失はありません → 混雑${pppoe.ja}`,
    en: `Slow only in the evening, ${where.en}, loss-free → congestion${pppoe.en}`,
  };
}

function placeOf(s: string): "lan" | "isp" | "internet" | "dns" {
  return s === "lan" || s === "isp" || s === "internet" ? s : "dns";
}

function summary(s: typeof SEGMENTS[number], v: Verdict): Localized {
  const name = SEGMENT_NAMES[s];
  const word = {
    ok: { ja: "監視中に問題なし", en: "no problem while watched" },
    warn: { ja: "監視中に注意点あり", en: "a warning while watched" },
    fail: { ja: "監視中に障害あり", en: "a fault while watched" },
    unknown: { ja: "監視していません", en: "not watched" },
  }[v];
  return { ja: `${name.ja}: ${word.ja}`, en: `${name.en}: ${word.en}` };
}

function strongest(fs: readonly Finding[]): Finding["confidence"] {
  return fs.some((f) => f.confidence === "high")
    ? "high"
    : fs.some((f) => f.confidence === "medium")
    ? "medium"
    : "low";
}
