/**
 * The watch part of the text summary: how long and how often it sampled, every event with
 * its times and attribution, and the busy-hours comparison per segment.
 *
 * @module
 */
import { SEGMENT_NAMES } from "../probes/types.ts";
import type { Lang } from "../util/text.ts";
import { SEVERITY_TEXT } from "./html/i18n.ts";
import type { WatchBlock } from "./watch_schema.ts";

/** The lines of a watch report's summary, in `lang`. */
export function watchLines(w: WatchBlock, lang: Lang): string[] {
  const ja = lang === "ja";
  const every = w.session.everyMs >= 60_000
    ? `${Math.round(w.session.everyMs / 60_000)} ${ja ? "分" : "min"}`
    : `${Math.round(w.session.everyMs / 1000)} ${ja ? "秒" : "s"}`;
  const lines = [
    ja
      ? `監視: ${w.session.startedAt} から ${
        w.session.endedAt ?? "(継続中)"
      } まで、${every}ごとに ${w.samples.t.length} 回 (${w.session.timeZone})`
      : `Watch: ${w.samples.t.length} samples every ${every}, ${w.session.startedAt} to ${
        w.session.endedAt ?? "(still running)"
      } (${w.session.timeZone})`,
    `${ja ? "監視の結論" : "Watch verdict"}: ${w.verdict[lang]}`,
  ];
  if (w.events.length) {
    lines.push(ja ? "出来事:" : "Events:");
    for (const e of w.events) {
      lines.push(`  - [${SEVERITY_TEXT[e.severity][lang]}] ${e.detail[lang]}`);
    }
  }
  if (w.timeOfDay.length) {
    lines.push(
      ja
        ? `混雑時間帯 (${w.session.busyHours.from}–${w.session.busyHours.to} 時) との比較:`
        : `Busy hours (${w.session.busyHours.from}–${w.session.busyHours.to}) against the rest:`,
    );
    for (const t of w.timeOfDay) lines.push(`  ${SEGMENT_NAMES[t.segment][lang]}: ${t.text[lang]}`);
  }
  return lines;
}
