/**
 * `kiriwake collector`: the provider's receiving end.
 *
 * ```
 * kiriwake collector [serve] [--db URL] [--listen HOST:PORT] [--data DIR] [--status FILE]
 *                    [--retention-days N] [--max-upload BYTES] [--receipts alnum|digits]
 *                    [--time-zone ZONE] [--rate-source N] [--rate-licence N] [--trust-proxy]
 *                    [--no-console]
 * kiriwake collector migrate [--db URL] [--data DIR]
 * kiriwake collector retention run [--db URL] [--data DIR] [--retention-days N]
 * kiriwake collector status keygen --out KEYFILE
 * kiriwake collector status sign --key KEYFILE [--payload FILE] [--out FILE] [--data DIR]
 * kiriwake collector status show [--status FILE] [--data DIR]
 * kiriwake collector user add|disable|enable|reset|list …   (cli/collector_user.ts, composed
 *                                                           by the entry)
 * ```
 *
 * Without `--db` the collector keeps its reports in an embedded PGlite in the data
 * directory (default: the per-user data folder); `--db postgres://…` (or the environment
 * variable `KIRIWAKE_COLLECTOR_DB`, which keeps a password off the command line) uses a real
 * PostgreSQL that any number of instances share. The listen address defaults to loopback.
 *
 * The whole collector is reachable only from this file, registered in `collector_main.ts`
 * (the provider's entry); the customer's `main.ts` leaves it out.
 *
 * @module
 */
import { join } from "node:path";
import { Collector, type CollectorParts } from "../../collector/collector.ts";
import { SupportConsole } from "../../collector/console.ts";
import { isTransient } from "../../collector/db.ts";
import { openDatabase } from "../../collector/open_db.ts";
import { migrate } from "../../collector/migrate.ts";
import { runRetention } from "../../collector/retention.ts";
import type { Command, CommandContext, Io } from "../../session/command.ts";
import { parseCommandArgs } from "../../util/args.ts";
import { userDataDir } from "../../util/data_dir.ts";
import { EXIT, RefusedError, UsageError } from "../../util/errors.ts";
import { settingsFromFlags } from "./command_flags.ts";
import { statusCommand } from "./command_status.ts";
import { serveCollector } from "./serve.ts";

/** The default listen address: loopback only. */
export const DEFAULT_LISTEN = "127.0.0.1:8470";

const OPTIONS = {
  db: { type: "string" },
  listen: { type: "string" },
  data: { type: "string" },
  status: { type: "string" },
  "retention-days": { type: "string" },
  "max-upload": { type: "string" },
  receipts: { type: "string" },
  "time-zone": { type: "string" },
  "rate-source": { type: "string" },
  "rate-licence": { type: "string" },
  "trust-proxy": { type: "boolean" },
  "no-console": { type: "boolean" },
  key: { type: "string" },
  payload: { type: "string" },
  out: { type: "string" },
} as const;

/** The flags of every subcommand. */
export type CollectorFlags = ReturnType<typeof parseFlags>["values"];

function parseFlags(args: string[]) {
  return parseCommandArgs("collector", args, OPTIONS, 2);
}

/** The `collector` command. */
export const collectorCommand: Command = async (args, io, ctx) => {
  const { values, positionals } = parseFlags(args);
  const [sub = "serve", action] = positionals;
  const dataDir = values.data ??
    join(userDataDir(ctx.brand.id, Deno.build.os, io.env), "collector");
  const db = values.db ?? io.env("KIRIWAKE_COLLECTOR_DB");
  const statusPath = values.status ?? join(dataDir, "status.json");
  switch (sub) {
    case "serve":
      noAction(sub, action);
      return await serve(io, ctx, values, { db, dataDir, statusPath });
    case "migrate": {
      noAction(sub, action);
      const database = await openDatabase(db, dataDir);
      try {
        const r = await migrate(database);
        io.out(`${JSON.stringify({ database: database.where, ...r })}\n`);
      } finally {
        await database.close();
      }
      return EXIT.ok;
    }
    case "retention": {
      if (action !== "run") throw usage("collector retention run");
      const settings = settingsFromFlags(values);
      const collector = await openCollector({ db, dataDir }, {
        brand: ctx.brand,
        settings,
        now: ctx.now,
      });
      try {
        const r = await runRetention(
          collector.db,
          collector.store,
          ctx.now(),
          collector.settings.retentionDays,
        );
        io.out(`${JSON.stringify(r)}\n`);
      } finally {
        await collector.close();
      }
      return EXIT.ok;
    }
    case "status":
      return await statusCommand(io, ctx, action, values, { dataDir, statusPath });
    default:
      throw usage("collector [serve|migrate|retention run|status keygen|sign|show|user …]");
  }
};

async function serve(
  io: Io,
  ctx: CommandContext,
  values: CollectorFlags,
  where: { db: string | undefined; dataDir: string; statusPath: string },
): Promise<number> {
  const listen = parseListen(values.listen ?? DEFAULT_LISTEN);
  const settings = settingsFromFlags(values);
  const log = (line: string) => io.err(`${new Date().toISOString()} ${line}\n`);
  const collector = await openCollector(
    where,
    { brand: ctx.brand, settings, statusPath: where.statusPath, log },
  );
  collector.startTimers();
  // The support desk console (issue 16) shares the database; --no-console leaves it out of an
  // instance that faces the internet for uploads only.
  const console = values["no-console"] ? undefined : new SupportConsole({
    db: collector.db,
    brand: ctx.brand,
    timeZone: collector.settings.timeZone,
    trustProxy: collector.settings.trustProxy,
    retentionDays: collector.settings.retentionDays,
  });
  const served = serveCollector(collector, listen, log, console);
  // The first line on stdout is the address: scripts and tests read it.
  io.out(`${served.url}\n`);
  io.err(
    ctx.lang === "ja"
      ? `コレクターを ${served.url} で起動しました (${collector.db.where})。Ctrl+C で停止します\n`
      : `Collector listening on ${served.url} (${collector.db.where}); Ctrl+C stops it\n`,
  );
  const stop = () => void served.shutdown();
  const signals: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
  for (const s of signals) Deno.addSignalListener(s, stop);
  await served.finished;
  for (const s of signals) Deno.removeSignalListener(s, stop);
  await served.shutdown();
  return EXIT.ok;
}

/**
 * Opens the database and the collector on it.
 *
 * @throws {RefusedError} naming the database when it cannot be reached or migrated now
 */
async function openCollector(
  where: { db: string | undefined; dataDir: string },
  parts: Omit<CollectorParts, "db">,
): Promise<Collector> {
  const db = await openDatabase(where.db, where.dataDir);
  try {
    return await Collector.open({ ...parts, db });
  } catch (e) {
    await db.close().catch(() => {});
    if (!isTransient(e)) throw e;
    const why = (e as Error).message;
    throw new RefusedError({
      ja: `データベース (${db.where}) に接続できません: ${why}`,
      en: `Cannot reach the database (${db.where}): ${why}`,
    });
  }
}

/**
 * Parses `HOST:PORT` (`[v6]:PORT` for IPv6).
 *
 * @throws {UsageError} for anything else
 */
export function parseListen(text: string): { hostname: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) {
    throw new UsageError({
      ja: `--listen は ホスト:ポート で指定してください: "${text}"`,
      en: `--listen must be HOST:PORT: "${text}"`,
    });
  }
  return { hostname: m[1] ?? m[2], port };
}

function noAction(sub: string, action: string | undefined): void {
  if (action !== undefined) throw usage(`collector ${sub}`, action);
}

function usage(form: string, extra?: string): UsageError {
  return new UsageError({
    ja: extra ? `${form}: 余分な引数があります: ${extra}` : `使い方: kiriwake ${form}`,
    en: extra ? `${form}: unexpected argument: ${extra}` : `Usage: kiriwake ${form}`,
  });
}
