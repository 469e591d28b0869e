/**
 * The kiriwake CLI: parses the command, dispatches it, maps errors to exit codes.
 * The only place that exits. The customer's binary is compiled from this file; the
 * provider's collector build starts from `collector_main.ts`, which adds its commands and
 * calls {@link start} here.
 *
 * @module
 */
import { BRAND } from "./brand/brand.ts";
import { chooseLang, peekLang } from "./util/args.ts";
import { appCommand, defaultCommand } from "./web/app_command.ts";
import { helpText } from "./cli/help.ts";
import { licenseCommand } from "./cli/license.ts";
import { parseCommand } from "./cli/parse.ts";
import { type Command, type CommandContext, denoIo, type Io } from "./session/command.ts";
import { pluginHostCommand } from "./cli/plugin_host.ts";
import { pluginsCommand } from "./cli/plugins.ts";
import { probesCommand } from "./cli/probes.ts";
import { reportCommand } from "./cli/report.ts";
import { runCommand } from "./cli/run.ts";
import { sendCommand } from "./cli/send.ts";
import { speedtestCommand } from "./cli/speedtest.ts";
import { speedtestServerCommand } from "./cli/speedtest_server.ts";
import { termsCommand } from "./cli/terms.ts";
import { viewCommand } from "./web/view_command.ts";
import { userConfigDir } from "./util/config_dir.ts";
import { EXIT, InvalidInputError, KiriwakeError, RefusedError, UsageError } from "./util/errors.ts";
import { versionInfo, versionLine } from "./cli/version.ts";
import type { Lang } from "./util/text.ts";

/** Every command, by name. */
export const COMMANDS: Record<string, Command> = {
  run: runCommand,
  terms: termsCommand,
  probes: probesCommand,
  report: reportCommand,
  app: appCommand,
  view: viewCommand,
  license: licenseCommand,
  send: sendCommand,
  parse: parseCommand,
  plugins: pluginsCommand,
  // Hidden: the kit re-spawns itself with it to sandbox a module plugin (plugins/host.ts).
  "__plugin-host": pluginHostCommand,
  speedtest: speedtestCommand,
  "speedtest-server": speedtestServerCommand,
};

/**
 * Runs the CLI with `args` and returns the exit code. Never throws.
 *
 * @param commands the commands this entry offers (the collector build adds its own)
 */
export async function main(
  args: string[],
  io: Io,
  ctxOverride: Partial<CommandContext> = {},
  commands: Record<string, Command> = COMMANDS,
): Promise<number> {
  let lang: Lang = "en";
  try {
    lang = chooseLang(peekLang(args), io.env);
    const brand = ctxOverride.brand ?? BRAND;
    if (args.includes("--version")) {
      const v = versionInfo(brand);
      io.out(args.includes("--json") ? `${JSON.stringify(v, null, 2)}\n` : `${versionLine(v)}\n`);
      return EXIT.ok;
    }
    const [first, ...rest] = args;
    const named = first !== undefined && !first.startsWith("-");
    // No arguments at all (a double-click): the browser flow; flags alone: the terminal run.
    const name = named ? first : args.length === 0 ? defaultCommand(Deno.build.os, io.env) : "run";
    const command = commands[name];
    if (!command) {
      const known = Object.keys(commands).filter((c) => !c.startsWith("__")).join(", ");
      throw new UsageError({
        ja: `不明なコマンド "${name}"（${known}）。kiriwake --help をご覧ください`,
        en: `Unknown command "${name}" (${known}); see kiriwake --help`,
      });
    }
    if (args.includes("--help") || args.includes("-h")) {
      io.out(helpText(lang, brand.product));
      return EXIT.ok;
    }
    const ctx: CommandContext = {
      lang,
      brand,
      configDir: ctxOverride.configDir ?? userConfigDir(brand.id, Deno.build.os, io.env),
      now: ctxOverride.now ?? (() => new Date()),
    };
    return await command(named ? rest : args, io, ctx);
  } catch (e) {
    return reportError(e, io, lang);
  }
}

function reportError(e: unknown, io: Io, lang: Lang): number {
  if (e instanceof KiriwakeError) {
    io.err(`${lang === "ja" ? "エラー" : "Error"}: ${e.text[lang]}\n`);
    if (e instanceof UsageError) return EXIT.usage;
    if (e instanceof RefusedError) return EXIT.refused;
    if (e instanceof InvalidInputError) return EXIT.invalidInput;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.err(
    `${lang === "ja" ? "内部エラー" : "Internal error"}: ${err.message}\n${err.stack ?? ""}\n`,
  );
  return EXIT.internal;
}

/** Runs the process's own arguments with `commands` and exits with the code. */
export async function start(commands: Record<string, Command> = COMMANDS): Promise<never> {
  Deno.exit(await main(Deno.args, denoIo(), {}, commands));
}

if (import.meta.main) await start();
