/**
 * A throwaway PostgreSQL for tests and the bench: Debian's `postgresql` binaries, a fresh
 * cluster (initdb) in a temporary directory, started on a random loopback port, as a
 * non-root user (PostgreSQL refuses to run as root: under root the cluster belongs to the
 * `postgres` user, or `nobody`), removed afterwards.
 *
 * Tests that need it **fail when `CI=true`** and PostgreSQL is missing (`.ci/run` installs
 * the `postgresql` package), and **skip locally**, printing why. Set `KIRIWAKE_PG_BIN` to a
 * directory holding `initdb` and `pg_ctl` to use other binaries.
 *
 * @example
 * ```ts
 * Deno.test("my store test", postgresTestOptions(), async () => {
 *   await withPostgres(async (pg) => {
 *     const url = await pg.createDatabase();
 *     // … connect to url …
 *   });
 * });
 * ```
 *
 * @module
 */
import { join } from "node:path";

/** A running throwaway cluster. */
export interface TestPostgres {
  port: number;
  /** The superuser (trust authentication on loopback). */
  user: string;
  /** `postgres://user@127.0.0.1:port/db` */
  url(db?: string): string;
  /** A new empty database; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Runs SQL as the superuser through psql (setup only). */
  psql(sql: string, db?: string): Promise<string>;
  /** Stops the server (`immediate`: like a crash, or a pulled cable). */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops it and removes the cluster. */
  close(): Promise<void>;
  /** The postmaster's process id (its children are the backends), or null when stopped. */
  pid(): number | null;
}

/** The directory of initdb/pg_ctl/postgres, or null when none is installed. */
export function postgresBinDir(): string | null {
  const env = Deno.env.get("KIRIWAKE_PG_BIN");
  if (env) return exists(join(env, "initdb")) ? env : null;
  try {
    const versions = [...Deno.readDirSync("/usr/lib/postgresql")].map((e) => e.name)
      .filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const dir = `/usr/lib/postgresql/${v}/bin`;
      if (exists(join(dir, "initdb")) && exists(join(dir, "pg_ctl"))) return dir;
    }
  } catch { /* not Debian, or not installed */ }
  return null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresMissing(): string | null {
  if (Deno.build.os !== "linux") return "the PostgreSQL tests run on Linux";
  if (!postgresBinDir()) {
    return "PostgreSQL is not installed (apt-get install postgresql; or set KIRIWAKE_PG_BIN)";
  }
  if (!exists("/usr/bin/psql")) return "psql is not installed (apt-get install postgresql-client)";
  return null;
}

/**
 * Options for `Deno.test` of a PostgreSQL test: `ignore` when PostgreSQL is missing locally
 * (printing why); never ignored when `CI=true`, so the test runs and fails loudly there.
 */
export function postgresTestOptions(): {
  ignore: boolean;
  sanitizeResources: false;
  sanitizeOps: false;
} {
  const why = postgresMissing();
  const ignore = why !== null && Deno.env.get("CI") !== "true";
  if (ignore) console.warn(`skipping PostgreSQL tests: ${why}`);
  return { ignore, sanitizeResources: false, sanitizeOps: false };
}

/** Starts a cluster, runs `fn`, and removes the cluster whatever happens. */
export async function withPostgres<T>(fn: (pg: TestPostgres) => Promise<T>): Promise<T> {
  const pg = await startPostgres();
  try {
    return await fn(pg);
  } finally {
    await pg.close();
  }
}

/**
 * Makes and starts a cluster.
 *
 * @throws {Error} naming what is missing (on CI the test fails with it)
 */
export async function startPostgres(): Promise<TestPostgres> {
  const why = postgresMissing();
  if (why) throw new Error(`PostgreSQL tests need PostgreSQL: ${why}`);
  const bin = postgresBinDir()!;
  const dir = await Deno.makeTempDir({ prefix: "kiriwake-pg-" });
  const owner = Deno.uid() === 0 ? clusterUser() : null;
  if (owner) await run("chown", [owner, dir]);
  const as = (cmd: string, args: string[]) =>
    owner
      ? run("runuser", ["-u", owner, "--", join(bin, cmd), ...args])
      : run(join(bin, cmd), args);
  const user = "kiriwake_test";
  const data = join(dir, "data");
  await as("initdb", [
    "-D",
    data,
    "-U",
    user,
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
    "--no-sync",
  ]);
  let port = 0;
  const start = async () => {
    await as("pg_ctl", [
      "-D",
      data,
      "-l",
      join(dir, "server.log"),
      "-w",
      "-t",
      "30",
      "-o",
      [
        `-p ${port}`,
        `-k ${dir}`,
        "-c listen_addresses=127.0.0.1",
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=200",
        "-c shared_buffers=128MB",
      ].join(" "),
      "start",
    ]);
  };
  for (let attempt = 1;; attempt++) {
    port = freePort();
    try {
      await start();
      break;
    } catch (e) {
      if (attempt >= 3) {
        await Deno.remove(dir, { recursive: true }).catch(() => {});
        throw e;
      }
    }
  }
  let running = true;
  let dbs = 0;
  const url = (db = "postgres") => `postgres://${user}@127.0.0.1:${port}/${db}`;
  const psql = (sql: string, db = "postgres") =>
    run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-d", url(db), "-c", sql]);
  return {
    port,
    user,
    url,
    psql,
    async createDatabase(name?: string) {
      const db = name ?? `t${Date.now().toString(36)}_${++dbs}`;
      await psql(`CREATE DATABASE ${db}`);
      return url(db);
    },
    async stop(mode = "fast") {
      if (!running) return;
      await as("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
      running = false;
    },
    async start() {
      if (running) return;
      await start();
      running = true;
    },
    pid() {
      try {
        return Number(Deno.readTextFileSync(join(data, "postmaster.pid")).split("\n")[0]) || null;
      } catch {
        return null;
      }
    },
    async close() {
      if (running) {
        await as("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      }
      running = false;
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

/** Who owns the cluster when tests run as root. */
function clusterUser(): string {
  for (const name of ["postgres", "nobody"]) {
    try {
      const out = new Deno.Command("id", { args: ["-u", name], stdout: "null", stderr: "null" })
        .outputSync();
      if (out.success) return name;
    } catch { /* no id(1)? fall through */ }
  }
  throw new Error("Running as root and there is no postgres or nobody user to own the cluster");
}

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

async function run(cmd: string, args: string[]): Promise<string> {
  const out = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped" }).output();
  const dec = new TextDecoder();
  if (!out.success) {
    throw new Error(
      `${cmd} ${args.join(" ")}: ${dec.decode(out.stderr).trim() || dec.decode(out.stdout).trim()}`,
    );
  }
  return dec.decode(out.stdout);
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}
