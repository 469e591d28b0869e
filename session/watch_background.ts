/**
 * A watch that outlives the page that started it: the browser's "watch this evening" starts
 * `kiriwake watch --until 07:00` as a detached process of this same kit, with the consent
 * already recorded, so closing the browser (or quitting the app) does not end it. Its output
 * goes to a log beside the history.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Lang } from "../util/text.ts";

/** What a background watch is started with. */
export interface BackgroundWatch {
  /** The run config's file, or null for the brand's default. */
  configFile: string | null;
  lang: Lang;
  /** `--until`: a local time (`07:00`) or an ISO time. */
  until: string;
  /** The data directory (the log goes there). */
  dataDir: string;
  /** Environment the watch needs (its config and data folders when overridden). */
  env: Record<string, string>;
}

/** The command line of a background watch: this binary, or `deno run … main.ts`. */
export function backgroundArgv(w: BackgroundWatch): string[] {
  const kit = Deno.build.standalone ? [Deno.execPath()] : [
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
    join(dirname(fileURLToPath(Deno.mainModule)), "deno.json"),
    fileURLToPath(Deno.mainModule),
  ];
  return [
    ...kit,
    "watch",
    "--until",
    w.until,
    "--quiet",
    "--lang",
    w.lang,
    ...(w.configFile ? ["--config", w.configFile] : []),
  ];
}

/**
 * Starts the watch detached and returns its process id. Requires `--allow-run` of this kit.
 *
 * @throws {Error} when the process cannot be started
 */
export async function startBackgroundWatch(w: BackgroundWatch): Promise<number> {
  const [cmd, ...args] = backgroundArgv(w);
  await Deno.mkdir(w.dataDir, { recursive: true });
  const log = await Deno.open(join(w.dataDir, "watch-background.log"), {
    create: true,
    append: true,
  });
  try {
    const child = new Deno.Command(cmd, {
      args,
      env: w.env,
      detached: true,
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn();
    child.unref();
    await log.write(
      new TextEncoder().encode(
        `${new Date().toISOString()} started pid ${child.pid}: ${args.join(" ")}\n`,
      ),
    );
    return child.pid;
  } finally {
    log.close();
  }
}
