/**
 * Keeping a plugin's processes together and ending them together. A plugin process may start
 * others (a shell pipeline, a helper, a daemon); killing only the one the kit started leaves
 * the rest running, holding its output pipes open and its temporary copy in use.
 *
 * - Unix: the plugin starts in a session and process group of its own (`setsid`, Deno's
 *   `detached`), and the whole group is killed. On Linux, every process that still carries
 *   the run's tag in its environment (a descendant that left the group with `setsid`) is
 *   killed too.
 * - Windows: the process joins a kill-on-close job object (`plugins/windows_job.ts`), with
 *   `taskkill /T` as the fallback.
 *
 * The group is killed on timeout, on abort (Ctrl-C), when the plugin's own process exits,
 * and when the kit exits: groups still alive then are killed, and temporary folders still
 * there are removed, by an `unload` listener.
 *
 * @module
 */
import { openKernel32, taskkillArgs, WindowsJob } from "./windows_job.ts";

/** How long readers wait for a plugin's pipes to close once its processes are killed. */
export const PIPE_GRACE_MS = 2000;

/** The environment variable that tags every process of one plugin run. */
export const RUN_TAG = "KIRIWAKE_PLUGIN_RUN";

/** One plugin run's processes. */
export interface ProcessGroup {
  /** Spawn options that start the plugin in its own group, and tag its environment. */
  readonly spawn: { detached: boolean; env: Record<string, string> };
  /** Called once the plugin's process runs. */
  adopt(pid: number): void;
  /** Kills every process of the run. Idempotent, never throws. */
  kill(): void;
  /** Forgets the group (after {@link kill}, when the run is over). */
  release(): void;
}

const live = new Set<ProcessGroup>();
const liveDirs = new Set<string>();
let listening = false;

function cleanUpAtExit() {
  if (listening) return;
  listening = true;
  globalThis.addEventListener("unload", () => {
    for (const g of live) g.kill();
    for (const d of liveDirs) {
      try {
        Deno.removeSync(d, { recursive: true });
      } catch { /* already gone */ }
    }
  });
}

/**
 * Registers a temporary folder to remove if the kit exits before the run that made it does;
 * returns the function that unregisters it.
 */
export function removeAtExit(dir: string): () => void {
  cleanUpAtExit();
  liveDirs.add(dir);
  return () => void liveDirs.delete(dir);
}

/** A new process group for one plugin run on `os`. */
export function processGroup(os: typeof Deno.build.os = Deno.build.os): ProcessGroup {
  cleanUpAtExit();
  const tag = crypto.randomUUID();
  let pid: number | null = null;
  let job: WindowsJob | null = null;
  const windows = os === "windows";
  const group: ProcessGroup = {
    spawn: { detached: !windows, env: { [RUN_TAG]: tag } },
    adopt(p) {
      pid = p;
      live.add(group);
      if (windows) {
        const k32 = openKernel32();
        job = k32 ? WindowsJob.create(k32) : null;
        if (job && !job.assign(p)) job = (job.terminate(), null);
      }
    },
    kill() {
      if (pid === null) return;
      if (windows) return killWindows(pid, job);
      try {
        Deno.kill(-pid, "SIGKILL");
      } catch { /* the group is gone already */ }
      if (os === "linux") killTagged(`${RUN_TAG}=${tag}`);
    },
    release() {
      live.delete(group);
      job = null;
    },
  };
  return group;
}

function killWindows(pid: number, job: WindowsJob | null): void {
  try {
    job?.terminate();
  } catch { /* fall through to taskkill */ }
  const t = taskkillArgs(pid);
  try {
    new Deno.Command(t.cmd, { args: t.args, stdout: "null", stderr: "null" }).outputSync();
  } catch { /* nothing left to kill */ }
}

/** Kills every process of this user whose environment holds `entry` (Linux `/proc`). */
export function killTagged(entry: string): number[] {
  const killed: number[] = [];
  const needle = new TextEncoder().encode(`${entry}\0`);
  let dirs: Iterable<Deno.DirEntry>;
  try {
    dirs = Deno.readDirSync("/proc");
  } catch {
    return killed;
  }
  for (const d of dirs) {
    if (!/^\d+$/.test(d.name) || Number(d.name) === Deno.pid) continue;
    let env: Uint8Array;
    try {
      env = Deno.readFileSync(`/proc/${d.name}/environ`);
    } catch {
      continue; // another user's process, or gone
    }
    if (!holds(env, needle)) continue;
    try {
      Deno.kill(Number(d.name), "SIGKILL");
      killed.push(Number(d.name));
    } catch { /* gone */ }
  }
  return killed;
}

/** True when the NUL-separated `env` block has an entry starting a string equal to `needle`. */
function holds(env: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= env.length; i++) {
    if (i > 0 && env[i - 1] !== 0) continue;
    for (let j = 0; j < needle.length; j++) if (env[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
