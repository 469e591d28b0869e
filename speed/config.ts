/**
 * The `throughput` section of the run configuration: which speed test servers to measure
 * (the provider's on-net server and an off-net one for comparison), how many parallel
 * streams, how long each phase may take and how much data the test may use.
 *
 * Like every section it measures nothing unless it lists a server.
 *
 * @module
 */
import { z } from "zod";

/** The most time one direction may take (the limit: each direction ≤ 10 s). */
export const MAX_DIRECTION_MS = 10_000;

/** A `kiriwake speedtest-server` (or anything serving the same endpoints). */
export const speedServerSchema = z.object({
  /** Short name shown in reports, e.g. `provider-tokyo`. */
  name: z.string().min(1).optional(),
  /** Base URL; the endpoints live under `<url>/speed/v1/`. */
  url: z.url({ protocol: /^https?$/ }),
  /**
   * `on-net`: inside the provider's network (measures the access line); `off-net`: beyond
   * it (adds peering and transit). The report compares the two.
   */
  kind: z.enum(["on-net", "off-net"]).default("off-net"),
  /** PEM certificates of extra trusted CAs, for a server with a private certificate. */
  caCerts: z.array(z.string()).optional(),
}).strict();

/** One configured speed test server. */
export type SpeedServer = z.infer<typeof speedServerSchema>;

/** The `throughput` configuration section. */
export const throughputConfigSchema = z.object({
  /** Servers measured one after the other; the time limits are shared between them. */
  servers: z.array(speedServerSchema).max(4).default([]),
  streams: z.object({
    /** Load-generating connections opened at the start of each direction. */
    initial: z.number().int().min(1).max(64).default(4),
    /** The ramp adds one connection per interval until goodput is stable or this many. */
    max: z.number().int().min(1).max(64).default(16),
  }).strict().prefault({}),
  durations: z.object({
    /** Each direction (download, then upload) ends within this long. */
    directionMs: z.number().int().min(1000).max(MAX_DIRECTION_MS).default(MAX_DIRECTION_MS),
    /** Idle latency is sampled for at most this long before loading the line. */
    idleMs: z.number().int().min(200).max(5000).default(1500),
    /** How often goodput and responsiveness are re-evaluated for stability. */
    intervalMs: z.number().int().min(100).max(1000).default(500),
  }).strict().prefault({}),
  budget: z.object({
    /** The whole test (all servers, both directions) uses at most this many bytes. */
    maxBytes: z.number().int().positive().default(4_000_000_000),
    /** A metered line: small budget, shorter directions, fewer streams. */
    metered: z.boolean().default(false),
    /** The budget in metered mode. */
    meteredMaxBytes: z.number().int().positive().default(40_000_000),
  }).strict().prefault({}),
}).strict().prefault({});

/** A validated `throughput` section. */
export type ThroughputConfig = z.infer<typeof throughputConfigSchema>;
