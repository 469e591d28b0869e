/**
 * Loss, placed by differential measurement (`path.loss`, `probes/lib/loss_localise.ts`):
 * simultaneous echoes to the home router, the provider's first hops and hosts, and the
 * anchors; the loss starts in the first segment where its 95 % interval lies above the
 * healthy 1 % and every point before shows significantly less. When the intervals cannot
 * decide within the budget, the finding says so ("inconclusive", an info with what to do)
 * instead of guessing a segment.
 *
 * Limits: healthy ≤ 1 % (Microsoft Teams' client-to-edge target; Cisco's VoWLAN ≤ 1 %); a
 * fault (`fail`) when the interval lies above 10 %, where TCP throughput, which falls as
 * 1/√p (Mathis et al. 1997), has collapsed and connections time out.
 *
 * @module
 */
import type { LossSegment, LossVerdict } from "../../probes/lib/loss_localise.ts";
import { HEAVY_LOSS } from "../../probes/lib/loss_localise.ts";
import { describeRate, type Rate } from "../../util/stats.ts";
import type { Localized } from "../../util/text.ts";
import {
  advise,
  CONTACT_PROVIDER,
  MOVE_CLOSER,
  RESTART_ROUTER,
  TRY_EVENING,
  USE_WIRED,
} from "./advice.ts";
import { lossView } from "./loss_view.ts";
import type { Rule, RuleFinding } from "./rule.ts";

const ID: Record<LossSegment, string> = {
  lan: "lan.gateway-loss",
  isp: "isp.loss",
  internet: "internet.loss",
};

const TITLE: Record<LossSegment, Localized> = {
  lan: {
    ja: "ルーターとの間でデータが失われています",
    en: "Data is lost between this device and the router",
  },
  isp: {
    ja: "回線 (プロバイダー側) でデータが失われています",
    en: "Data is lost on the access line",
  },
  internet: {
    ja: "インターネット側でデータが失われています",
    en: "Data is lost on the way through the internet",
  },
};

const PLACE: Record<LossSegment, Localized> = {
  lan: { ja: "宅内の Wi-Fi や配線", en: "the home Wi-Fi or wiring" },
  isp: { ja: "回線またはプロバイダーの網", en: "the access line or the provider's network" },
  internet: { ja: "プロバイダーより先", en: "beyond the provider" },
};

const ADVICE: Record<LossSegment, Localized> = {
  lan: advise(MOVE_CLOSER, USE_WIRED, RESTART_ROUTER),
  isp: advise(RESTART_ROUTER, TRY_EVENING, CONTACT_PROVIDER),
  internet: advise(TRY_EVENING, CONTACT_PROVIDER),
};

/** What to do when the evidence cannot decide. */
export const MEASURE_AGAIN: Localized = {
  ja:
    "しばらくしてからもう一度測るか、見守りモード (kiriwake watch) で長く測ると、どこで起きているか分かります。",
  en:
    "Run the check again in a while, or measure over a longer time with watch mode (kiriwake watch) to find where it happens.",
};

type Localised = Extract<LossVerdict, { kind: "localised" }>;

/** Loss placed in a segment, one finding per segment (both families together). */
export const lossLocalised: Rule = (input) => {
  const view = lossView(input);
  if (!view) return [];
  const placed = view.verdicts.filter((v): v is Localised => v.kind === "localised");
  const segments = [...new Set(placed.map((v) => v.segment))];
  return segments.map((seg): RuleFinding => {
    const mine = placed.filter((v) => v.segment === seg);
    const worst = mine.reduce((a, b) => (b.rate.low > a.rate.low ? b : a));
    const heavy = worst.rate.low > HEAVY_LOSS;
    const text = describeRate(worst.rate);
    const base = worst.before ? describeRate(worst.before.rate) : null;
    return {
      id: ID[seg],
      segment: seg,
      severity: heavy ? "fail" : "warn",
      confidence: worst.before && worst.rate.n >= 50 ? "high" : "medium",
      title: TITLE[seg],
      detail: {
        ja: `${worst.at} への ping が ${text.ja} 失われました${
          worst.before ? `。手前の ${worst.before.label} では ${base!.ja}` : ""
        }。${PLACE[seg].ja}の問題です。`,
        en: `Pings to ${worst.at} were lost: ${text.en}${
          worst.before ? `, against ${base!.en} to ${worst.before.label} just before it` : ""
        }. A problem of ${PLACE[seg].en}.`,
      },
      advice: ADVICE[seg],
      technical: mine.map((v) =>
        `IPv${v.family} loss starts at ${v.at} (${seg}): ${describeRate(v.rate).en}` +
        (v.before ? `; before it ${v.before.label}: ${describeRate(v.before.rate).en}` : "")
      ).join("; ") + `; healthy ≤ 1 %, fault when the interval lies above ${HEAVY_LOSS * 100} %`,
      evidence: [{
        probe: view.probe,
        values: {
          at: worst.at,
          rate: worst.rate,
          ...(worst.before
            ? { before: { label: worst.before.label, rate: worst.before.rate } }
            : {}),
          ...(mine.length > 1 ? { otherFamily: { at: mine[1].at, rate: mine[1].rate } } : {}),
        },
      }],
      at: seg,
      // Heavy loss makes lookups and connections beyond time out, not just slow down.
      breaks: heavy ? "path" : "quality",
      symptom: "quality",
    };
  });
};

/** Loss seen that the intervals could not place or confirm: say so, and what to do. */
export const lossInconclusive: Rule = (input) => {
  const view = lossView(input);
  if (!view || view.verdicts.some((v) => v.kind === "localised")) return [];
  const open = view.verdicts.filter((v) => v.kind === "unlocalised" || v.kind === "undecided");
  if (open.length === 0) return [];
  const v = open[0];
  const rate: Rate = v.rate;
  const text = describeRate(rate);
  const where: Localized = v.kind === "unlocalised"
    ? {
      ja: `損失は確かにありますが、${PLACE[v.from].ja}から${
        PLACE[v.to].ja
      }までのどこで始まるか判別できませんでした`,
      en: `There is loss, but whether it starts in ${PLACE[v.from].en} or further on (${
        PLACE[v.to].en
      }) could not be told`,
    }
    : {
      ja: "少し損失がありましたが、偶然と区別できる量ではありませんでした",
      en: "A little loss was seen, too little to tell from chance",
    };
  return [{
    id: "path.loss-inconclusive",
    segment: v.kind === "unlocalised" ? v.from : v.segment,
    severity: "info",
    confidence: "low",
    title: {
      ja: "損失の有無・場所を判定できませんでした",
      en: "Loss could not be confirmed or placed",
    },
    detail: {
      ja: `${where.ja} (${v.at}: ${text.ja})。`,
      en: `${where.en} (${v.at}: ${text.en}).`,
    },
    advice: MEASURE_AGAIN,
    technical: open.map((o) =>
      `IPv${o.family} ${o.kind} at ${o.at}: ${describeRate(o.rate).en}` +
      (o.kind === "unlocalised" ? ` (start between ${o.from} and ${o.to})` : "")
    ).join("; "),
    evidence: [{ probe: view.probe, values: { at: v.at, rate, verdict: v.kind } }],
  }];
};
