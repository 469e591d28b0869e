/**
 * The kit's side of the plugin host: starts `kiriwake __plugin-host` (the compiled binary
 * itself, or `deno run main.ts` from source), sends it the job, relays its frames, caps its
 * output, and kills it on timeout or abort — the only way to stop a Worker in a busy loop.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { readCapped, readFrames } from "../util/bounded_read.ts";
import { type HostFrame, type HostJob, MAX_FRAME_BYTES } from "./host.ts";
import { PIPE_GRACE_MS, processGroup } from "./process_group.ts";

/** How to start the plugin host: a program, its arguments and extra environment. */
export interface HostInvocation {
  cmd: string;
  args: string[];
  env: Record<string, string>;
}

/** Everything the host process writes on stdout, plugin noise included, before it is killed. */
export const MAX_HOST_STDOUT = 8 * 1024 * 1024;
/** The same for stderr. */
export const MAX_HOST_STDERR = 8 * 1024 * 1024;

// No eval, new Function or string timers in the host and its Worker: code made from strings
// could reach `import()`, which is checked against the process's permissions, not the Worker's.
const V8_FLAGS = "--disallow-code-generation-from-strings";

/**
 * How to start the plugin host for a plugin with `perms`. Inside a compiled binary that is
 * the binary itself; under `deno run` it is deno with this source tree's `main.ts`, and the
 * process gets only the declared permissions (defence in depth besides the Worker's).
 */
export function hostInvocation(
  perms: HostJob["permissions"],
  standalone = Deno.build.standalone ?? false,
): HostInvocation {
  // The host needs this one variable to start (main.ts asks for the config directory).
  const env = { DENO_V8_FLAGS: V8_FLAGS, KIRIWAKE_CONFIG_DIR: "plugin-host" };
  // `--lang` spares main.ts a look at the locale variables, which the host may not read.
  const host = ["__plugin-host", "--lang", "en"];
  if (standalone) return { cmd: Deno.execPath(), args: host, env };
  const flag = (name: string, list: string[]) =>
    list.length > 0 ? [`--allow-${name}=${list.join(",")}`] : [];
  return {
    cmd: Deno.execPath(),
    args: [
      "run",
      "--quiet",
      "--no-prompt",
      "--unstable-worker-options",
      `--v8-flags=${V8_FLAGS}`,
      `--config=${fileURLToPath(new URL("../deno.json", import.meta.url))}`,
      ...flag("net", perms.net),
      ...flag("read", perms.read),
      ...flag("write", perms.write),
      ...flag("run", perms.run),
      `--allow-env=${["KIRIWAKE_CONFIG_DIR", ...perms.env].join(",")}`,
      fileURLToPath(new URL("../main.ts", import.meta.url)),
      ...host,
    ],
    env,
  };
}

/** How a host run ended. */
export type HostOutcome =
  | { kind: "result"; result: unknown; workerMs: number; logs: string[]; stray: string }
  | { kind: "error"; name: string; message: string; logs: string[]; stray: string }
  | { kind: "overflow"; stream: "stdout" | "stderr"; what: string; logs: string[] }
  | { kind: "crash"; code: number; signal: string | null; stderr: string; logs: string[] }
  | { kind: "killed"; logs: string[] };

/** Options of {@link runInHost}. */
export interface HostRunOptions {
  /** Kills the host when it aborts (timeout or Ctrl-C). */
  signal: AbortSignal;
  /** Progress, checkpoint and identifier frames as they come. */
  onFrame(frame: HostFrame): void;
  /** Overrides how the host is started (tests). */
  invocation?: HostInvocation;
  /** Called with the host's pid once it runs (tests check it is gone afterwards). */
  onSpawn?(pid: number): void;
}

/**
 * Runs `job` in a new plugin host process. Never rejects: every ending is an outcome.
 * Requires `--allow-run` for the host program.
 */
export async function runInHost(job: HostJob, opts: HostRunOptions): Promise<HostOutcome> {
  const inv = opts.invocation ?? hostInvocation(job.permissions);
  const logs: string[] = [];
  if (opts.signal.aborted) return { kind: "killed", logs };
  // Its own process group: a plugin allowed to run commands cannot leave them behind.
  const group = processGroup();
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(inv.cmd, {
      args: inv.args,
      env: { ...inv.env, ...group.spawn.env },
      detached: group.spawn.detached,
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch (e) {
    return { kind: "crash", code: -1, signal: null, stderr: (e as Error).message, logs };
  }
  group.adopt(child.pid);
  opts.onSpawn?.(child.pid);
  let killed = false;
  const kill = () => {
    if (killed) return;
    killed = true;
    group.kill();
  };
  opts.signal.addEventListener("abort", kill, { once: true });
  let last: HostFrame | null = null;
  let overflow: { stream: "stdout" | "stderr"; what: string } | null = null;
  const writer = child.stdin.getWriter();
  writer.write(new TextEncoder().encode(JSON.stringify(job) + "\n")).catch(() => {});
  const stopReading = new AbortController();
  try {
    const reading = Promise.all([
      readFrames(child.stdout, {
        stop: stopReading.signal,
        nonce: job.nonce,
        max: MAX_HOST_STDOUT,
        maxLine: MAX_FRAME_BYTES + 4096,
        strayKeep: 2000,
        onFrame: (f) => {
          const frame = f as HostFrame;
          if (frame.t === "log") {
            logs.push(`[${frame.level}] ${frame.text}`);
          } else if (frame.t === "result" || frame.t === "error") {
            last = frame;
            writer.close().catch(() => {}); // lets the host exit
          } else opts.onFrame(frame);
        },
        onOverflow: (what) => {
          overflow = {
            stream: "stdout",
            what: what === "line"
              ? `a line longer than ${MAX_FRAME_BYTES + 4096} bytes`
              : `more than ${MAX_HOST_STDOUT} bytes`,
          };
          kill();
        },
      }),
      readCapped(child.stderr, 4000, MAX_HOST_STDERR, () => {
        overflow ??= { stream: "stderr", what: `more than ${MAX_HOST_STDERR} bytes` };
        kill();
      }, stopReading.signal),
    ]);
    const status = await child.status;
    // The host is gone: so is anything a plugin allowed to run commands left holding its pipes.
    group.kill();
    const grace = setTimeout(() => stopReading.abort(), PIPE_GRACE_MS);
    const [out, err] = await reading.finally(() => clearTimeout(grace));
    const final = last as HostFrame | null;
    if (overflow) {
      return { kind: "overflow", ...(overflow as { stream: "stdout"; what: string }), logs };
    }
    if (final?.t === "result") {
      return {
        kind: "result",
        result: final.result,
        workerMs: final.workerMs,
        logs,
        stray: out.stray,
      };
    }
    if (final?.t === "error") {
      return { kind: "error", name: final.name, message: final.message, logs, stray: out.stray };
    }
    if (killed) return { kind: "killed", logs };
    return {
      kind: "crash",
      code: status.code,
      signal: status.signal,
      stderr: new TextDecoder().decode(err.head),
      logs,
    };
  } finally {
    opts.signal.removeEventListener("abort", kill);
    writer.close().catch(() => {});
    stopReading.abort();
    await group.end(); // the host exits by itself after a result; never leave one behind
    group.release();
  }
}
