/**
 * One watch sample: a light run of the built-in probes through the same runner as `run` —
 * the router, the provider (hops and on-net hosts, TCP to its hosts), the anchors, DNS
 * through the system and each resolver, the Wi-Fi link and the addresses — with few echoes,
 * so a sample takes about two seconds. The first sample also infers the access type; now and
 * then one adds a throughput sample within its data budget (smaller on a metered line).
 * Results are masked and tagged (`watch/privacy.ts`) before they are returned for storing.
 *
 * @module
 */
import type { Grant } from "../consent/gate.ts";
import { machineIdentifiers } from "../consent/identifiers.ts";
import type { RunConfig } from "../probes/config.ts";
import type { ExecFn } from "../probes/lib/exec.ts";
import { BUILTIN_PROBES } from "../probes/mod.ts";
import { planProbes } from "../probes/plan.ts";
import { runProbes } from "../probes/runner.ts";
import type { ProbeResult } from "../probes/types.ts";
import type { Identifier } from "../util/redact.ts";
import type { Lang } from "../util/text.ts";
import { extractSample, providerHostsOf } from "../watch/extract.ts";
import { finishSample } from "../watch/privacy.ts";
import type { Sample } from "../watch/sample.ts";

/** The probes of every sample (those this build has). */
export const LIGHT_PROBES = [
  "net.interfaces",
  "net.gateway",
  "lan.gateway.ping",
  "isp.ping",
  "tcp.connect",
  "internet.ping",
  "dns.resolve",
  "wifi.link",
] as const;
/** Added to the first sample: the access type, for the busy-hours advice. */
export const FIRST_PROBES = ["isp.access", "path.mtu"] as const;

/** What a sample is taken with. */
export interface SamplerOptions {
  config: RunConfig;
  lang: Lang;
  grant: Pick<Grant, "granted" | "refused">;
  tagKey: Uint8Array;
  exec?: ExecFn;
  signal?: AbortSignal;
}

/** What kind of sample to take. */
export interface SampleKind {
  /** The first sample of a watch (adds the access type). */
  first: boolean;
  /** Bytes a throughput sample may use now; 0: none this time. */
  throughputBytes: number;
}

/** A sample, and the results and identifiers it came from (for the report's last sample). */
export interface TakenSample {
  sample: Sample;
  results: ProbeResult[];
  identifiers: Identifier[];
}

/**
 * The run configuration of a sample: the config's targets, few echoes, everything at once.
 * Pure.
 */
export function sampleConfig(config: RunConfig, kind: SampleKind, os = Deno.build.os): RunConfig {
  const w = config.watch;
  const known = new Set<string>(BUILTIN_PROBES.map((p) => p.id));
  const only = [
    ...LIGHT_PROBES,
    ...(kind.first ? FIRST_PROBES : []),
    ...(kind.throughputBytes > 0 ? ["isp.throughput"] : []),
  ].filter((id) => known.has(id) && !config.skip.includes(id));
  // macOS and Windows send one echo a second without admin rights: two keep a sample short.
  const count = os === "linux" ? w.pingCount : Math.min(w.pingCount, 2);
  const servers = [...config.throughput.servers].sort((a, b) =>
    Number(a.kind !== "on-net") - Number(b.kind !== "on-net")
  ).slice(0, 1);
  return {
    ...config,
    only,
    skip: [],
    concurrency: Math.max(config.concurrency, 8),
    ping: { ...config.ping, count, intervalMs: w.pingIntervalMs, waitMs: w.pingWaitMs },
    throughput: {
      ...config.throughput,
      servers,
      durations: {
        ...config.throughput.durations,
        directionMs: w.throughput.directionMs,
        idleMs: 500,
      },
      budget: {
        ...config.throughput.budget,
        maxBytes: Math.max(1, kind.throughputBytes),
        meteredMaxBytes: Math.max(
          1,
          Math.min(config.throughput.budget.meteredMaxBytes, kind.throughputBytes),
        ),
      },
    },
  };
}

/**
 * Takes one sample at `at`. Never throws for a probe's trouble (the runner turns it into a
 * result); rejects only on a bug.
 */
export async function takeSample(
  opts: SamplerOptions,
  kind: SampleKind,
  at: number,
): Promise<TakenSample> {
  const config = sampleConfig(opts.config, kind);
  const probes = planProbes(BUILTIN_PROBES, config, "watch");
  const ids: Identifier[] = [];
  const t0 = performance.now();
  const out = await runProbes({
    probes,
    config,
    lang: opts.lang,
    granted: opts.grant.granted,
    signal: opts.signal,
    exec: opts.exec,
    now: () => new Date(),
    onIdentifier: (i) => ids.push(i),
  });
  const durationMs = Math.round(performance.now() - t0);
  const kinds = new Map(config.dns.resolvers.map((r) => [r.name, r.kind] as const));
  const identifiers = [...machineIdentifiers(), ...ids];
  const raw = extractSample(out.results, kinds, providerHostsOf(config));
  const sample = await finishSample(raw, { at, durationMs }, {
    refused: opts.grant.refused,
    identifiers,
    tagKey: opts.tagKey,
  });
  return { sample, results: out.results, identifiers };
}
