/**
 * The lab's delay (`servers/delay_queue.ts`): one process per delayed link, started inside
 * the link's namespace, holding the packets an `NFQUEUE` rule hands it.
 *
 * @module
 */
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./servers/delay_queue.ts", import.meta.url));

/**
 * Starts a delay of `ms` for queue `queue` inside `netns` and waits for its `ready`.
 *
 * @throws {Error} when it does not start within 30 s
 */
export async function startDelay(
  netns: string,
  queue: number,
  ms: number,
): Promise<Deno.ChildProcess> {
  const child = new Deno.Command("ip", {
    args: [
      "netns",
      "exec",
      netns,
      Deno.execPath(),
      "run",
      "--quiet",
      "--allow-ffi",
      SCRIPT,
      String(queue),
      String(ms),
    ],
    stdin: "null",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const first = await Promise.race([
      reader.read(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`delay in ${netns} did not start within 30 s`)),
          30_000,
        );
      }),
    ]);
    if (!first.value?.startsWith("ready")) {
      throw new Error(`delay in ${netns} said "${first.value}"`);
    }
  } catch (e) {
    stopDelay(child);
    throw e;
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
  return child;
}

/** Stops a delay started by {@link startDelay}. */
export async function stopDelay(child: Deno.ChildProcess): Promise<void> {
  try {
    child.kill("SIGTERM");
  } catch { /* already gone */ }
  await child.stdout.cancel().catch(() => {});
  await child.status.catch(() => {});
}
