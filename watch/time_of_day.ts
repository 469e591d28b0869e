/**
 * Busy hours against quiet hours, per segment: is the line slower (or lossier) in the
 * evening? The test is distribution-free: if busy hours were like quiet ones, about one busy
 * sample in ten would be slower than the quiet hours' 90th percentile; the verdict says
 * "slower" only when the 95 % Wilson interval of that share lies wholly above one in ten, and
 * the difference is big enough to matter. Loss compares the two hours' loss rates by the
 * interval of their difference. Samples taken while the path was down are left out: a drop is
 * an event of its own. Pure.
 *
 * @module
 */
import type { TimeOfDay } from "../report/watch_schema.ts";
import { WATCH_SEGMENTS } from "../report/watch_schema.ts";
import {
  describeRate,
  failureRate,
  median,
  percentile,
  rateDifference,
  wilson,
} from "../util/stats.ts";
import { inHours, localHour } from "./local_time.ts";
import { pathOrder, pathState } from "./path_state.ts";
import type { Reading, Sample, WatchSegment } from "./sample.ts";

/** Fewer samples than this in either part: no comparison. */
export const MIN_SAMPLES = 6;
/** Busy hours must add at least this much to the median, ms, and … */
const MIN_ADDED_MS = 10;
/** … this share of the quiet median, to be called slower. */
const MIN_ADDED_SHARE = 0.5;
/** Under "no difference", the share of busy samples above the quiet 90th percentile. */
const NULL_SHARE = 0.1;

/** What the comparison needs. */
export interface TimeOfDayOptions {
  busyHours: { from: number; to: number };
  timeZone: string;
  lossLimit: number;
}

/**
 * Compares busy and quiet hours for each segment that was measured.
 *
 * @example
 * ```ts
 * import { timeOfDay } from "./time_of_day.ts";
 * timeOfDay([], { busyHours: { from: 20, to: 24 }, timeZone: "UTC", lossLimit: 0.01 }); // []
 * ```
 */
export function timeOfDay(all: readonly Sample[], opts: TimeOfDayOptions): TimeOfDay[] {
  // A drop is an event of its own, not loss of the hours it fell in.
  const samples = all.filter((s) => pathState(s).dark === null);
  const busy = samples.filter((s) => inHours(localHour(s.at, opts.timeZone), opts.busyHours));
  const quiet = samples.filter((s) => !busy.includes(s));
  const out: TimeOfDay[] = [];
  for (const segment of WATCH_SEGMENTS) {
    const key = referencePoint(samples, segment);
    if (!key) continue;
    const b = hoursStats(busy, segment, key);
    const q = hoursStats(quiet, segment, key);
    const base = { segment, key, busy: b.stats, quiet: q.stats };
    if (b.stats.samples < MIN_SAMPLES || q.stats.samples < MIN_SAMPLES) {
      out.push({
        ...base,
        addedMs: null,
        lossDifference: null,
        verdict: "insufficient",
        text: {
          ja:
            `混雑時間帯 ${b.stats.samples} 回・それ以外 ${q.stats.samples} 回の測定では比べられません (各 ${MIN_SAMPLES} 回以上必要)`,
          en:
            `Too few samples to compare: ${b.stats.samples} in the busy hours, ${q.stats.samples} outside (${MIN_SAMPLES} each needed)`,
        },
      });
      continue;
    }
    const addedMs = b.stats.rttMedianMs !== null && q.stats.rttMedianMs !== null
      ? round(b.stats.rttMedianMs - q.stats.rttMedianMs)
      : null;
    const diff = b.stats.loss && q.stats.loss ? rateDifference(b.stats.loss, q.stats.loss) : null;
    const moreLoss = diff !== null && diff.low > 0 && b.stats.loss!.low > opts.lossLimit;
    const q90 = percentile(q.rtts, 90);
    const above = q90 === null ? 0 : b.rtts.filter((x) => x > q90).length;
    const slower = q90 !== null && b.rtts.length >= MIN_SAMPLES && addedMs !== null &&
      wilson(above, b.rtts.length).low > NULL_SHARE &&
      addedMs >= Math.max(MIN_ADDED_MS, MIN_ADDED_SHARE * (q.stats.rttMedianMs ?? 0));
    const verdict = moreLoss ? "busy-loss" : slower ? "congestion" : "same";
    out.push({
      ...base,
      addedMs,
      lossDifference: diff,
      verdict,
      text: words(verdict, opts.busyHours, b.stats, q.stats, slower),
    });
  }
  return out;
}

/** The point a segment's comparison rests on: the nearest one answered most often. */
function referencePoint(samples: readonly Sample[], segment: WatchSegment): string | null {
  const answered = new Map<string, { n: number; order: number }>();
  for (const s of samples) {
    for (const r of s.readings) {
      if (r.segment !== segment || r.rttMs === null || r.role === "public") continue;
      const a = answered.get(r.key) ?? { n: 0, order: pathOrder(r) };
      answered.set(r.key, { ...a, n: a.n + 1 });
    }
  }
  const best = [...answered].sort((x, y) => y[1].n - x[1].n || x[1].order - y[1].order)[0];
  return best ? best[0] : null;
}

function hoursStats(samples: readonly Sample[], segment: WatchSegment, key: string) {
  const mine = (r: Reading) => r.segment === segment && r.role !== "public" && r.role !== "hop";
  const rtts: number[] = [];
  let sent = 0, lost = 0, n = 0;
  for (const s of samples) {
    const ref = s.readings.find((r) => r.key === key);
    if (ref) n++;
    if (ref?.rttMs != null) rtts.push(ref.rttMs);
    for (const r of s.readings.filter(mine)) {
      sent += r.sent;
      lost += r.lost;
    }
  }
  return {
    rtts,
    stats: {
      samples: n,
      rttMedianMs: median(rtts),
      rttP90Ms: percentile(rtts, 90),
      loss: sent > 0 ? failureRate(lost, sent) : null,
    },
  };
}

function words(
  verdict: TimeOfDay["verdict"],
  hours: { from: number; to: number },
  b: TimeOfDay["busy"],
  q: TimeOfDay["quiet"],
  slower: boolean,
) {
  const h = `${hours.from}–${hours.to}`;
  const ms = `${round(q.rttMedianMs ?? 0)} → ${round(b.rttMedianMs ?? 0)} ms`;
  if (verdict === "busy-loss") {
    const bl = describeRate(b.loss!), ql = describeRate(q.loss!);
    return {
      ja: `混雑時間帯 (${h} 時) に損失が増えました: ${bl.ja}、それ以外 ${ql.ja}${
        slower ? `。遅延も増加 (中央値 ${ms})` : ""
      }`,
      en: `More loss in the busy hours (${h}): ${bl.en}, against ${ql.en} outside${
        slower ? `; slower too (median ${ms})` : ""
      }`,
    };
  }
  if (verdict === "congestion") {
    return {
      ja: `混雑時間帯 (${h} 時) だけ遅くなり (中央値 ${ms})、損失は増えていません`,
      en: `Slower only in the busy hours (${h}): median ${ms}, without more loss`,
    };
  }
  return {
    ja: `混雑時間帯 (${h} 時) とそれ以外で差は見られません (中央値 ${ms})`,
    en: `No difference between the busy hours (${h}) and the rest (median ${ms})`,
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
