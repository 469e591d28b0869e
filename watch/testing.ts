/**
 * Test helpers: samples of a home's path (router, a provider hop and host, the provider's
 * resolver, an anchor) with the losses and times a test asks for, and series of them.
 *
 * @module
 */
import { buildReport } from "../report/build.ts";
import type { Report } from "../report/schema.ts";
import { watchReportData } from "./report_data.ts";
import type { Reading, Sample } from "./sample.ts";

/** What a test sample may set; everything else answers promptly. */
export interface PathSpec {
  /** Echoes lost to the router, the provider's first hop, its host and the anchor (of 8). */
  gateway?: number;
  hop?: number;
  provider?: number;
  anchor?: number;
  /** Lookups failed through the provider's resolver and through the system (of 2 each), and a public one. */
  dns?: number;
  publicDns?: number;
  /** Median times, ms. */
  gatewayMs?: number;
  providerMs?: number;
  anchorMs?: number;
  dnsMs?: number;
  /** Leave the hop out. */
  noHop?: boolean;
}

/** A ping reading. */
export function ping(
  key: string,
  segment: Reading["segment"],
  role: Reading["role"],
  lost: number,
  ms: number,
  sent = 8,
): Reading {
  return {
    key,
    segment,
    kind: "ping",
    role,
    label: key,
    sent,
    lost,
    rttMs: lost >= sent ? null : ms,
  };
}

/** One sample at `at` (ms). */
export function pathSample(at: number, spec: PathSpec = {}): Sample {
  const dnsLost = Math.min(2, spec.dns ?? 0);
  const readings: Reading[] = [
    ping("gateway:4", "lan", "gateway", spec.gateway ?? 0, spec.gatewayMs ?? 1),
    ...(spec.noHop
      ? []
      : [ping("hop:4:2", "isp", "hop", spec.hop ?? 0, (spec.providerMs ?? 5) - 1)]),
    ping("on-net:portal", "isp", "on-net", spec.provider ?? 0, spec.providerMs ?? 5),
    {
      key: "dns:provider",
      segment: "dns",
      kind: "dns",
      role: "provider",
      label: "provider",
      sent: 2,
      lost: dnsLost,
      rttMs: dnsLost >= 2 ? null : spec.dnsMs ?? 3,
      rcodes: dnsLost ? { NOERROR: 2 - dnsLost, timeout: dnsLost } : { NOERROR: 2 },
    },
    {
      key: "dns:system",
      segment: "dns",
      kind: "dns",
      role: "system",
      label: "system",
      sent: 2,
      lost: dnsLost,
      rttMs: dnsLost >= 2 ? null : spec.dnsMs ?? 3,
    },
    {
      key: "dns:public",
      segment: "dns",
      kind: "dns",
      role: "public",
      label: "public",
      sent: 2,
      lost: spec.publicDns ?? 0,
      rttMs: (spec.publicDns ?? 0) >= 2 ? null : 9,
    },
    ping("ping:anchor", "internet", "anchor", spec.anchor ?? 0, spec.anchorMs ?? 12),
  ];
  return { at, durationMs: 1800, readings, wifi: null, addresses: null, throughput: null };
}

/** `count` samples from `start`, `every` ms apart; `spec(i)` shapes each. */
export function pathSeries(
  start: number,
  every: number,
  count: number,
  spec: (i: number) => PathSpec = () => ({}),
): Sample[] {
  return Array.from({ length: count }, (_, i) => pathSample(start + i * every, spec(i)));
}

/** The analysis options of most tests: 5 s samples, UTC, the config's default limits. */
export const OPTS = {
  everyMs: 5000,
  lossLimit: 0.01,
  slowAddedMs: 30,
  slowFactor: 2,
  timeZone: "UTC",
} as const;

/** Options of {@link sampleWatchReport}. */
export interface SampleWatchOptions {
  /** Samples every 10 minutes over a Tokyo day, with evening congestion and a drop at 21:20. */
  day?: boolean;
  /** A healthy 4-minute lab watch every 5 s instead. */
  healthy?: boolean;
  accessType?: string | null;
}

/** A sealed watch report: a day with a drop at 21:20 and evening congestion (default). */
export async function sampleWatchReport(opts: SampleWatchOptions = {}): Promise<Report> {
  const day0 = Date.UTC(2026, 11, 2, 15, 0, 0); // 00:00 in Tokyo
  const healthy = opts.healthy ?? false;
  const every = healthy ? 5000 : 600_000;
  const count = healthy ? 48 : 144;
  const start = healthy ? Date.UTC(2026, 11, 3, 3, 0, 0) : day0;
  const samples = pathSeries(start, every, count, (i) => {
    if (healthy) return {};
    const hour = Math.floor((i * 10) / 60);
    if (i >= 128 && i < 130) return { hop: 8, provider: 8, anchor: 8, dns: 2, publicDns: 2 };
    return hour >= 20
      ? { providerMs: 40 + (i % 4) * 3, anchorMs: 52 + (i % 4) * 3 }
      : { providerMs: 5 + (i % 4), anchorMs: 12 + (i % 4) };
  }).map((s, i) =>
    i % 6 === 0 ? { ...s, throughput: { downMbps: 90 - (i % 5), upMbps: 40, bytes: 9_000_000 } } : s
  );
  const session = {
    id: "w-test",
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + count * every).toISOString(),
    endReason: "time" as const,
    everyMs: every,
    burst: null,
    busyHours: { from: 20, to: 24 },
    timeZone: "Asia/Tokyo",
    utcOffsetMinutes: 540,
    accessType: opts.accessType === undefined ? "pppoe" : opts.accessType,
  };
  const { block, diagnosis } = watchReportData(session, samples, [], {
    lossLimit: 0.01,
    slowAddedMs: 30,
    slowFactor: 2,
  });
  const at = new Date(start);
  return await buildReport({
    schema: "kiriwake.report/v1",
    id: `${at.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-w1w2w3`,
    createdAt: at.toISOString(),
    tool: {
      name: "kiriwake",
      version: "0.1.0",
      target: "x86_64-unknown-linux-gnu",
      compiled: false,
      brand: { id: "kiriwake", product: "kiriwake", provider: "kiriwake project" },
    },
    terms: { version: "1.0", sha256: "a".repeat(64), language: "ja", acceptedAt: at.toISOString() },
    consent: { granted: ["device", "network", "measurements"], refused: ["identifiers"] },
    licence: { required: false, status: "not-required" },
    environment: { os: "linux", arch: "x86_64", locale: "ja-JP", lang: "ja" },
    config: { source: "brand default", sha256: "b".repeat(64) },
  }, {
    results: [],
    identifiers: [],
    finishedAt: new Date(start + count * every),
    partial: false,
    watch: { block, diagnosis },
  });
}
