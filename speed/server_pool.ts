/**
 * Serves the speed test from several isolates on one port. `Deno.serve` answers every
 * connection on one JavaScript thread, and sending costs it about 0.5 CPU-s per GB, so one
 * isolate tops out near one core (12–16 Gbit/s on this machine's loopback). On Linux,
 * `SO_REUSEPORT` lets one listener per thread share the port and the kernel spreads the
 * connections over them; elsewhere it does not balance (macOS) or is not there (Windows),
 * so one thread serves.
 *
 * @module
 */
import { type RunningSpeedServer, serveSpeed, type ServeSpeedOptions } from "./server.ts";
import type { FromWorker, ToWorker } from "./server_worker.ts";
import type { Localized } from "../util/text.ts";

/**
 * Why this process cannot serve from several threads, or `null` when it can: the OS must
 * spread connections over listeners sharing a port (Linux does; macOS does not balance;
 * Windows has no `SO_REUSEPORT`), and Deno gates `reusePort` behind `--unstable-net`
 * (its unstable APIs, such as `Deno.listenDatagram`, exist only with that flag).
 */
export function whyOneThread(
  os: string = Deno.build.os,
  unstableNet = typeof (Deno as { listenDatagram?: unknown }).listenDatagram === "function",
): Localized | null {
  if (os !== "linux") {
    return {
      ja: `${os} は接続をスレッドに振り分けません (Linux だけです)`,
      en: `${os} does not spread connections over threads (Linux does)`,
    };
  }
  if (!unstableNet) {
    return {
      ja: "--unstable-net なしで起動されています (deno task start と配布バイナリには付いています)",
      en: "started without --unstable-net (deno task start and the built binary have it)",
    };
  }
  return null;
}

/** The most threads a server uses unless told. */
export const MAX_DEFAULT_THREADS = 8;

/** Threads to serve with when not told: one per core (at most 8) where it can, else one. */
export function defaultThreads(
  cores = navigator.hardwareConcurrency,
  canSpread = whyOneThread() === null,
): number {
  return canSpread ? Math.max(1, Math.min(cores, MAX_DEFAULT_THREADS)) : 1;
}

/** Options of {@link servePool}. */
export interface ServePoolOptions extends ServeSpeedOptions {
  /** Listeners, each in its own isolate (the first in this one). */
  threads: number;
}

/** A running pool: a {@link RunningSpeedServer} that also says how many threads serve. */
export interface RunningPool extends RunningSpeedServer {
  threads: number;
}

/**
 * Starts the first listener here and `threads - 1` more in Workers on the same port.
 *
 * @throws what {@link serveSpeed} throws for the first listener; a Worker that cannot
 *   listen is stopped and the others are shut down before the error is thrown
 */
export async function servePool(opts: ServePoolOptions): Promise<RunningPool> {
  const { threads, signal, ...rest } = opts; // a signal cannot be posted to a Worker
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`Cannot serve: threads must be a positive integer: ${threads}`);
  }
  const first = serveSpeed({ ...rest, signal, reusePort: threads > 1 });
  const workers: Worker[] = [];
  const stopAll = async () => {
    await Promise.all(workers.map(stopWorker));
  };
  try {
    for (let i = 1; i < threads; i++) {
      const w = new Worker(new URL("./server_worker.ts", import.meta.url), { type: "module" });
      workers.push(w);
      const reply = await ask(w, {
        kind: "serve",
        options: { ...rest, port: first.port, thread: i + 1 },
      });
      if (reply.kind !== "listening") {
        throw new Error(`thread ${i + 1} cannot listen on port ${first.port}: ${describe(reply)}`);
      }
    }
  } catch (e) {
    await stopAll();
    await first.shutdown();
    throw e;
  }
  let stopping: Promise<void> | undefined;
  const shutdown = () => stopping ??= Promise.all([stopAll(), first.shutdown()]).then(() => {});
  // `signal` stops the first listener; its end stops the Workers.
  return {
    ...first,
    threads,
    finished: first.finished.then(() => shutdown()),
    shutdown,
  };
}

function describe(m: FromWorker): string {
  return m.kind === "failed" ? m.message : m.kind;
}

function ask(w: Worker, m: ToWorker): Promise<FromWorker> {
  return new Promise((resolve) => {
    w.onmessage = (e: MessageEvent<FromWorker>) => resolve(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      resolve({ kind: "failed", message: e.message });
    };
    w.postMessage(m);
  });
}

async function stopWorker(w: Worker): Promise<void> {
  // The worker closes its listener and lets running transfers end; a worker that never
  // answers (it cannot: it does not spin) would still be terminated after a second.
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    ask(w, { kind: "stop" }),
    new Promise((r) => timer = setTimeout(r, 1000)),
  ]);
  clearTimeout(timer);
  w.terminate();
}
