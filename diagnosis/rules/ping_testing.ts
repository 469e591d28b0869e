/**
 * Builders of ping probe results for rule tests: every echo's time spelled out, as the ping
 * probes record them (`samples`), with the counts that follow from them.
 *
 * @module
 */
import type { ProbeResult } from "../../probes/types.ts";
import { result } from "./rule_testing.ts";

/** `n` echoes of `ms` each, the first `lost` of them lost. */
export function echoes(n: number, lost = 0, ms = 1): (number | null)[] {
  return Array.from({ length: n }, (_, i) => (i < lost ? null : ms));
}

/** A ping record of `target` with these `samples`. */
export function pingRecord(
  target: string,
  samples: (number | null)[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const rtts = samples.filter((x): x is number => x !== null);
  return {
    target,
    family: 4,
    status: "ok",
    sent: samples.length,
    received: rtts.length,
    lossPercent: (100 * (samples.length - rtts.length)) / samples.length,
    rtt: rtts.length
      ? {
        minMs: Math.min(...rtts),
        avgMs: rtts.reduce((a, b) => a + b, 0) / rtts.length,
        maxMs: Math.max(...rtts),
      }
      : null,
    jitterMs: null,
    errors: [],
    samples,
    intervalMs: 200,
    command: `ping ${target}`,
    ...extra,
  };
}

/** `lan.gateway.ping` with one record per `[target, samples]`. */
export function gatewayPing(...targets: [string, (number | null)[]][]): ProbeResult {
  return result("lan.gateway.ping", { targets: targets.map(([t, s]) => pingRecord(t, s)) }, {
    segment: "lan",
  });
}

/** `isp.ping` with the first hop (TTL 2) and an on-net host. */
export function ispPing(hop: (number | null)[] | null, onNet?: (number | null)[]): ProbeResult {
  return result("isp.ping", {
    targets: [
      ...(hop ? [pingRecord("10.64.0.1", hop, { role: "hop", ttl: 2 })] : []),
      ...(onNet ? [pingRecord("10.64.1.80", onNet, { role: "on-net" })] : []),
    ],
  }, { segment: "isp" });
}

/** `internet.ping` to one anchor. */
export function anchorPing(samples: (number | null)[], target = "198.18.0.10"): ProbeResult {
  return result("internet.ping", { targets: [pingRecord(target, samples)] });
}
