/**
 * The data the throughput probe records, as zod schemas (the report validates probe data
 * with them) and the types inferred from them.
 *
 * @module
 */
import { z } from "zod";
import { AIM_CLASSES } from "./aim.ts";
import { BUFFERBLOAT_GRADES } from "./bufferbloat.ts";
import { SPEED_ERROR_KINDS } from "./errors.ts";

const n = z.number().nullable();
const confidence = z.enum(["Low", "Medium", "High"]);
const speedError = z.object({
  kind: z.enum(SPEED_ERROR_KINDS as [string, ...string[]]),
  message: z.string(),
});

/** Why a direction ended. */
export const STOP_REASONS = ["stable", "time", "budget", "stalled", "error", "aborted"] as const;

/** One direction's measurement. */
export const directionSchema = z.object({
  direction: z.enum(["download", "upload"]),
  stopReason: z.enum(STOP_REASONS),
  error: speedError.nullable(),
  durationMs: z.number(),
  /** Load bytes moved (received, or handed to the socket for uploads). */
  bytes: z.number(),
  /** Goodput: the moving average of the last MAD intervals, Mbit/s. */
  mbps: n,
  /** Most load-generating connections used. */
  streams: z.number().int(),
  intervals: z.array(z.object({ endMs: z.number(), mbps: z.number(), streams: z.number().int() })),
  capacity: z.object({ stable: z.boolean(), confidence }),
  responsiveness: z.object({
    rpm: n,
    confidence,
    foreignRpm: n,
    loadedRpm: n,
    /** Trimmed means (95 %) the RPM rests on, ms. */
    tcpMs: n,
    tlsMs: n,
    httpMs: n,
    selfMs: n,
    foreignSamples: z.number().int(),
    selfSamples: z.number().int(),
  }),
  /** Latency under load: the GET of foreign probes (separate small requests), ms. */
  loadedLatency: z.object({ medianMs: n, jitterMs: n, samples: z.number().int() }),
  probes: z.object({
    /** Bytes charged to probes (the draft's per-probe estimates). */
    bytes: z.number(),
    /** `bytes` over the load's bytes: at most 0.05 by construction. */
    share: n,
    foreignFailures: z.number().int(),
  }),
});
/** One direction's measurement. */
export type DirectionResult = z.infer<typeof directionSchema>;
/** Why a direction ended. */
export type StopReason = typeof STOP_REASONS[number];

/** Idle latency, before any load. */
export const idleSchema = z.object({
  latencyMs: n,
  jitterMs: n,
  minMs: n,
  samples: z.number().int(),
  connectMs: n,
  tlsMs: n,
});
/** Idle latency, before any load. */
export type IdleResult = z.infer<typeof idleSchema>;

const aimScore = z.object({ points: z.number(), classification: z.enum(AIM_CLASSES) });
const grade = z.enum(BUFFERBLOAT_GRADES).nullable();

/** Everything measured against one server. */
export const serverResultSchema = z.object({
  name: z.string(),
  url: z.string(),
  kind: z.enum(["on-net", "off-net"]),
  /** `ok`, or the first error kind that cut the measurement short. */
  outcome: z.enum(["ok", ...SPEED_ERROR_KINDS] as [string, ...string[]]),
  error: z.string().optional(),
  idle: idleSchema.nullable(),
  download: directionSchema.nullable(),
  upload: directionSchema.nullable(),
  bufferbloat: z.object({
    downloadAddedMs: n,
    uploadAddedMs: n,
    download: grade,
    upload: grade,
    /** The worse direction. */
    grade,
  }),
  /** The lower of the two directions' RPM, with its confidence. */
  rpm: z.object({ value: n, confidence: confidence.nullable() }),
  aim: z.object({
    streaming: aimScore.optional(),
    gaming: aimScore.optional(),
    rtc: aimScore.optional(),
  }),
  bytesUsed: z.number(),
});
/** Everything measured against one server. */
export type ServerResult = z.infer<typeof serverResultSchema>;

/** On-net versus off-net, when both were measured. */
export const comparisonSchema = z.object({
  onNet: z.string(),
  offNet: z.string(),
  /** Off-net over on-net goodput. */
  downloadRatio: n,
  uploadRatio: n,
  /** Off-net minus on-net idle latency, ms. */
  latencyDeltaMs: n,
  /** `beyond-access`: off-net is clearly slower (peering or transit); `same`: both alike. */
  finding: z.enum(["beyond-access", "same", "unknown"]),
});

/** The data of the `throughput` probe. */
export const throughputDataSchema = z.object({
  budget: z.object({
    metered: z.boolean(),
    maxBytes: z.number(),
    usedBytes: z.number(),
    directionMs: z.number(),
  }),
  servers: z.array(serverResultSchema),
  comparison: comparisonSchema.nullable(),
});
/** The data of the `throughput` probe. */
export type ThroughputData = z.infer<typeof throughputDataSchema>;
