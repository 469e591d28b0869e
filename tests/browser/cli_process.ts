/**
 * Starts `main.ts` as the customer would (a separate process), and reads the printed URL.
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../../main.ts", import.meta.url));

/** A running `kiriwake app|view`. */
export interface CliServer {
  url: string;
  origin: string;
  child: Deno.ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Sends SIGINT and waits for the exit code. */
  stop(): Promise<number>;
}

/**
 * Runs `deno run -A main.ts ...args` with `env` and waits for the URL line. `entry` replaces
 * `main.ts` (e.g. `tests/support/branded_main.ts` for a provider's brand).
 */
export async function startCli(
  args: string[],
  env: Record<string, string>,
  entry = MAIN,
): Promise<CliServer> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--unstable-worker-options", "--unstable-net", entry, ...args],
    env: { ...env, NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let err = "";
  (async () => {
    for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) err += chunk;
  })().catch(() => {});
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let out = "";
  const deadline = AbortSignal.timeout(60_000);
  while (!out.includes("\n")) {
    if (deadline.aborted) throw new Error(`No URL printed; stderr: ${err}`);
    const r = await reader.read();
    if (r.done) throw new Error(`Exited without a URL; stderr: ${err}`);
    out += r.value;
  }
  reader.releaseLock();
  child.stdout.cancel().catch(() => {});
  const url = out.split("\n")[0].trim();
  return {
    url,
    origin: new URL(url).origin,
    child,
    stderr: () => err,
    async stop() {
      try {
        child.kill("SIGINT");
      } catch { /* already gone */ }
      return (await child.status).code;
    },
  };
}

/** A `kiriwake app` started in its own temporary home, config dir and report folder. */
export interface AppUnderTest {
  cli: CliServer;
  /** The temporary folder holding everything below; remove it when done. */
  tmp: string;
  /** Where the app saves reports (`--out`). */
  out: string;
}

/** Writes `config` to a fresh temporary folder and starts `kiriwake app` on it, in Japanese. */
export async function startApp(config: unknown, prefix: string): Promise<AppUnderTest> {
  const tmp = await Deno.makeTempDir({ prefix });
  const cfg = join(tmp, "config.json");
  await Deno.writeTextFile(cfg, JSON.stringify(config));
  const out = join(tmp, "reports");
  const cli = await startCli(
    ["app", "--no-open", "--config", cfg, "--out", out, "--lang", "ja"],
    {
      KIRIWAKE_CONFIG_DIR: join(tmp, "conf"),
      HOME: tmp,
      PATH: Deno.env.get("PATH") ?? "",
    },
  );
  return { cli, tmp, out };
}
