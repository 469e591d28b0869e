/**
 * The kiriwake plugin API: the types a plugin author imports, type-only.
 *
 * A module plugin is one TypeScript or JavaScript file whose default export is a function
 * taking a {@link PluginContext} and returning a {@link PluginResult}:
 *
 * ```ts
 * import type { PluginContext, PluginResult } from "./api.ts";
 *
 * export default async function run(ctx: PluginContext): Promise<PluginResult> {
 *   const r = await ctx.fetch(String(ctx.config.url));
 *   return {
 *     status: r.ok && r.status === 200 ? "ok" : "fail",
 *     summary: { ja: `応答 ${r.status}`, en: `Answered ${r.status}` },
 *     data: { status: r.status, ms: r.ms },
 *   };
 * }
 * ```
 *
 * It runs in a sandbox with only the permissions its manifest entry declares, and cannot
 * import other modules. A command plugin gets {@link CommandPluginInput} as JSON on stdin and
 * prints one {@link PluginResult} as JSON on stdout.
 *
 * This file has no runtime code: `kiriwake plugins new` copies it beside a new plugin.
 *
 * @module
 */

/** Japanese and English text, side by side. */
export interface Localized {
  ja: string;
  en: string;
}

/** The segments of the path a result speaks about, in causal order. */
export type Segment = "device" | "lan" | "isp" | "dns" | "internet" | "service";

/** A labelled piece of raw evidence support can read (trimmed to 8000 characters). */
export interface Evidence {
  label: string;
  text: string;
}

/** The recorded result of a probe this plugin depends on (`dependsOn`). */
export interface DependencyResult {
  id: string;
  segment: Segment;
  status: "ok" | "warn" | "fail" | "error" | "timeout" | "skipped";
  summary?: Localized;
  data: Record<string, unknown>;
}

/** What a plugin returns. Validated strictly: a wrong field becomes an `error` result. */
export interface PluginResult {
  /** Judged by the plugin from what it measured. */
  status: "ok" | "warn" | "fail" | "skipped";
  /** One line for the customer. */
  summary: Localized;
  /** Why, when `status` is `skipped` (or to explain a `fail`). */
  reason?: Localized;
  /** The measured data; JSON only, at most 1 MiB with the rest of the result. */
  data?: Record<string, unknown>;
  /** Raw evidence, at most 20 items. */
  evidence?: Evidence[];
}

/** The outcome of {@link PluginContext.fetch}. Never thrown: failures are `ok: false`. */
export interface TimedResponse {
  /** True when a response arrived (any status). */
  ok: boolean;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  /** Time to the response headers, in milliseconds. */
  ms: number;
  /** Time until the body was read, in milliseconds. */
  totalMs: number;
  headers: Record<string, string>;
  /** The body as text, cut at `maxBodyBytes` (default 64 KiB). */
  body: string;
  /** Why no response arrived: `timeout`, `permission`, or the error text. */
  error?: string;
}

/** Options of {@link PluginContext.fetch}. */
export interface TimedFetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Gives up after this long. Default: what is left of the plugin's time. */
  timeoutMs?: number;
  /** Longest body kept, in bytes. Default 65536. */
  maxBodyBytes?: number;
}

/** The outcome of {@link PluginContext.connect} or {@link PluginContext.resolve}. */
export interface TimedOutcome {
  ok: boolean;
  ms: number;
  error?: string;
}

/** What a module plugin gets. */
export interface PluginContext {
  /** The plugin's id, e.g. `example-isp.portal`. */
  id: string;
  /** The language the customer chose. */
  lang: "ja" | "en";
  /** The `config` object of the manifest entry. */
  config: Record<string, unknown>;
  /** Results of the probes named in `dependsOn`, by id. */
  deps: Record<string, DependencyResult>;
  /** Aborts shortly before the plugin's time is up: pass it to every wait. */
  signal: AbortSignal;
  /** Reports progress (0 to 1) and a short note. */
  progress(p: { fraction?: number; note?: string }): void;
  /** Keeps partial data: a plugin that times out still reports its last checkpoint. */
  checkpoint(data: Record<string, unknown>): void;
  /** Declares a value that identifies the customer (e.g. an account id) so it is redacted. */
  identifier(i: { kind: string; value: string }): void;
  /** An HTTP request with timings. Needs the host:port in `permissions.net`. */
  fetch(url: string, opts?: TimedFetchOptions): Promise<TimedResponse>;
  /** A timed TCP connect. Needs the host:port in `permissions.net`. */
  connect(host: string, port: number, opts?: { timeoutMs?: number }): Promise<TimedOutcome>;
  /**
   * A timed DNS lookup through `nameServer`, or the system resolver when absent. Asking a
   * name server needs its `address:port` in `permissions.net`.
   */
  resolve(
    name: string,
    opts?: {
      type?: "A" | "AAAA" | "CNAME" | "TXT";
      nameServer?: { address: string; port?: number };
      timeoutMs?: number;
    },
  ): Promise<TimedOutcome & { answers: string[] }>;
  /** The current time. */
  now(): Date;
}

/** What a command plugin reads on stdin, as JSON. */
export interface CommandPluginInput {
  schema: "kiriwake.plugin-input/v1";
  id: string;
  lang: "ja" | "en";
  config: Record<string, unknown>;
  deps: Record<string, DependencyResult>;
  /** Milliseconds the command has before it is killed. */
  timeoutMs: number;
}

/** The default export of a module plugin. */
export type PluginRun = (ctx: PluginContext) => Promise<PluginResult> | PluginResult;
