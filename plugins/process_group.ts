/**
 * Keeping a plugin's processes together and ending them together. A plugin process may start
 * others (a shell pipeline, a helper, a daemon); killing only the one the kit started leaves
 * the rest running, holding its output pipes open and its temporary copy in use.
 *
 * - Unix: the plugin starts in a session and process group of its own (`setsid`, Deno's
 *   `detached`), and the whole group is killed. On Linux, every process that still carries
 *   the run's tag in its environment (a descendant that left the group with `setsid`, or a
 *   background job the shell put in a group of its own) is killed too — then, a moment
 *   later, once more. On macOS a plugin that detaches itself that way escapes: its trust
 *   rests on the manifest's signature.
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
  /**
   * Kills the run's processes, then (Linux) looks once more after a moment for any that was
   * still on its way out of the group (a daemon forks, then leaves with `setsid`).
   */
  end(): Promise<void>;
  /** Forgets the group (after {@link kill}, when the run is over). */
  release(): void;
}

const live = new Set<ProcessGroup>();
const liveDirs = new Set<string>();
/** Every tag this process handed out: swept once more when the kit exits (Linux). */
const tags = new Set<string>();
let listening = false;

function cleanUpAtExit() {
  if (listening) return;
  listening = true;
  globalThis.addEventListener("unload", () => {
    for (const g of live) g.kill();
    if (Deno.build.os === "linux" && tags.size > 0) killTagged(...tags);
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
  const tag = `${RUN_TAG}=${crypto.randomUUID()}`;
  if (os === "linux") tags.add(tag);
  let pid: number | null = null;
  let job: WindowsJob | null = null;
  const windows = os === "windows";
  const group: ProcessGroup = {
    spawn: { detached: !windows, env: { [RUN_TAG]: tag.slice(RUN_TAG.length + 1) } },
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
      if (os === "linux") killTagged(tag);
    },
    async end() {
      group.kill();
      if (os !== "linux" || pid === null) return;
      await new Promise((r) => setTimeout(r, SWEEP_AGAIN_MS));
      killTagged(tag);
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

/** How long after the kill the run's tag is looked for once more. */
export const SWEEP_AGAIN_MS = 250;

/**
 * Kills every process of this user whose environment holds one of `entries` (`NAME=value`)
 * and returns their pids. Linux; the environments are read by `ps` (Deno reads
 * `/proc/PID/environ` only with every permission, which the kit never has).
 */
export function killTagged(...entries: string[]): number[] {
  const killed: number[] = [];
  let listing: string;
  try {
    const out = new Deno.Command("ps", {
      args: ["-e", "ww", "e", "-o", "pid=", "-o", "args="],
      stdin: "null",
      stdout: "piped",
      stderr: "null",
    }).outputSync();
    listing = new TextDecoder().decode(out.stdout);
  } catch {
    return killed; // no ps: the process group is all there is
  }
  for (const line of listing.split("\n")) {
    const m = /^\s*(\d+)\s/.exec(line);
    if (!m || Number(m[1]) === Deno.pid) continue;
    if (!entries.some((e) => (` ${line} `).includes(` ${e} `))) continue;
    try {
      Deno.kill(Number(m[1]), "SIGKILL");
      killed.push(Number(m[1]));
    } catch { /* gone */ }
  }
  return killed;
}
