/**
 * Runs the real kit as a separate process (`deno run … main.ts …`), as a customer would,
 * with its own environment. Deno's module cache stays the one of the test process even when
 * the test plants another HOME, so nothing is fetched or compiled twice.
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (where main.ts is). */
export const ROOT: string = fileURLToPath(new URL("../../", import.meta.url));

/** What the kit printed and how it ended. */
export interface KitOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Spawns `deno run PERMS main.ts ARGS`. `env` is added to (or replaces parts of) the test's
 * environment. Requires `--allow-run` and `--allow-env`.
 */
export async function spawnKit(
  perms: string[],
  args: string[],
  env: Record<string, string>,
): Promise<KitOutput> {
  const home = Deno.env.get("HOME") ?? Deno.env.get("USERPROFILE") ?? ".";
  const denoDir = Deno.env.get("DENO_DIR") ??
    (Deno.build.os === "linux"
      ? join(Deno.env.get("XDG_CACHE_HOME") ?? join(home, ".cache"), "deno")
      : "");
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...perms, "main.ts", ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1", ...(denoDir ? { DENO_DIR: denoDir } : {}), ...env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}
