/**
 * A collector as a separate process (`deno run collector_main.ts collector …`), as a provider runs
 * it: for killing it with SIGKILL mid-upload and for running several instances against one
 * PostgreSQL. It prints its address as the first line of stdout.
 *
 * @module
 */
import { COLLECTOR_MAIN, kitCommand } from "./kit.ts";

/** A running collector process. */
export interface CollectorProcess {
  /** `http://127.0.0.1:port` */
  url: string;
  pid: number;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** Sends `signal` and waits for the exit; returns the exit code. */
  kill(signal?: Deno.Signal): Promise<number>;
}

/**
 * Starts `kiriwake collector` with `args` (listening on a free loopback port unless
 * `--listen` is given) and waits until it listens.
 *
 * @throws {Error} with its stderr when it exits or stays silent for `timeoutMs`
 */
export async function startCollectorProcess(
  args: string[],
  opts: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CollectorProcess> {
  const listen = args.includes("--listen") ? [] : ["--listen", "127.0.0.1:0"];
  const child = kitCommand(["collector", ...args, ...listen], {
    env: opts.env,
    entry: COLLECTOR_MAIN,
  }).spawn();
  let err = "";
  const dec = new TextDecoder();
  const drained = (async () => {
    for await (const chunk of child.stderr) err += dec.decode(chunk, { stream: true });
  })();
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let first = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((r) =>
    timer = setTimeout(() => r(null), opts.timeoutMs ?? 60_000)
  );
  while (!first.includes("\n")) {
    const next = await Promise.race([lines.read(), timeout]);
    if (next === null || next.done) {
      clearTimeout(timer);
      try {
        child.kill("SIGKILL");
      } catch { /* already gone */ }
      await child.status;
      await drained;
      throw new Error(`The collector did not start: ${err.trim() || "(no output)"}`);
    }
    first += next.value;
  }
  clearTimeout(timer);
  // Keep reading stdout so the child never blocks on a full pipe.
  (async () => {
    while (!(await lines.read()).done) { /* discard */ }
  })().catch(() => {});
  const url = first.split("\n")[0].trim();
  return {
    url,
    pid: child.pid,
    stderr: () => err,
    async kill(signal: Deno.Signal = "SIGTERM") {
      try {
        child.kill(signal);
      } catch { /* already exited */ }
      const status = await child.status;
      await drained;
      return status.code;
    },
  };
}
