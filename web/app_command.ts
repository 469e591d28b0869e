/**
 * `kiriwake app` (and what no arguments does on a desktop): the whole run in the browser —
 * terms, consent, start, live progress, verdict, save — served on 127.0.0.1.
 *
 * @module
 */
import { join } from "node:path";
import { mkdir } from "node:fs/promises";
import { EXIT, InvalidInputError } from "../util/errors.ts";
import { prepareRun } from "../session/prepare.ts";
import { ReportLibrary } from "./library.ts";
import { serveUntilDone } from "./serve_until_done.ts";
import { parseCommandArgs } from "../util/args.ts";
import type { Command } from "../session/command.ts";
import { dataFolderOrNull } from "../session/send/data_folder.ts";

/** How often the open app retries reports waiting for the line, ms. */
export const APP_RETRY_MS = 20_000;

/**
 * Serves app mode until Quit or Ctrl-C. Exit 0. The terms, consent, licence and OS policy are
 * decided in the browser by the same gate as `kiriwake run`.
 */
export const appCommand: Command = async (args, io, ctx) => {
  const { values } = parseCommandArgs("app", args, {
    config: { type: "string" },
    out: { type: "string" },
    "no-open": { type: "boolean" },
    manifest: { type: "string" },
  });
  const { brand, lang } = ctx;
  // Everything that can be wrong fails here, in the terminal, before a page is served.
  const { config, probes, sourceOf, notes } = await prepareRun({
    brand,
    configDir: ctx.configDir,
    configFile: values.config,
    manifest: values.manifest,
  });
  io.err(notes(lang));
  const outDir = values.out ??
    join(io.env("HOME") ?? io.env("USERPROFILE") ?? ".", "kiriwake-reports");
  try {
    await mkdir(outDir, { recursive: true });
  } catch (e) {
    throw new InvalidInputError({
      ja: `--out "${outDir}" を作れません: ${(e as Error).message}`,
      en: `Cannot create --out "${outDir}": ${(e as Error).message}`,
    });
  }
  // Without a data folder there is no queue: the pages then offer no sending.
  const dataDir = dataFolderOrNull(brand.id, io.env);
  await serveUntilDone({
    io,
    noOpen: values["no-open"] ?? false,
    app: {
      brand,
      lang,
      library: new ReportLibrary([outDir]),
      now: ctx.now,
      app: { configDir: ctx.configDir, outDir, config, probes, sourceOf },
      send: dataDir ? { dataDir, configDir: ctx.configDir, autoRetryMs: APP_RETRY_MS } : undefined,
    },
  });
  return EXIT.ok;
};

/**
 * The command for no arguments: `app` on a desktop; `run` (the terminal flow) where no
 * browser can be shown (Linux without `DISPLAY` or `WAYLAND_DISPLAY`, e.g. over SSH).
 */
export function defaultCommand(os: string, env: (n: string) => string | undefined): "app" | "run" {
  if (os !== "linux") return "app";
  return env("DISPLAY") || env("WAYLAND_DISPLAY") ? "app" : "run";
}
