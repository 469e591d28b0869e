/**
 * Run configuration of `kiriwake watch`: how often it samples, which hours count as busy,
 * how many echoes a light sample sends, the throughput sample's data budget and how big the
 * history may grow. Spread into the run config schema as the `watch` section, so a brand sets
 * its defaults in `defaultConfig` (busy hours differ by market) and a config file can change
 * them. Like the other sections it measures nothing by itself: the watch samples the targets
 * the rest of the config names.
 *
 * @module
 */
import { z } from "zod";

/** A local hour of the day, 0–24 (24 is the end of the day). */
const hour = z.number().int().min(0).max(24);

/** The `watch` configuration section. */
export const watchConfigSchema = z.object({
  /** Time between samples when `--every` is not given, ms (default 10 minutes). */
  everyMs: z.number().int().min(1000).max(86_400_000).default(600_000),
  /**
   * Each sample moves by up to this share of the interval either way, at random, so samples
   * never line up with the hour (or with every other watcher's). 0–0.5.
   */
  jitter: z.number().min(0).max(0.5).default(0.2),
  /**
   * The busy hours, local time: `from` ≤ hour < `to` (wrapping past midnight when `from` >
   * `to`). 20–24 by default: the evening peak of residential lines in Japan.
   */
  busyHours: z.object({ from: hour.default(20), to: hour.default(24) }).strict().prefault({}),
  /** Echo requests per target in a light sample (a sample should take ≤ 2 s). */
  pingCount: z.number().int().min(3).max(50).default(8),
  /** Interval between those echoes (Linux; macOS and Windows send one a second). */
  pingIntervalMs: z.number().int().min(200).max(1000).default(200),
  /** How long to wait for each reply. */
  pingWaitMs: z.number().int().min(200).max(5000).default(1000),
  /**
   * Loss is an event only when its 95 % interval lies wholly above this share (0–1): one lost
   * echo never is.
   */
  lossLimit: z.number().min(0).max(0.5).default(0.01),
  /**
   * Latency is an event when a point's median RTT exceeds its quiet median by more than this
   * many milliseconds and by this factor, on consecutive samples.
   */
  slowAddedMs: z.number().positive().default(30),
  slowFactor: z.number().min(1).default(2),
  throughput: z.object({
    /** Time between throughput samples, ms; 0: never (default hourly). */
    everyMs: z.number().int().min(0).default(3_600_000),
    /** Bytes one throughput sample may use (both directions). */
    maxBytes: z.number().int().positive().default(20_000_000),
    /** Bytes all throughput samples of one local day may use together. */
    dailyMaxBytes: z.number().int().positive().default(200_000_000),
    /** Each direction of a throughput sample ends within this long. */
    directionMs: z.number().int().min(1000).max(10_000).default(3000),
  }).strict().prefault({}),
  store: z.object({
    /** The history's file may grow to this many bytes; the oldest samples go first. */
    maxBytes: z.number().int().min(1_000_000).default(50_000_000),
    /** Samples older than this many days are removed. */
    maxAgeDays: z.number().int().min(1).max(3650).default(90),
  }).strict().prefault({}),
}).strict();

/** A validated `watch` section. */
export type WatchConfig = z.infer<typeof watchConfigSchema>;
