/**
 * Runs the kit as a customer would, as a child process of `deno run main.ts`, with its
 * own config directory so tests never touch the real one.
 *
 * @module
 */
import { fileURLToPath } from "node:url";

/** The repository's `main.ts`. */
export const MAIN = fileURLToPath(new URL("../../main.ts", import.meta.url));

/** The provider's entry (the kit's commands plus `collector`). */
export const COLLECTOR_MAIN = fileURLToPath(new URL("../../collector_main.ts", import.meta.url));

/** Flags the kit runs with in tests: the same as `deno task start`. */
export const RUN_FLAGS = [
  "run",
  "--allow-net",
  "--allow-read",
  "--allow-write",
  "--allow-run",
  "--allow-env",
  "--allow-sys",
  "--unstable-worker-options",
  "--unstable-net",
];

/** What a finished kit run printed. */
export interface KitOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of a kit run. */
export interface KitOptions {
  /** Extra environment; `KIRIWAKE_CONFIG_DIR` should be a temp dir. */
  env?: Record<string, string>;
  stdin?: string;
  /** Wrap the command, e.g. `["ip", "netns", "exec", "ns1"]`. */
  prefix?: string[];
  /** The entry to run: `main.ts` (default) or `COLLECTOR_MAIN`. */
  entry?: string;
}

/** Builds the command that runs the kit with `args`. */
export function kitCommand(args: string[], opts: KitOptions = {}): Deno.Command {
  const entry = opts.entry ?? MAIN;
  const argv = [...(opts.prefix ?? []), Deno.execPath(), ...RUN_FLAGS, entry, ...args];
  return new Deno.Command(argv[0], {
    args: argv.slice(1),
    env: { NO_COLOR: "1", LANG: "C.UTF-8", ...opts.env },
    stdin: opts.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  });
}

/** Runs the kit to the end. */
export async function runKit(args: string[], opts: KitOptions = {}): Promise<KitOutput> {
  const child = kitCommand(args, opts).spawn();
  if (opts.stdin !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(opts.stdin));
    await w.close();
  }
  const out = await child.output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}
