/**
 * The adversarial suite's harness: runs the real kit (`main.ts` of any checkout, so the same
 * cases measure the code before and after a fix) as a separate process with its own folders,
 * a deadline and a marker, and classifies what happened:
 *
 * - `clean`: the documented exit code, at most one error line (no stack), nothing left behind
 * - `crash`: another exit code, an internal error, a stack trace or a many-line error
 * - `hang`: the deadline passed (the kit and everything it started are then killed)
 * - `loss`: a report that should exist is missing, invalid, or an earlier one was changed
 * - `leak`: a process or a temporary copy outlived the case
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { denoCacheEnv } from "../support/loopback_run.ts";

/** What a case ended as. */
export type Verdict = "clean" | "crash" | "hang" | "loss" | "leak";

/** A case's verdict and why. */
export interface Outcome {
  verdict: Verdict;
  detail: string;
}

/** One adversarial case: generated at run time, run against a checkout. */
export interface Case {
  /** The class of issue 19 it belongs to, e.g. `1 nesting`. */
  cls: string;
  name: string;
  run(k: Kit): Promise<Outcome>;
}

/** What a finished (or killed) kit process did. */
export interface KitRun {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when a process of the case grew past {@link MAX_RSS_BYTES} and was killed. */
  memory?: number;
  ms: number;
}

/** A case's process that holds more memory than this is killed (an endless read, a bomb). */
export const MAX_RSS_BYTES = 1536 * 1024 * 1024;

/** Options of one kit process. */
export interface RunOpts {
  stdin?: string;
  /** Where stdout goes: a pipe (default), `/dev/full`, or closed after `closeAfter` bytes. */
  stdout?: "piped" | "full";
  stderr?: "piped" | "full";
  timeoutMs?: number;
  env?: Record<string, string>;
  /** Prefix the kit's command with a shell `ulimit -n N` (hard and soft). */
  fdLimit?: number;
}

/** The checkout this file belongs to. */
export const HERE = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Stands for the terms version in a kit's arguments; {@link Kit} puts in the version the
 * checkout's brand carries (checkouts differ: the census runs old code too).
 */
export const TERMS = "{terms-version}";

const termsOf = new Map<string, string>();

/** The terms version of the brand in the checkout at `root`. */
export function termsVersion(root: string): string {
  let v = termsOf.get(root);
  if (v) return v;
  try {
    v = JSON.parse(Deno.readTextFileSync(join(root, "brand/brand.json"))).terms.version as string;
  } catch {
    // Older checkouts kept the brand in TypeScript.
    const ts = Deno.readTextFileSync(join(root, "brand/brand.ts"));
    v = /terms:\s*\{[^}]*?version:\s*"([^"]+)"/s.exec(ts)?.[1] ??
      /version:\s*"([^"]+)"/.exec(ts)![1];
  }
  termsOf.set(root, v);
  return v;
}

/** What a case gets: a fresh folder, an environment, and the kit of one checkout. */
export class Kit {
  /** A marker in the environment of every process the case starts. */
  readonly marker = `kwadv${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  readonly env: Record<string, string>;
  readonly tmp: string;

  constructor(readonly root: string, readonly dir: string) {
    this.tmp = join(dir, "tmp");
    this.env = {
      ...denoCacheEnv(),
      NO_COLOR: "1",
      LANG: "C.UTF-8",
      HOME: join(dir, "home"),
      KIRIWAKE_CONFIG_DIR: join(dir, "cfg"),
      TMPDIR: this.tmp,
      KW_ADV_MARKER: this.marker,
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
    };
  }

  /** Makes the folders. */
  async init(): Promise<void> {
    await Deno.mkdir(this.tmp, { recursive: true });
    await Deno.mkdir(this.env.HOME, { recursive: true });
  }

  /** A path inside the case's folder. */
  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  /** Writes `text` (or JSON of a value) to a file in the case's folder; returns its path. */
  async write(name: string, content: string | Uint8Array | object): Promise<string> {
    const p = this.path(name);
    if (typeof content === "string") await Deno.writeTextFile(p, content);
    else if (content instanceof Uint8Array) await Deno.writeFile(p, content);
    else await Deno.writeTextFile(p, JSON.stringify(content));
    return p;
  }

  /** The argv that runs this checkout's kit. */
  argv(args: string[]): string[] {
    return [
      Deno.execPath(),
      "run",
      "--allow-net",
      "--allow-read",
      "--allow-write",
      "--allow-run",
      "--allow-env",
      "--allow-sys",
      "--unstable-worker-options",
      "--unstable-net",
      join(this.root, "main.ts"),
      ...args.map((a) => a === TERMS ? termsVersion(this.root) : a),
    ];
  }

  /** Starts the kit (in its own process group, so a hang can be ended whole). */
  spawn(args: string[], opts: RunOpts = {}): Deno.ChildProcess {
    let argv = this.argv(args);
    const out = opts.stdout === "full" ? "/dev/full" : null;
    const err = opts.stderr === "full" ? "/dev/full" : null;
    if (opts.fdLimit || out || err) {
      const redirect = `${out ? ` >${out}` : ""}${err ? ` 2>${err}` : ""}`;
      const limit = opts.fdLimit ? `ulimit -n ${opts.fdLimit}; ` : "";
      argv = ["sh", "-c", `${limit}exec "$@"${redirect}`, "sh", ...argv];
    }
    return new Deno.Command(argv[0], {
      args: argv.slice(1),
      env: { ...this.env, ...opts.env },
      clearEnv: true,
      cwd: this.dir,
      detached: true,
      stdin: opts.stdin === undefined ? "null" : "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  }

  /** Runs the kit to the end or the deadline. */
  async run(args: string[], opts: RunOpts = {}): Promise<KitRun> {
    const t0 = performance.now();
    const child = this.spawn(args, opts);
    if (opts.stdin !== undefined) {
      const w = child.stdin.getWriter();
      await w.write(new TextEncoder().encode(opts.stdin)).catch(() => {});
      await w.close().catch(() => {});
    }
    let timedOut = false;
    let memory: number | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, opts.timeoutMs ?? 30_000);
    // Watch memory: a kit reading /dev/zero would otherwise take the machine with it.
    const watch = setInterval(() => {
      for (const pid of treeOf(child.pid)) {
        const rss = rssOf(pid);
        if (rss > MAX_RSS_BYTES) {
          memory = rss;
          killGroup(child.pid);
        }
      }
    }, 50);
    const out = await child.output();
    clearTimeout(timer);
    clearInterval(watch);
    const dec = new TextDecoder();
    return {
      code: out.code,
      stdout: dec.decode(out.stdout),
      stderr: dec.decode(out.stderr),
      timedOut: timedOut && memory === undefined,
      ...(memory ? { memory } : {}),
      ms: performance.now() - t0,
    };
  }

  /** Processes of this case still running (by marker in their command line or environment). */
  leftovers(): number[] {
    return findMarked(this.marker);
  }

  /** Kills what is left of this case (only its own marked processes). */
  cleanUp(): void {
    for (const pid of this.leftovers()) {
      try {
        Deno.kill(pid, "SIGKILL");
      } catch { /* gone */ }
    }
  }

  /** Entries left in the case's temporary folder. */
  tmpLeft(): string[] {
    try {
      return [...Deno.readDirSync(this.tmp)].map((e) => e.name);
    } catch {
      return [];
    }
  }
}

/** `pid` and its descendants (from the `children` lists under Linux `/proc/PID/task`). */
export function treeOf(pid: number): number[] {
  const out: number[] = [];
  const todo = [pid];
  while (todo.length > 0 && out.length < 1000) {
    const p = todo.pop()!;
    out.push(p);
    try {
      for (const t of Deno.readDirSync(`/proc/${p}/task`)) {
        const kids = Deno.readTextFileSync(`/proc/${p}/task/${t.name}/children`).trim();
        if (kids) todo.push(...kids.split(/\s+/).map(Number));
      }
    } catch { /* gone */ }
  }
  return out;
}

/** Resident memory of `pid` in bytes (0 when unknown). */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(Deno.readTextFileSync(`/proc/${pid}/status`));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Why a case needing `cmd` cannot run here, or null. Without it the case is skipped locally
 * (saying why) and fails in CI (`CI=true`), where `.ci/run` installs it.
 */
export function missingTool(cmd: string): string | null {
  try {
    new Deno.Command(cmd, { args: ["--version"], stdout: "null", stderr: "null" }).outputSync();
    return null;
  } catch {
    const why = `${cmd} is not installed`;
    if (Deno.env.get("CI") === "true") throw new Error(`${why} (CI installs it: .ci/run)`);
    return why;
  }
}

/** Kills the process group led by `pid`. */
export function killGroup(pid: number): void {
  try {
    Deno.kill(-pid, "SIGKILL");
  } catch { /* gone */ }
}

/** Pids whose command line or environment holds `marker` (Linux). */
export function findMarked(marker: string): number[] {
  const found: number[] = [];
  const needle = new TextEncoder().encode(marker);
  for (const d of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(d.name) || Number(d.name) === Deno.pid) continue;
    for (const f of ["cmdline", "environ"]) {
      try {
        if (contains(Deno.readFileSync(`/proc/${d.name}/${f}`), needle)) {
          found.push(Number(d.name));
          break;
        }
      } catch { /* gone, or not ours */ }
    }
  }
  return found;
}

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A clean outcome. */
export const clean = (detail = ""): Outcome => ({ verdict: "clean", detail });

/**
 * Judges a run that must fail with exit `code` and one error line (matching `like` when
 * given), within `maxLine` characters.
 */
export function expectError(r: KitRun, code: number, like?: RegExp, maxLine = 4000): Outcome {
  if (r.memory) return { verdict: "crash", detail: `grew to ${r.memory >> 20} MB and was killed` };
  if (r.timedOut) return { verdict: "hang", detail: `no exit within ${Math.round(r.ms)} ms` };
  const lines = r.stderr.split("\n").filter((l) => l.trim() !== "");
  const errors = lines.filter((l) => /^(Error|エラー|Internal error|内部エラー):/.test(l));
  const stack = lines.some((l) => /^\s+at /.test(l)) || /Internal error|panicked/.test(r.stderr);
  const head = lines.at(-1)?.slice(0, 300) ?? "";
  if (r.code !== code || stack) {
    return { verdict: "crash", detail: `exit ${r.code} (expected ${code}): ${head}` };
  }
  if (errors.length !== 1) {
    return { verdict: "crash", detail: `${errors.length} error lines: ${head}` };
  }
  if (errors[0].length > maxLine) {
    return { verdict: "crash", detail: `an error line of ${errors[0].length} characters` };
  }
  if (like && !like.test(errors[0])) return { verdict: "crash", detail: `unexpected: ${head}` };
  return clean(errors[0].slice(0, 200));
}

/** Judges a run that must succeed (exit in `codes`), with no internal error. */
export function expectExit(r: KitRun, codes: number[]): Outcome | null {
  if (r.memory) return { verdict: "crash", detail: `grew to ${r.memory >> 20} MB and was killed` };
  if (r.timedOut) return { verdict: "hang", detail: `no exit within ${Math.round(r.ms)} ms` };
  if (!codes.includes(r.code) || /Internal error|^\s+at /m.test(r.stderr)) {
    const tail = r.stderr.trim().split("\n").slice(-2).join(" | ").slice(0, 300);
    return { verdict: "crash", detail: `exit ${r.code} (expected ${codes.join("/")}): ${tail}` };
  }
  return null;
}

/** Runs one case in a fresh folder: its outcome, then processes and temp files left over. */
export async function runCase(c: Case, root: string): Promise<Outcome> {
  const dir = await Deno.makeTempDir({ prefix: "kw-adv-" });
  const k = new Kit(root, dir);
  await k.init();
  let out: Outcome;
  try {
    out = await c.run(k);
  } catch (e) {
    out = { verdict: "crash", detail: `the case itself failed: ${(e as Error).message}` };
  }
  // Give a kit that has just exited a moment to have its children reaped.
  let left = k.leftovers();
  for (let i = 0; i < 10 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    left = k.leftovers();
  }
  const tmp = k.tmpLeft();
  if (out.verdict === "clean" && left.length > 0) {
    out = { verdict: "leak", detail: `${left.length} process(es) left running` };
  } else if (out.verdict === "clean" && tmp.length > 0) {
    out = { verdict: "leak", detail: `left in the temp folder: ${tmp.join(", ")}` };
  }
  k.cleanUp();
  await Deno.remove(dir, { recursive: true }).catch(() => {});
  return out;
}

/** The counts of a set of outcomes. */
export function tally(outcomes: readonly Outcome[]): Record<Verdict | "tried", number> {
  const t = { tried: outcomes.length, clean: 0, crash: 0, hang: 0, loss: 0, leak: 0 };
  for (const o of outcomes) t[o.verdict]++;
  return t;
}

/** Runs `cases` against `root`, `parallel` at a time, in order of the list. */
export async function runCases(
  cases: readonly Case[],
  root: string,
  parallel = 2,
  onDone?: (c: Case, o: Outcome) => void,
): Promise<Outcome[]> {
  const out: Outcome[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      out[i] = await runCase(cases[i], root);
      onDone?.(cases[i], out[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return out;
}
