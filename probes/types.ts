/**
 * The probe contract: the seam between the runner and every built-in or plugin probe.
 *
 * A probe is a plain object. It never throws past the runner: whatever it throws, or a
 * timeout, or an abort, becomes a result with status `error`/`timeout` that keeps the
 * partial data the probe checkpointed.
 *
 * @module
 */
import type { z } from "zod";
import type { RunConfig } from "./config.ts";
import type { ExecFn } from "./lib/exec.ts";
import type { Lang, Localized } from "../util/text.ts";
import type { Identifier } from "../util/redact.ts";
import type { DataCategory } from "../util/data_categories.ts";

/** The segments of the path between the customer's device and a service, in causal order. */
export const SEGMENTS = ["device", "lan", "isp", "dns", "internet", "service"] as const;
/** One segment of the path a verdict speaks about. */
export type Segment = typeof SEGMENTS[number];

/** The names of the segments as customers read them, in pages and verdicts alike. */
export const SEGMENT_NAMES: Readonly<Record<Segment, Localized>> = {
  device: { ja: "この端末", en: "This device" },
  lan: { ja: "Wi-Fi / 宅内 LAN", en: "Wi-Fi / home LAN" },
  isp: { ja: "プロバイダー / 回線", en: "Provider / line" },
  dns: { ja: "DNS", en: "DNS" },
  internet: { ja: "インターネット", en: "Internet" },
  service: { ja: "サービス", en: "Service" },
};

/** Every status a probe result can carry. */
export const PROBE_STATUSES = ["ok", "warn", "fail", "error", "timeout", "skipped"] as const;
/** The outcome of one probe. `error`, `timeout` and `skipped` are set by the runner too. */
export type ProbeStatus = typeof PROBE_STATUSES[number];

/** The platforms a probe supports, as in `Deno.build.os`. */
export type Platform = "windows" | "darwin" | "linux";

/** A piece of raw evidence: trimmed command output or a note, labelled. */
export interface Evidence {
  /** What this is, e.g. the command line that produced it. */
  label: string;
  /** The trimmed text. */
  text: string;
}

/** Progress a probe reports while it runs. */
export interface ProbeProgress {
  /** Fraction done, 0 to 1, when known. */
  fraction?: number;
  /** A short note of what is happening now, e.g. `"8.8.8.8: 3/10"`. */
  note?: string;
}

/** What a probe gets when it runs. */
export interface ProbeContext {
  /** Aborts on timeout or when the run is interrupted. Pass it to every I/O call. */
  signal: AbortSignal;
  /** The validated run configuration. */
  config: RunConfig;
  /** The language the customer chose, for any text the probe builds. */
  lang: Lang;
  /** Results of the probes named in `dependsOn`, by id. */
  deps: Readonly<Record<string, ProbeResult>>;
  /** Reports progress to the runner (and on to the progress bar or the web view). */
  progress(p: ProbeProgress): void;
  /** Keeps partial data: on error or timeout the result carries the last checkpoint. */
  checkpoint(data: Record<string, unknown>): void;
  /** Declares a value as an identifier so redaction can remove it everywhere. */
  identifier(id: Identifier): void;
  /** Runs an OS command with the probe's signal, decoding its output correctly. */
  exec: ExecFn;
  /** The current time; injected so tests can fix the clock. */
  now(): Date;
  /** The OS whose commands the probe runs: this one in a run, any in a test. */
  os: Platform;
  /** One environment variable of the process (proxy settings, for one); undefined if unset or unreadable. */
  env(name: string): string | undefined;
  /** Reads a system text file (e.g. `/etc/resolv.conf`). Requires `--allow-read` of it. */
  readTextFile(path: string): Promise<string>;
  /** Whether the kit runs with administrator rights (a few OS tools answer only then). */
  isRoot: boolean;
}

/** The machine as probes see it: what the runner takes from Deno and tests replace. */
export type ProbeHost = Pick<ProbeContext, "os" | "env" | "readTextFile" | "isRoot">;

/** What `run` returns; the runner adds timings, ids and validation. */
export interface ProbeOutcome<T extends Record<string, unknown> = Record<string, unknown>> {
  /** `ok`, `warn` or `fail` as judged by the probe from what it measured. */
  status: "ok" | "warn" | "fail" | "skipped";
  /** Why, when the status is `skipped` (e.g. no Wi-Fi adapter). */
  reason?: Localized;
  /** One line for the customer, in both languages. */
  summary: Localized;
  /** The measured data, validated by the probe's `schema`. */
  data: T;
  /** Raw evidence support can read, already trimmed. */
  evidence?: Evidence[];
}

/** A probe: a plain object the runner can schedule. */
export interface Probe<T extends Record<string, unknown> = Record<string, unknown>> {
  /** Dotted id, e.g. `dns.resolve`. Plugin ids carry a namespace. */
  id: string;
  /** Titles shown in lists and reports. */
  title: Localized;
  /** One sentence describing what it measures. */
  description: Localized;
  /** The segment its result speaks about. */
  segment: Segment;
  /** Data categories it needs; it is skipped when any of them was refused. */
  dataCategories: readonly DataCategory[];
  /** Ids of probes whose results it reads; they run first. */
  dependsOn: readonly string[];
  /** The runner aborts the probe after this many milliseconds. */
  timeoutMs: number;
  /** Platforms it runs on; elsewhere it is skipped with that reason. */
  platforms: readonly Platform[];
  /** Validates `data` of a finished run. */
  schema: z.ZodType<T>;
  /** Measures. May throw: the runner turns that into an `error` result. */
  run(ctx: ProbeContext): Promise<ProbeOutcome<T>>;
}

/** The recorded result of one probe, as it appears in the report. */
export interface ProbeResult {
  id: string;
  title: Localized;
  segment: Segment;
  status: ProbeStatus;
  /** Why it was skipped, errored or timed out. */
  reason?: Localized;
  summary?: Localized;
  /** ISO time the probe started (or was skipped). */
  startedAt: string;
  durationMs: number;
  data: Record<string, unknown>;
  evidence: Evidence[];
  /** The error behind an `error` result. */
  error?: { name: string; message: string };
  /** Where the probe came from: built into the kit, or a plugin's publisher. */
  source: string;
}

/**
 * Declares a probe: the one shape every built-in probe takes, a constant whose literal id
 * the registry and the rules can name with type checking.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { defineProbe } from "./types.ts";
 * export const helloProbe = defineProbe({
 *   id: "system.hello",
 *   title: { ja: "挨拶", en: "Hello" },
 *   description: { ja: "何も測りません", en: "Measures nothing" },
 *   segment: "device",
 *   dataCategories: ["measurements"],
 *   dependsOn: [],
 *   timeoutMs: 1_000,
 *   platforms: ["windows", "darwin", "linux"],
 *   schema: z.object({ os: z.string() }).strict(),
 *   run: (ctx) => Promise.resolve({ status: "ok", summary: { ja: "やあ", en: "Hi" }, data: { os: ctx.os } }),
 * });
 * helloProbe.id; // type "system.hello"
 * ```
 */
export function defineProbe<const Id extends string, T extends Record<string, unknown>>(
  probe: Probe<T> & { id: Id },
): Probe<T> & { readonly id: Id } {
  return probe;
}

/** Thrown by a probe to say it cannot apply here (e.g. a dependency failed). */
export class SkipProbe extends Error {
  /** The reason in both languages. */
  readonly reason: Localized;
  /** @param reason why the probe does not apply */
  constructor(reason: Localized) {
    super(reason.en);
    this.name = "SkipProbe";
    this.reason = reason;
  }
}

/** Statuses that mean the probe measured something (its data is complete). */
export function isMeasured(status: ProbeStatus): boolean {
  return status === "ok" || status === "warn" || status === "fail";
}
