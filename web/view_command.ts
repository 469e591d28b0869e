/**
 * `kiriwake view FILE|DIR…`: support opens received reports in the browser. Every named file
 * is verified first (schema and digest) so a damaged or altered report is refused here, with
 * the documented exit code; directories list the reports inside them.
 *
 * @module
 */
import { stat } from "node:fs/promises";
import { EXIT, InvalidInputError, UsageError } from "../util/errors.ts";
import { ReportLibrary } from "./library.ts";
import { serveUntilDone } from "./serve_until_done.ts";
import { readVerifiedReport } from "../report/verify.ts";
import { parseCommandArgs } from "../util/args.ts";
import type { Command } from "../session/command.ts";
import { dataFolderOrNull } from "../session/send/data_folder.ts";

/** Serves the named reports until Quit or Ctrl-C. Exit 0; 4 for an invalid report. */
export const viewCommand: Command = async (args, io, ctx) => {
  const { values, positionals } = parseCommandArgs("view", args, {
    "no-open": { type: "boolean" },
  }, 64);
  if (positionals.length === 0) {
    throw new UsageError({
      ja: "view: 使い方は kiriwake view report.json [ほかのファイルやフォルダー…] です",
      en: "view: usage is kiriwake view report.json [more files or folders…]",
    });
  }
  const files: string[] = [];
  const dirs: string[] = [];
  for (const p of positionals) {
    const s = await stat(p).catch((e) => {
      throw new InvalidInputError({
        ja: `"${p}" を開けません: ${(e as Error).message}`,
        en: `Cannot open "${p}": ${(e as Error).message}`,
      });
    });
    if (s.isDirectory()) dirs.push(p);
    else {
      await readVerifiedReport(p);
      files.push(p);
    }
  }
  const dataDir = dataFolderOrNull(ctx.brand.id, io.env);
  await serveUntilDone({
    io,
    noOpen: values["no-open"] ?? false,
    app: {
      brand: ctx.brand,
      lang: ctx.lang,
      library: new ReportLibrary(dirs, files),
      now: ctx.now,
      send: dataDir ? { dataDir, configDir: ctx.configDir } : undefined,
    },
  });
  return EXIT.ok;
};
