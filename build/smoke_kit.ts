/**
 * How the smoke script drives the kit: as a black box, by command line, whether the kit is a
 * compiled binary or `deno run … main.ts`. Each run gets the smoke's own config directory.
 *
 * @module
 */

/** What one run of the kit printed. */
export interface KitRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The kit's command (`[binary]` or `[deno, run, …, main.ts]`) and its environment. */
export class Kit {
  constructor(readonly argv: readonly string[], readonly env: Record<string, string>) {}

  /** Runs the kit with `args` to its end, with `stdin` bytes when given. */
  async run(
    args: string[],
    stdin?: Uint8Array,
    extraEnv: Record<string, string> = {},
  ): Promise<KitRun> {
    const child = this.command(args, stdin === undefined ? "null" : "piped", extraEnv).spawn();
    if (stdin !== undefined) {
      const w = child.stdin.getWriter();
      await w.write(stdin);
      await w.close();
    }
    const out = await child.output();
    const dec = new TextDecoder();
    return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
  }

  /**
   * Starts a long-running command (`speedtest-server`, `view`) and waits for the first line
   * it prints on stdout (its URL). Stop it with `kill()`.
   */
  async serve(args: string[]): Promise<{ url: string; stop(): Promise<void> }> {
    const child = this.command(args, "null").spawn();
    const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
    const err = new Response(child.stderr).text();
    let text = "";
    while (!text.includes("\n")) {
      const r = await reader.read();
      if (r.done) {
        throw new Error(`${args[0]} ended before printing its URL: ${await err}`);
      }
      text += r.value;
    }
    reader.releaseLock();
    child.stdout.cancel().catch(() => {});
    return {
      url: text.trim().split("\n")[0],
      async stop() {
        try {
          child.kill(Deno.build.os === "windows" ? "SIGKILL" : "SIGTERM");
        } catch {
          // It ended by itself.
        }
        await child.status;
        await err;
      },
    };
  }

  private command(
    args: string[],
    stdin: "piped" | "null",
    extraEnv: Record<string, string> = {},
  ): Deno.Command {
    return new Deno.Command(this.argv[0], {
      args: [...this.argv.slice(1), ...args],
      env: { NO_COLOR: "1", ...this.env, ...extraEnv },
      stdin,
      stdout: "piped",
      stderr: "piped",
    });
  }
}

/** Runs `fn` over `items` with at most `limit` at once, in order of the results. */
export async function pool<T, R>(
  items: T[],
  limit: number,
  fn: (t: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
