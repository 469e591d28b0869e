/**
 * The lab's server processes: one Deno process per namespace (`servers/host.ts`), started
 * through `ip netns exec`, told about faults one JSON line at a time on stdin.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import type { Node } from "./topology.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const HOST_SCRIPT = fileURLToPath(new URL("./servers/host.ts", import.meta.url));

/** A running server process. */
export interface ServerProc {
  child: Deno.ChildProcess;
  writer: WritableStreamDefaultWriter<Uint8Array>;
  lines: AsyncIterator<string>;
}

/**
 * Starts the server process of `node` inside `netns` and waits for its `ready`.
 *
 * @throws {Error} when it does not start within 30 s or says anything else
 */
export async function startServer(netns: string, node: Node): Promise<ServerProc> {
  const child = new Deno.Command("ip", {
    args: [
      "netns",
      "exec",
      netns,
      Deno.execPath(),
      "run",
      "--quiet",
      "--allow-net",
      "--allow-read",
      "--config",
      `${REPO}deno.json`,
      HOST_SCRIPT,
      node,
    ], // deno-fmt-ignore
    cwd: REPO,
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).pipeThrough(splitLines())[
    Symbol.asyncIterator
  ]();
  const proc = { child, writer: child.stdin.getWriter(), lines };
  const first = await withTimeout(lines.next(), 30_000, `server in ${netns} did not start`);
  if (first.value !== "ready") throw new Error(`Server in ${netns} said "${first.value}"`);
  return proc;
}

/** Sends one command and waits for its `ok`. */
export async function tellServer(s: ServerProc, cmd: unknown): Promise<void> {
  await s.writer.write(new TextEncoder().encode(JSON.stringify(cmd) + "\n"));
  const r = await withTimeout(s.lines.next(), 5000, "server did not answer");
  if (r.value !== "ok") throw new Error(`Server refused ${JSON.stringify(cmd)}: ${r.value}`);
}

function splitLines(): TransformStream<string, string> {
  let buf = "";
  return new TransformStream({
    transform(chunk, c) {
      buf += chunk;
      let i;
      while ((i = buf.indexOf("\n")) >= 0) {
        c.enqueue(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
    },
  });
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
