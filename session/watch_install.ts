/**
 * `watch install` and `watch uninstall`: a scheduled watch is a session marked installed in
 * the history plus the OS's per-user schedule (`watch/os_schedule.ts`) that fires
 * `kiriwake watch tick`. Installing writes the schedule's files and registers them with the
 * OS; uninstalling unregisters and removes them, ends the session and writes its report. The
 * OS commands run through an injected runner, so tests see exactly what would run.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Brand } from "../brand/schema.ts";
import { RefusedError } from "../util/errors.ts";
import { type SchedulePlan, schedulePlan, type ScheduleSpec } from "../watch/os_schedule.ts";
import type { SessionRow } from "../watch/store.ts";
import { activeSession, createSession, isAlive, openHistory, type WatchOptions } from "./watch.ts";
import { writeWatchReport } from "./watch_report.ts";
import { parseSettings } from "./watch_settings.ts";

/** Runs one OS command; resolves with its exit code and what it printed on stderr. */
export type CommandRunner = (argv: string[]) => Promise<{ code: number; stderr: string }>;

/** The real runner. Requires `--allow-run` of the scheduler's tool. */
export const runCommand: CommandRunner = async (argv) => {
  try {
    const r = await new Deno.Command(argv[0], {
      args: argv.slice(1),
      stdout: "null",
      stderr: "piped",
    })
      .output();
    return { code: r.code, stderr: new TextDecoder().decode(r.stderr).trim() };
  } catch (e) {
    return { code: 127, stderr: (e as Error).message };
  }
};

/** The command line the OS schedule runs: this binary, or `deno run … main.ts`, then `watch tick`. */
export function tickArgv(): string[] {
  if (Deno.build.standalone) return [Deno.execPath(), "watch", "tick"];
  const main = fileURLToPath(Deno.mainModule);
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
    "--config",
    join(dirname(main), "deno.json"),
    main,
    "watch",
    "tick",
  ];
}

/** The schedule of this machine for `brand`. */
export function scheduleSpecFor(
  brand: Brand,
  env: (n: string) => string | undefined,
  opts: { dataDir: string; everyMs: number; jitter: number; startAt: number; endAt: number | null },
  os: string = Deno.build.os,
): ScheduleSpec {
  const home = env("HOME") ?? env("USERPROFILE") ?? opts.dataDir;
  const keep = ["KIRIWAKE_CONFIG_DIR", "KIRIWAKE_DATA_DIR", "LANG"].filter((k) => env(k));
  return {
    name: brand.id,
    product: brand.product,
    argv: tickArgv(),
    everyMs: opts.everyMs,
    randomDelayMs: Math.round(Math.min(opts.everyMs * opts.jitter, 15 * 60_000)),
    env: Object.fromEntries(keep.map((k) => [k, env(k)!])),
    home: os === "windows" ? opts.dataDir : home,
    logDir: os === "darwin" ? join(home, "Library", "Logs", brand.id) : opts.dataDir,
    startAt: opts.startAt,
    endAt: opts.endAt,
    uid: Deno.uid?.() ?? undefined,
  };
}

/** What install did. */
export interface Installed {
  session: SessionRow;
  plan: SchedulePlan;
}

/**
 * Installs a scheduled watch: a session, the OS schedule's files, their registration.
 *
 * @throws {RefusedError} when a watch is already running or installed, or the OS refuses
 */
export async function installWatch(
  opts: WatchOptions & { env: (n: string) => string | undefined; run: CommandRunner; os?: string },
): Promise<Installed> {
  const now = opts.now?.() ?? Date.now();
  const store = openHistory(opts.dataDir);
  try {
    const active = activeSession(store);
    if (active && (isAlive(active, now) || parseSettings(active.id, active.settings).installed)) {
      throw new RefusedError({
        ja:
          "すでに監視が動いているか、スケジュールされています。kiriwake watch status をご覧ください",
        en: "A watch is already running or scheduled; see kiriwake watch status",
      });
    }
    const session = createSession(store, { ...opts, installed: true }, now);
    const settings = parseSettings(session.id, session.settings);
    const plan = schedulePlan(
      opts.os ?? Deno.build.os,
      scheduleSpecFor(opts.brand, opts.env, {
        dataDir: opts.dataDir,
        everyMs: session.everyMs,
        jitter: settings.jitter,
        startAt: now,
        endAt: session.untilAt,
      }, opts.os),
    );
    try {
      for (const f of plan.files) {
        await Deno.mkdir(dirname(f.path), { recursive: true });
        await Deno.writeFile(
          f.path,
          typeof f.content === "string" ? new TextEncoder().encode(f.content) : f.content,
        );
      }
      for (const argv of plan.install) {
        const r = await opts.run(argv);
        if (r.code !== 0) {
          throw new RefusedError({
            ja: `OS のスケジュールに登録できませんでした (${argv.join(" ")}: ${r.stderr})`,
            en: `The OS did not take the schedule (${argv.join(" ")}: ${r.stderr})`,
          });
        }
      }
    } catch (e) {
      for (const f of plan.files) await Deno.remove(f.path).catch(() => {});
      store.updateSession(session.id, { endedAt: now, endReason: "stopped" });
      throw e;
    }
    store.updateSession(session.id, { nextAt: now + 60_000, heartbeatAt: now });
    return { session: store.session(session.id)!, plan };
  } finally {
    store.close();
  }
}

/**
 * Removes the OS schedule and ends the installed watch (writing its report). Commands that
 * fail are reported, not thrown: the schedule may already be gone.
 */
export async function uninstallWatch(
  opts:
    & Pick<WatchOptions, "brand" | "lang" | "grant" | "config" | "dataDir" | "now">
    & { env: (n: string) => string | undefined; run: CommandRunner; os?: string },
): Promise<{ failed: string[]; reportPath: string | null; removed: string[] }> {
  const now = opts.now?.() ?? Date.now();
  const plan = schedulePlan(
    opts.os ?? Deno.build.os,
    scheduleSpecFor(opts.brand, opts.env, {
      dataDir: opts.dataDir,
      everyMs: 600_000,
      jitter: 0,
      startAt: now,
      endAt: null,
    }, opts.os),
  );
  const failed: string[] = [];
  for (const argv of plan.uninstall) {
    const r = await opts.run(argv);
    if (r.code !== 0) failed.push(`${argv.join(" ")}: ${r.stderr}`);
  }
  const removed: string[] = [];
  for (const f of plan.files) {
    try {
      await Deno.remove(f.path);
      removed.push(f.path);
    } catch { /* not there */ }
  }
  const store = openHistory(opts.dataDir);
  try {
    const s = activeSession(store);
    if (!s || !parseSettings(s.id, s.settings).installed) {
      return { failed, reportPath: null, removed };
    }
    store.updateSession(s.id, { endedAt: now, endReason: "stopped", nextAt: null });
    const { paths } = await writeWatchReport({
      store,
      session: store.session(s.id)!,
      settings: parseSettings(s.id, s.settings),
      brand: opts.brand,
      lang: opts.lang,
      grant: opts.grant,
      config: opts.config,
      end: { at: now, reason: "stopped" },
    });
    return { failed, reportPath: paths.json, removed };
  } finally {
    store.close();
  }
}
