/**
 * `kiriwake watch install | uninstall | tick | report`: a watch driven by the OS's per-user
 * schedule (a systemd user timer, a launchd agent, a Task Scheduler task) instead of a process
 * that stays up. `install` takes the same flags as `watch` and records consent then, because the
 * ticks run with no one to ask; `tick` is what the schedule runs; `report` rewrites the latest
 * watch's report from the history (after a crash, or to see an interim one now).
 *
 * @module
 */
import { join } from "node:path";
import { openGate } from "../consent/gate.ts";
import { rememberReport } from "../consent/report_list.ts";
import type { CommandContext, Io } from "../session/command.ts";
import { loadRunConfig } from "../session/prepare.ts";
import {
  type CommandRunner,
  installWatch,
  runCommand,
  uninstallWatch,
} from "../session/watch_install.ts";
import { activeSession, openHistory } from "../session/watch.ts";
import { watchTick } from "../session/watch_tick.ts";
import { parseSettings } from "../session/watch_settings.ts";
import { writeWatchReport } from "../session/watch_report.ts";
import { EXIT, RefusedError, UsageError } from "../util/errors.ts";
import { watchBase, type WatchFlags } from "./watch_base.ts";

/** The OS commands' runner; tests replace it. */
export const scheduleDeps: { run: CommandRunner; os: string } = {
  run: runCommand,
  os: Deno.build.os,
};

/** The subcommands of this file, by name. */
export const SCHEDULE = {
  install: installCommand,
  uninstall: uninstallCommand,
  tick: tickCommand,
  report: reportCommand,
};

async function installCommand(
  args: string[],
  io: Io,
  ctx: CommandContext,
  dataDir: string,
  values: WatchFlags,
): Promise<number> {
  noArgs("install", args);
  const base = await watchBase(io, ctx, values, dataDir);
  const done = await installWatch({
    ...base,
    installed: true,
    env: io.env,
    run: scheduleDeps.run,
    os: scheduleDeps.os,
    now: () => ctx.now().getTime(),
  });
  const files = done.plan.files.map((f) => `  ${f.path}\n`).join("");
  io.err(
    ctx.lang === "ja"
      ? `OS のスケジュールに登録しました (${
        Math.round(done.session.everyMs / 60_000)
      } 分ごと)。作成したファイル:\n${files}状態: kiriwake watch status、解除: kiriwake watch uninstall\n`
      : `Scheduled with the OS (every ${
        Math.round(done.session.everyMs / 60_000)
      } min). Files written:\n${files}Status: kiriwake watch status; remove: kiriwake watch uninstall\n`,
  );
  return EXIT.ok;
}

async function uninstallCommand(
  args: string[],
  io: Io,
  ctx: CommandContext,
  dataDir: string,
  values: WatchFlags,
): Promise<number> {
  noArgs("uninstall", args);
  const context = await tickContext(io, ctx, dataDir, values.config);
  const r = await uninstallWatch({
    ...context,
    env: io.env,
    run: scheduleDeps.run,
    os: scheduleDeps.os,
    now: () => ctx.now().getTime(),
  });
  for (const f of r.failed) io.err(`${ctx.lang === "ja" ? "注意" : "Note"}: ${f}\n`);
  if (r.reportPath) await rememberReport(ctx.configDir, r.reportPath, ctx.now()).catch(() => {});
  io.err(
    ctx.lang === "ja"
      ? `OS のスケジュールを解除しました${r.reportPath ? `。レポート: ${r.reportPath}` : ""}\n`
      : `The OS schedule is removed${r.reportPath ? `; report: ${r.reportPath}` : ""}\n`,
  );
  return EXIT.ok;
}

async function tickCommand(
  args: string[],
  io: Io,
  ctx: CommandContext,
  dataDir: string,
): Promise<number> {
  noArgs("tick", args);
  // Nothing installed: exit quietly before reading consent (an old schedule left behind).
  const store = openHistory(dataDir);
  let configFile: string | null = null;
  try {
    const s = activeSession(store);
    if (!s || !parseSettings(s.id, s.settings).installed) return EXIT.ok;
    configFile = parseSettings(s.id, s.settings).configFile;
  } finally {
    store.close();
  }
  const context = await tickContext(io, ctx, dataDir, configFile ?? undefined);
  const out = await watchTick({ ...context, now: () => Date.now() });
  if (out.did !== "nothing") io.err(`${out.did}: ${out.paths.json}\n`);
  return EXIT.ok;
}

/** `watch report`: (re)writes the latest watch's report from the history, e.g. after a crash. */
async function reportCommand(
  args: string[],
  io: Io,
  ctx: CommandContext,
  dataDir: string,
): Promise<number> {
  noArgs("report", args);
  const store = openHistory(dataDir);
  try {
    const s = store.latestSession();
    if (!s) {
      io.err(ctx.lang === "ja" ? "監視の記録はありません\n" : "No watch has run yet\n");
      return EXIT.usage;
    }
    const settings = parseSettings(s.id, s.settings);
    const context = await tickContext(io, ctx, dataDir, settings.configFile ?? undefined);
    const end = s.endedAt === null
      ? null
      : { at: s.endedAt, reason: (s.endReason ?? "stopped") as "time" | "stopped" | "interrupted" };
    const { paths } = await writeWatchReport({ ...context, store, session: s, settings, end });
    await rememberReport(ctx.configDir, paths.json, ctx.now()).catch(() => {});
    io.err(ctx.lang === "ja" ? `レポート: ${paths.json}\n` : `Report: ${paths.json}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}

/** The config and the stored consent; a tick has no one to ask. */
async function tickContext(io: Io, ctx: CommandContext, dataDir: string, configFile?: string) {
  const gate = await openGate({
    brand: ctx.brand,
    lang: ctx.lang,
    dir: ctx.configDir,
    now: ctx.now(),
  });
  if (gate.state !== "granted") throw new RefusedError(gate.refusal);
  return {
    brand: ctx.brand,
    lang: ctx.lang,
    grant: gate.grant,
    config: await loadRunConfig(ctx.brand, configFile),
    dataDir,
    reportsDir: join(io.env("HOME") ?? io.env("USERPROFILE") ?? ".", "kiriwake-reports"),
  };
}

function noArgs(name: string, args: string[]) {
  if (args.length) {
    throw new UsageError({
      ja: `watch ${name}: 余分な引数があります: ${args.join(" ")}`,
      en: `watch ${name}: unexpected argument(s): ${args.join(" ")}`,
    });
  }
}
