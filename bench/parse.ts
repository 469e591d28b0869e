/**
 * Pure parsers of what the benchmark's tools print: iperf3's JSON, GNU time's resource line
 * and `kiriwake speedtest --json`.
 *
 * @module
 */

/** The figure iperf3 reports: receiver-side bits per second over the (non-omitted) run. */
export function iperfBps(json: string): number {
  const d = JSON.parse(json);
  if (d.error) throw new Error(`iperf3: ${d.error}`);
  const bps = d?.end?.sum_received?.bits_per_second;
  if (typeof bps !== "number") {
    throw new Error("iperf3 JSON has no end.sum_received.bits_per_second");
  }
  return bps;
}

/** CPU seconds and peak memory of a process, from GNU time's `-f "%e %U %S %M"` line. */
export interface Usage {
  wallS: number;
  cpuS: number;
  peakRssMB: number;
}

/** Finds the `KWTIME wall user sys maxrssKB` line in `stderr`, or null. */
export function parseTime(stderr: string): Usage | null {
  const m = /^KWTIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/m.exec(stderr);
  if (!m) return null;
  return { wallS: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]), peakRssMB: Number(m[4]) / 1024 };
}

/** GNU time's format for {@link parseTime}. */
export const TIME_FORMAT = "KWTIME %e %U %S %M";

/** One direction of a `kiriwake speedtest --json` result. */
export interface ProbeDirection {
  mbps: number | null;
  bytes: number;
  streams: number;
  confidence: string;
  stopReason: string;
  loadedLatencyMs: number | null;
  rpm: number | null;
  rpmConfidence: string;
  /** Bytes charged to latency probes over load bytes. */
  probeShare: number | null;
  bufferbloat: { addedMs: number | null; grade: string | null };
}

/** What the bench reads from `kiriwake speedtest --json`. */
export interface ProbeFigures {
  outcome: string;
  download: ProbeDirection | null;
  upload: ProbeDirection | null;
  idleMs: number | null;
  grade: string | null;
  bytesUsed: number;
}

/** Parses `kiriwake speedtest --json` output. */
export function parseSpeedtest(json: string): ProbeFigures {
  const j = JSON.parse(json);
  return {
    outcome: j.outcome ?? j.status,
    download: j.download ?? null,
    upload: j.upload ?? null,
    idleMs: j.latency?.idleMs ?? null,
    grade: j.grades?.bufferbloat ?? null,
    bytesUsed: j.bytesUsed ?? 0,
  };
}
