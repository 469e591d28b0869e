/**
 * The watch part of a report: what `kiriwake watch` saw over hours — the series of each
 * measured point, the events (drops, loss, slowness, DNS failures, Wi-Fi roaming, address
 * changes, gaps while the device slept) and the busy-hours comparison. An optional member
 * `watch` of `kiriwake.report/v1`: a report without it is an ordinary run's report, and
 * every report written before it existed stays valid. `report verify`, `view`, the HTML and
 * `send` read watch reports as they read any other.
 *
 * Series are parallel arrays indexed like `samples.t` (seconds from the start), so a day at a
 * 10-minute interval stays a few kilobytes.
 *
 * @module
 */
import { z } from "zod";
import { localizedSchema } from "../util/text.ts";
import { rateSchema } from "../util/stats.ts";

const isoTime = z.iso.datetime({ offset: true });
/** Segments a watch measures (the device and services are not sampled over time). */
export const WATCH_SEGMENTS = ["lan", "isp", "dns", "internet"] as const;
const watchSegment = z.enum(WATCH_SEGMENTS);
const num = z.number().nullable();

/** Busy hours, local time, `from` ≤ h < `to` (wrapping past midnight when from > to). */
export const busyHoursSchema = z.object({
  from: z.number().int().min(0).max(24),
  to: z.number().int().min(0).max(24),
}).strict();

/** One measured point's series (a gateway, a provider host, a resolver, an anchor). */
export const watchSeriesSchema = z.object({
  /** Stable key, e.g. `gateway:4`, `tcp:provider-portal`, `dns:provider`, `ping:anchor`. */
  key: z.string().min(1),
  segment: watchSegment,
  /** What it is, for charts and events: a name or an address (masked when refused). */
  label: z.string(),
  /** `ping`: ICMP echoes; `tcp`: TCP connects; `dns`: lookups. */
  kind: z.enum(["ping", "tcp", "dns"]),
  /** Median round trip (or connect, or lookup) time of each sample, ms; null: no answer. */
  rttMs: z.array(num),
  /** Attempts of each sample (echoes sent, connects, lookups); null: not measured then. */
  sent: z.array(num),
  /** Attempts that got no (good) answer. */
  lost: z.array(num),
}).strict();
/** One point's series. */
export type WatchSeries = z.infer<typeof watchSeriesSchema>;

/** One event: a segment dropping and recovering, loss, slowness, roaming, a change, a gap. */
export const watchEventSchema = z.object({
  id: z.string().min(1),
  kind: z.enum([
    "outage",
    "loss",
    "slow",
    "dns-failure",
    "wifi-roam",
    "wifi-signal",
    "address-change",
    "gap",
  ]),
  /** The segment it is attributed to (`device` for gaps: the device slept or was off). */
  segment: z.enum(["device", ...WATCH_SEGMENTS]),
  /** The first sample that showed it. */
  from: isoTime,
  /** The first sample that no longer showed it; null while it lasted to the end. */
  to: isoTime.nullable(),
  /** Samples it spans. */
  samples: z.number().int().nonnegative(),
  severity: z.enum(["info", "warn", "fail"]),
  title: localizedSchema,
  /** What was seen and where it is attributed, e.g. "gateway answered, provider and beyond dark". */
  detail: localizedSchema,
  /** The numbers it rests on (rates with their Wilson intervals, medians). */
  evidence: z.record(z.string(), z.unknown()),
}).strict();
/** One watch event. */
export type WatchEvent = z.infer<typeof watchEventSchema>;

const hoursStats = z.object({
  /** Samples in these hours that measured the point. */
  samples: z.number().int().nonnegative(),
  rttMedianMs: num,
  rttP90Ms: num,
  /** Attempts lost in these hours, with the 95 % Wilson interval; null: none made. */
  loss: rateSchema.nullable(),
}).strict();

/** Busy hours against quiet hours for one segment. */
export const timeOfDaySchema = z.object({
  segment: watchSegment,
  /** The point the comparison rests on (the first point of the segment with enough samples). */
  key: z.string(),
  busy: hoursStats,
  quiet: hoursStats,
  /** Busy minus quiet median RTT, ms. */
  addedMs: num,
  /** Busy minus quiet loss with its 95 % interval (Newcombe); null when either is missing. */
  lossDifference: z.object({ estimate: z.number(), low: z.number(), high: z.number() })
    .strict().nullable(),
  /**
   * `congestion`: slower in the busy hours, without loss; `busy-loss`: more loss in the busy
   * hours; `same`: no difference the samples can show; `insufficient`: too few samples in one
   * of the two.
   */
  verdict: z.enum(["congestion", "busy-loss", "same", "insufficient"]),
  text: localizedSchema,
}).strict();
/** One segment's busy/quiet comparison. */
export type TimeOfDay = z.infer<typeof timeOfDaySchema>;

/** The watch member of a report. */
export const watchBlockSchema = z.object({
  kind: z.literal("watch"),
  session: z.object({
    id: z.string().min(1),
    startedAt: isoTime,
    /** When the watch ended; null while it goes on (an interim report). */
    endedAt: isoTime.nullable(),
    /** Why it ended: `time` (its end came), `stopped`, `interrupted`, or null. */
    endReason: z.enum(["time", "stopped", "interrupted"]).nullable(),
    everyMs: z.number().int().positive(),
    burst: z.object({ everyMs: z.number().int().positive(), forMs: z.number().int().positive() })
      .strict().nullable(),
    busyHours: busyHoursSchema,
    /** The device's time zone (IANA), and its offset from UTC at the start, minutes. */
    timeZone: z.string(),
    utcOffsetMinutes: z.number().int(),
    /** The access type as inferred at the start (`isp.access`), or null. */
    accessType: z.string().nullable(),
  }).strict(),
  samples: z.object({
    /** Seconds from `session.startedAt` of each sample. */
    t: z.array(z.number()),
    /** How long each sample took, ms. */
    durationMs: z.array(z.number()),
  }).strict(),
  series: z.array(watchSeriesSchema),
  throughput: z.object({
    /** Seconds from the start of each throughput sample. */
    t: z.array(z.number()),
    downMbps: z.array(num),
    upMbps: z.array(num),
    /** Bytes each used. */
    bytes: z.array(z.number()),
  }).strict(),
  events: z.array(watchEventSchema),
  timeOfDay: z.array(timeOfDaySchema),
  /** The watch's conclusion in one sentence. */
  verdict: localizedSchema,
}).strict();
/** The watch member of a report. */
export type WatchBlock = z.infer<typeof watchBlockSchema>;
