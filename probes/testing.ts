/**
 * Test helpers for probes: a context with a fixed clock, a scripted `exec` and recorded
 * progress, so a probe's `run` can be tested without the runner.
 *
 * @module
 */
import { type RunConfigInput, runConfigSchema } from "./config.ts";
import type { ExecFn, ExecResult } from "./lib/exec.ts";
import { exec as realExec } from "./lib/exec.ts";
import { denoHost } from "./host.ts";
import type { Platform, Probe, ProbeContext, ProbeProgress, ProbeResult } from "./types.ts";
import type { Lang } from "../util/text.ts";
import type { Identifier } from "../util/redact.ts";

/** A context for tests, with what the probe reported through it. */
export interface TestContext extends ProbeContext {
  progressSeen: ProbeProgress[];
  checkpoints: Record<string, unknown>[];
  identifiers: Identifier[];
}

/** Options of {@link testContext}. */
export interface TestContextOptions extends TestHost {
  /** Run configuration as in a file; defaults applied. */
  config?: RunConfigInput;
  deps?: Record<string, ProbeResult>;
  /** A scripted exec, or the real one (default). */
  exec?: ExecFn;
  signal?: AbortSignal;
  now?: Date;
  lang?: Lang;
}

/** A pretended machine: the OS, environment, files and rights a probe sees in a test. */
export interface TestHost {
  /** The OS the probe runs as; this one by default. */
  os?: Platform;
  /** Environment variables the probe sees; the process's by default. */
  env?: Record<string, string>;
  /** System files the probe may read, by path; the real files by default. */
  files?: Record<string, string>;
  /** Whether the probe runs as administrator; this process's by default. */
  isRoot?: boolean;
}

/**
 * `probe` as it runs on another machine: every context it gets is changed to `host`.
 *
 * @example
 * ```ts ignore
 * const r = await onHost(netGatewayProbe, { os: "windows" }).run(testContext({ exec }));
 * ```
 */
export function onHost<P extends Probe>(probe: P, host: TestHost): P {
  return { ...probe, run: (ctx: ProbeContext) => probe.run({ ...ctx, ...hostOf(host) }) };
}

function hostOf(h: TestHost): Partial<ProbeContext> {
  return {
    ...(h.os ? { os: h.os } : {}),
    ...(h.env ? { env: (name: string) => h.env![name] } : {}),
    ...(h.files ? { readTextFile: (path: string) => readFrom(h.files!, path) } : {}),
    ...(h.isRoot !== undefined ? { isRoot: h.isRoot } : {}),
  };
}

/** Builds a probe context for a test. */
export function testContext(opts: TestContextOptions = {}): TestContext {
  const ctx: TestContext = {
    signal: opts.signal ?? new AbortController().signal,
    config: runConfigSchema.parse(opts.config ?? {}),
    lang: opts.lang ?? "en",
    deps: opts.deps ?? {},
    progressSeen: [],
    checkpoints: [],
    identifiers: [],
    progress: (p) => void ctx.progressSeen.push(p),
    checkpoint: (d) => void ctx.checkpoints.push(d),
    identifier: (i) => void ctx.identifiers.push(i),
    exec: opts.exec ?? realExec,
    now: () => opts.now ?? new Date("2026-11-24T09:00:00Z"),
    ...denoHost(),
    ...hostOf(opts),
  };
  return ctx;
}

function readFrom(files: Record<string, string>, path: string): Promise<string> {
  const text = files[path];
  return text === undefined
    ? Promise.reject(new Deno.errors.NotFound(`No such file: ${path}`))
    : Promise.resolve(text);
}

/**
 * An exec that answers from a script: `"cmd arg1 arg2"` → output. Unknown commands are
 * `not-found`, as they would be on a machine without them.
 */
export function scriptedExec(
  script: Record<string, string | Partial<ExecResult>>,
): ExecFn & { calls: string[] } {
  const calls: string[] = [];
  const fn = (cmd: string, args: readonly string[]) => {
    const line = [cmd, ...args].join(" ");
    calls.push(line);
    const entry = script[line];
    const base: ExecResult = {
      ok: true,
      command: line,
      code: 0,
      stdout: "",
      stderr: "",
      durationMs: 1,
      encoding: "utf-8",
    };
    if (entry === undefined) {
      return Promise.resolve({ ...base, ok: false, code: null, failure: "not-found" as const });
    }
    if (typeof entry === "string") return Promise.resolve({ ...base, stdout: entry });
    return Promise.resolve({ ...base, ...entry });
  };
  return Object.assign(fn, { calls });
}
