/**
 * The words of the watch section and of the watch offer, in Japanese and English.
 *
 * @module
 */
import type { Localized } from "../../util/text.ts";

/** Fixed watch text, by key. */
export const WATCH_UI = {
  watchTitle: { ja: "時間を通した監視", en: "Watched over time" },
  watchLegend: {
    ja: "線は各測定の応答時間 (中央値)、下の赤い線は損失、色の帯は出来事、薄い紫は混雑時間帯です。",
    en:
      "Lines: median response time of each sample; red ticks at the bottom: loss; coloured bands: events; light purple: the busy hours.",
  },
  watchLatency: { ja: "応答時間", en: "response time" },
  watchLoss: { ja: "損失", en: "loss" },
  watchEvents: { ja: "出来事", en: "Events" },
  watchNoEvents: {
    ja: "切断・損失・遅延などの出来事はありませんでした。",
    en: "No drop, loss or slowdown happened.",
  },
  watchWhen: { ja: "時刻", en: "When" },
  watchSegment: { ja: "区間", en: "Segment" },
  watchWhat: { ja: "内容", en: "What" },
  watchBusy: { ja: "混雑時間帯とそれ以外", en: "Busy hours against the rest" },
  watchBusyHours: { ja: "混雑時間帯", en: "Busy hours" },
  watchQuietHours: { ja: "それ以外", en: "Other hours" },
  watchVerdict: { ja: "結論", en: "Verdict" },
  watchAccess: { ja: "回線方式 (推定)", en: "access type (inferred)" },
  watchDownUp: { ja: "● 下り (青) ・ 上り (緑)", en: "● download (blue) · upload (green)" },
  offerTitle: { ja: "夜になると遅くなりますか?", en: "Slow in the evening?" },
  offerText: {
    ja:
      "今は問題が見つかりませんでした。夜だけ遅い、ときどき切れる、という場合は、今夜このまま監視させてください。10 分ごとに軽く測り、翌朝に結果をまとめます。",
    en:
      "Nothing is wrong right now. If the line is slow only in the evening or drops now and then, let the kit watch tonight: a light sample every 10 minutes, summed up in the morning.",
  },
  offerButton: { ja: "今夜監視する", en: "Watch this evening" },
  offerStarted: { ja: "監視を始めました", en: "The watch has started" },
  offerStartedText: {
    ja: "このパソコンをスリープさせずに置いておいてください。状態はこのページで確認できます。",
    en: "Leave this computer on (not asleep). This page shows how it goes.",
  },
  offerRunning: { ja: "監視中", en: "Watching" },
  offerStop: { ja: "監視を止める", en: "Stop watching" },
} as const satisfies Record<string, Localized>;
