/**
 * Randomised scenarios, reproducible from a seed: faulted runs (a fault kind × location ×
 * severity from `fault_kinds.ts`, half of them with noise on top) and healthy runs with noise.
 * Each becomes an ordinary scenario for the harness. Pure.
 *
 * @module
 */
import type { Segment } from "../../probes/types.ts";
import {
  FAULT_KINDS,
  type FaultKind,
  NOISE_KINDS,
  type NoiseKind,
  type Rng,
} from "./fault_kinds.ts";
import type { Fault, Scenario } from "./scenario_schema.ts";
import { deepMerge } from "./kit_config.ts";

/** One generated run. */
export interface RandomCase {
  /** Fault kind id, or `healthy`. */
  kind: string;
  location: Segment | null;
  severity: number | null;
  /** The severity as read: "7.5 % round trips", "servfail". */
  severityText: string;
  /** At or beyond the kind's documented threshold: the headline must name the location. */
  detectable: boolean;
  noise: string[];
  scenario: Scenario;
}

/** Options of {@link generateCases}. */
export interface GenerateOptions {
  faulted: number;
  healthy: number;
  seed: number;
  kinds?: readonly FaultKind[];
  noise?: readonly NoiseKind[];
}

/**
 * Mulberry32: a small, well-mixed 32-bit PRNG, so a seed gives the same cases everywhere.
 *
 * @example
 * ```ts
 * const r = mulberry32(1);
 * r() === mulberry32(1)(); // true
 * ```
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws a severity of `kind`. */
export function drawSeverity(kind: FaultKind, rng: Rng): number {
  const { min, max, log, step } = kind.severity;
  if (kind.modes) return Math.floor(rng() * kind.modes.length);
  const u = rng();
  const x = log
    ? Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * u)
    : min + (max - min) * u;
  const stepped = step ? Math.round(x / step) * step : x;
  return Math.min(max, Math.max(min, Math.round(stepped * 1000) / 1000));
}

/** True when `severity` is at or beyond the kind's threshold at `location`. */
export function isDetectable(kind: FaultKind, location: Segment, severity: number): boolean {
  const t = kind.threshold(location);
  return t.worse === "higher" ? severity >= t.value : severity <= t.value;
}

/** The severity as read. */
export function severityText(kind: FaultKind, severity: number): string {
  return kind.modes ? kind.modes[severity] : `${severity} ${kind.severity.unit}`;
}

/** The cases of one seed: `faulted` fault draws, then `healthy` noisy healthy runs. */
export function generateCases(opts: GenerateOptions): RandomCase[] {
  const kinds = opts.kinds ?? FAULT_KINDS;
  const noiseKinds = opts.noise ?? NOISE_KINDS;
  const rng = mulberry32(opts.seed);
  const out: RandomCase[] = [];
  const total = kinds.reduce((s, k) => s + (k.weight ?? 1), 0);
  const pickKind = () => {
    let x = rng() * total;
    for (const k of kinds) if ((x -= k.weight ?? 1) < 0) return k;
    return kinds.at(-1)!;
  };
  const noise = (count: number, faulted: boolean) => {
    const picked = noiseKinds.filter((n) => !(faulted && n.healthyOnly));
    for (let i = picked.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [picked[i], picked[j]] = [picked[j], picked[i]];
    }
    picked.length = Math.min(count, picked.length);
    const made = picked.map((n) => n.make(rng));
    return { faults: made.flatMap((m) => m.faults), labels: made.map((m) => m.label) };
  };
  for (let i = 0; i < opts.faulted; i++) {
    const kind = pickKind();
    const location = kind.locations[Math.floor(rng() * kind.locations.length)];
    const severity = drawSeverity(kind, rng);
    const injected = kind.make(location, severity, rng);
    // Half the faulted runs get noise on top, as a real network would have (not a small
    // MTU on top of an MTU fault: that would be a second fault of the same kind).
    const extra = rng() < 0.5 ? noise(1, true) : { faults: [] as Fault[], labels: [] as string[] };
    const clash = kind.id === "mtu-black-hole" && extra.labels.some((l) => l.includes("MTU"));
    const noiseFaults = clash ? [] : extra.faults;
    const text = severityText(kind, severity);
    out.push({
      kind: kind.id,
      location,
      severity,
      severityText: text,
      detectable: isDetectable(kind, location, severity),
      noise: clash ? [] : extra.labels,
      scenario: scenario(
        `r${i + 1}-${kind.id}-${location}`,
        `${kind.id} at ${location}: ${text}`,
        [...injected.faults, ...noiseFaults],
        injected.config ?? {},
        location,
      ),
    });
  }
  for (let i = 0; i < opts.healthy; i++) {
    const n = noise(1 + Math.floor(rng() * 2), false);
    out.push({
      kind: "healthy",
      location: null,
      severity: null,
      severityText: "-",
      detectable: true,
      noise: n.labels,
      scenario: scenario(
        `h${i + 1}-healthy`,
        `healthy with noise: ${n.labels.join("; ")}`,
        n.faults,
        {},
        null,
      ),
    });
  }
  return out;
}

function scenario(
  name: string,
  description: string,
  faults: Fault[],
  config: Record<string, unknown>,
  headline: Segment | null,
): Scenario {
  return {
    name,
    description,
    requires: [],
    faults,
    config: deepMerge({}, config),
    expect: { headline, findings: [], allow: [] },
    repeat: 1,
    file: "(generated)",
  };
}
