/**
 * One more listener of `kiriwake speedtest-server`, in its own isolate and thread: the
 * parent (`speed/server_pool.ts`) sends `{kind: "serve", options}`, this answers
 * `{kind: "listening", port}` or `{kind: "failed", message}`, and shuts down on
 * `{kind: "stop"}` with `{kind: "stopped"}`. Runs as a Worker, so a compiled binary must
 * include this file (`build/compile_args.ts`).
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { type RunningSpeedServer, serveSpeed, type ServeSpeedOptions } from "./server.ts";

/** A message from the pool to a worker. */
export type ToWorker =
  | { kind: "serve"; options: Omit<ServeSpeedOptions, "signal"> }
  | { kind: "stop" };
/** A message from a worker to the pool. */
export type FromWorker =
  | { kind: "listening"; port: number }
  | { kind: "failed"; message: string }
  | { kind: "stopped" };

let server: RunningSpeedServer | undefined;
const post = (m: FromWorker) => self.postMessage(m);

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.kind === "serve") {
    try {
      server = serveSpeed({ ...m.options, reusePort: true });
      post({ kind: "listening", port: server.port });
    } catch (err) {
      post({ kind: "failed", message: (err as Error).message });
    }
  } else if (m.kind === "stop") {
    await server?.shutdown();
    post({ kind: "stopped" });
  }
};
