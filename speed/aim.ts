/**
 * Use-case verdicts (streaming, gaming, video calls) scored the way Cloudflare's speed test
 * does its "AIM" (Aggregated Internet Measurement) scores. Source: the public package
 * github.com/cloudflare/speedtest, `src/config/internalConfig.ts` (`aimMeasurementScoring`,
 * `aimExperiencesDefs`) and `src/Results/ScoresCalculations.ts`:
 *
 * - each metric becomes points through a threshold table (`scaleThreshold`: the first
 *   breakpoint the value is below picks the points; at or above the last, the last points);
 * - an experience sums the points of its inputs (clamped at 0) and maps the sum through its
 *   own breakpoints to bad / poor / average / good / great;
 * - `loadedLatencyIncrease` is max(download, upload loaded latency) − idle latency;
 * - packet loss scores 0 points when it was not measured (Cloudflare's `defaultPoints`),
 *   which is the case here: the kit measures over TCP and reports no loss figure.
 *
 * @module
 */

/** Cloudflare's classification names, worst first. */
export const AIM_CLASSES = ["bad", "poor", "average", "good", "great"] as const;
/** One AIM classification. */
export type AimClass = typeof AIM_CLASSES[number];

/** The metrics AIM scores (latencies in ms, rates in bit/s, loss as a ratio). */
export interface AimInput {
  /** Idle latency, ms. */
  latencyMs: number | null;
  /** Idle jitter, ms. */
  jitterMs: number | null;
  downloadBps: number | null;
  uploadBps: number | null;
  /** Loaded latency during the download, ms. */
  downLoadedLatencyMs: number | null;
  /** Loaded latency during the upload, ms. */
  upLoadedLatencyMs: number | null;
  /** Packet loss ratio 0–1, null when not measured. */
  packetLoss: number | null;
}

/** The score of one experience. */
export interface AimScore {
  points: number;
  classification: AimClass;
}

/** Scores per experience; an experience is absent when one of its inputs is missing. */
export interface AimScores {
  streaming?: AimScore;
  gaming?: AimScore;
  /** Real-time communication: video calls. */
  rtc?: AimScore;
}

type Metric = "packetLoss" | "latency" | "loadedLatencyIncrease" | "jitter" | "download" | "upload";

/** `scaleThreshold(domain, range)` of the source: index of the first breakpoint above v. */
function threshold(domain: readonly number[], range: readonly number[]) {
  return (v: number): number => {
    let i = 0;
    while (i < domain.length && v >= domain[i]) i++;
    return range[i];
  };
}

const SCORING: Record<Metric, (v: number) => number> = {
  packetLoss: threshold([0.01, 0.05, 0.25, 0.5], [10, 5, 0, -10, -20]),
  latency: threshold([10, 20, 50, 100, 500], [20, 10, 5, 0, -10, -20]),
  loadedLatencyIncrease: threshold([10, 20, 50, 100, 500], [20, 10, 5, 0, -10, -20]),
  jitter: threshold([10, 20, 100, 500], [10, 5, 0, -10, -20]),
  download: threshold([1e6, 10e6, 50e6, 100e6], [0, 5, 10, 20, 30]),
  upload: threshold([1e6, 10e6, 50e6, 100e6], [0, 5, 10, 20, 30]),
};

const EXPERIENCES: Record<keyof AimScores, { input: Metric[]; points: number[] }> = {
  streaming: {
    input: ["latency", "packetLoss", "download", "loadedLatencyIncrease"],
    points: [15, 20, 40, 60],
  },
  gaming: { input: ["latency", "packetLoss", "loadedLatencyIncrease"], points: [5, 15, 25, 30] },
  rtc: {
    input: ["latency", "jitter", "packetLoss", "loadedLatencyIncrease"],
    points: [5, 15, 25, 40],
  },
};

/** Points of each metric that has a value (packet loss defaults to 0 points). */
export function aimPoints(m: AimInput): Partial<Record<Metric, number>> {
  const loaded = [m.downLoadedLatencyMs, m.upLoadedLatencyMs].filter((x): x is number =>
    x !== null
  );
  const values: Record<Metric, number | null> = {
    packetLoss: m.packetLoss,
    latency: m.latencyMs,
    loadedLatencyIncrease: m.latencyMs !== null && loaded.length > 0
      ? Math.max(...loaded) - m.latencyMs
      : null,
    jitter: m.jitterMs,
    download: m.downloadBps,
    upload: m.uploadBps,
  };
  const out: Partial<Record<Metric, number>> = { packetLoss: 0 };
  for (const k of Object.keys(SCORING) as Metric[]) {
    const v = values[k];
    if (v !== null && Number.isFinite(v)) out[k] = SCORING[k](v);
  }
  return out;
}

/** Scores streaming, gaming and video calls from the measured metrics. */
export function aimScores(m: AimInput): AimScores {
  const pts = aimPoints(m);
  const out: AimScores = {};
  for (
    const [name, def] of Object.entries(EXPERIENCES) as [
      keyof AimScores,
      typeof EXPERIENCES["gaming"],
    ][]
  ) {
    if (!def.input.every((k) => pts[k] !== undefined)) continue;
    const points = Math.max(0, def.input.reduce((s, k) => s + pts[k]!, 0));
    out[name] = {
      points,
      classification: AIM_CLASSES[threshold(def.points, [0, 1, 2, 3, 4])(points)],
    };
  }
  return out;
}
