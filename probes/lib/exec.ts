/**
 * The one way probes run OS commands: with the probe's signal, a timeout, a cap on output,
 * and output decoded correctly (CP932 on Japanese Windows, UTF-8 elsewhere).
 *
 * It never throws: a missing command, a denied permission, a timeout or a non-zero exit
 * are reasons in the result, so a probe can say why it could not measure.
 *
 * @module
 */
import { decodeOutput, type OutputEncoding } from "./decode.ts";
import type { Localized } from "../../util/text.ts";

/** Why a command did not give usable output. */
export type ExecFailure =
  | "not-found"
  | "permission-denied"
  | "timeout"
  | "aborted"
  | "exit-code"
  | "output-too-large"
  | "spawn-failed";

/** Options of one command run. */
export interface ExecOptions {
  /** Aborts the command (it is killed). */
  signal?: AbortSignal;
  /** Kills the command after this many milliseconds. Default 15000. */
  timeoutMs?: number;
  /** Extra environment variables. `LC_ALL=C` is set on Linux and macOS unless given here. */
  env?: Record<string, string>;
  /** How to decode output. `auto` tries UTF-8 and falls back to CP932 on Windows. */
  encoding?: OutputEncoding;
  /** Text written to the command's stdin. */
  stdin?: string;
  /** Cap on captured stdout and stderr each, in bytes. Default 4 MiB. */
  maxBytes?: number;
}

/** The outcome of one command run. */
export interface ExecResult {
  /** True when the command ran and exited 0. */
  ok: boolean;
  /** The command line as run, for evidence. */
  command: string;
  /** Exit code, or null when it did not run to exit. */
  code: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** Set when `ok` is false. */
  failure?: ExecFailure;
  /** The encoding the output was decoded with. */
  encoding: "utf-8" | "cp932";
}

/** Runs a command; see {@link ExecOptions}. Requires `--allow-run` for the command. */
export type ExecFn = (
  cmd: string,
  args: readonly string[],
  opts?: ExecOptions,
) => Promise<ExecResult>;

const DEFAULT_MAX = 4 * 1024 * 1024;

/**
 * Runs `cmd args` and captures its output. Never throws.
 *
 * @example
 * ```ts
 * const r = await exec("ip", ["-j", "route"], { timeoutMs: 3000 });
 * if (!r.ok) console.log(r.failure);
 * ```
 */
export const exec: ExecFn = async (cmd, args, opts = {}) => {
  const started = performance.now();
  const command = [cmd, ...args].map(quoteArg).join(" ");
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX;
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 15_000);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const env: Record<string, string> = Deno.build.os === "windows" ? {} : { LC_ALL: "C", LANG: "C" };
  Object.assign(env, opts.env ?? {});
  const base = {
    ok: false,
    command,
    code: null,
    stdout: "",
    stderr: "",
    encoding: "utf-8" as const,
  };
  if (signal.aborted) {
    return { ...base, durationMs: 0, failure: timeout.aborted ? "timeout" : "aborted" };
  }
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(cmd, {
      args: [...args],
      env,
      stdin: opts.stdin === undefined ? "null" : "piped",
      stdout: "piped",
      stderr: "piped",
      signal,
    }).spawn();
  } catch (e) {
    const failure: ExecFailure = e instanceof Deno.errors.NotFound
      ? "not-found"
      : e instanceof Deno.errors.PermissionDenied || e instanceof Deno.errors.NotCapable
      ? "permission-denied"
      : "spawn-failed";
    return { ...base, stderr: String((e as Error).message), durationMs: elapsed(started), failure };
  }
  if (opts.stdin !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(opts.stdin)).catch(() => {});
    await w.close().catch(() => {});
  }
  let tooLarge = false;
  const onOverflow = () => {
    tooLarge = true;
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
  };
  const [out, err, status] = await Promise.all([
    collect(child.stdout, maxBytes, onOverflow, signal),
    collect(child.stderr, maxBytes, onOverflow, signal),
    child.status,
  ]);
  const stdout = decodeOutput(out, opts.encoding ?? "auto");
  const stderr = decodeOutput(err, opts.encoding ?? "auto");
  const result: ExecResult = {
    ok: status.success && !tooLarge,
    command,
    code: status.signal ? null : status.code,
    stdout: stdout.text,
    stderr: stderr.text,
    durationMs: elapsed(started),
    encoding: stdout.encoding,
  };
  if (tooLarge) result.failure = "output-too-large";
  else if (timeout.aborted) result.failure = "timeout";
  else if (signal.aborted) result.failure = "aborted";
  else if (!status.success) result.failure = "exit-code";
  if (result.failure) result.ok = false;
  return result;
};

async function collect(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  onOverflow: () => void,
  stop: AbortSignal,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  // Killing the child is not enough: a grandchild (a shell's `yes`, `sleep`) can hold the
  // pipe open. Cancelling our end ends the read, and the grandchild gets SIGPIPE.
  const cancel = () => void reader.cancel().catch(() => {});
  stop.addEventListener("abort", cancel, { once: true });
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = maxBytes - size;
      if (value.length > room) {
        chunks.push(value.subarray(0, room));
        size = maxBytes;
        onOverflow();
        cancel();
        break;
      }
      chunks.push(value);
      size += value.length;
    }
  } catch { /* stream torn down by kill or cancel: keep what arrived */ }
  stop.removeEventListener("abort", cancel);
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function quoteArg(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a);
}

/** Describes an exec failure for a result's reason, in both languages. */
export function describeFailure(r: ExecResult): Localized {
  const name = r.command.split(" ")[0];
  switch (r.failure) {
    case "not-found":
      return { ja: `コマンド ${name} が見つかりません`, en: `Command ${name} was not found` };
    case "permission-denied":
      return {
        ja: `コマンド ${name} の実行が許可されていません`,
        en: `Permission denied to run ${name}`,
      };
    case "timeout":
      return {
        ja: `コマンド ${name} が時間内に終わりませんでした`,
        en: `Command ${name} timed out`,
      };
    case "aborted":
      return { ja: `コマンド ${name} は中断されました`, en: `Command ${name} was interrupted` };
    case "output-too-large":
      return { ja: `コマンド ${name} の出力が大きすぎます`, en: `Output of ${name} was too large` };
    case "exit-code":
      return {
        ja: `コマンド ${name} が終了コード ${r.code} で終わりました`,
        en: `Command ${name} exited with code ${r.code}`,
      };
    default:
      return { ja: `コマンド ${name} を実行できません`, en: `Command ${name} could not be run` };
  }
}
