/**
 * Serves the web view on 127.0.0.1 (never another interface) at a port the OS picks, with
 * fresh secrets, and returns the one-time URL. The server caps its connections
 * (`web/capped_server.ts`), so a flood of local connections cannot stop it.
 *
 * @module
 */
import { createApp } from "./app.tsx";
import { type CappedServer, serveCapped } from "./capped_server.ts";
import { type GuardConfig, randomSecret } from "./guards.ts";
import type { AppOptions } from "./options.ts";

/** A running web view. */
export interface ServedApp {
  /** The URL with the one-time token: print it, open it. */
  url: string;
  port: number;
  hostname: string;
  /** Stops serving (waits for open requests). */
  shutdown(): Promise<void>;
  /** Cancels a running check (its partial report is written), then shuts down. */
  stop(): Promise<void>;
  /** Resolves when the server has stopped (Quit, or `shutdown`). Never rejects. */
  finished: Promise<void>;
  /** Connection counts (see `web/capped_server.ts`). */
  stats(): ReturnType<CappedServer["stats"]>;
  /** Milliseconds from the call to listening. */
  startMs: number;
}

/**
 * Starts the server.
 *
 * Requires `--allow-net=127.0.0.1`.
 */
export function serveApp(
  opts: Omit<AppOptions, "guard" | "onQuit" | "beforeQuit">,
): ServedApp {
  const t0 = performance.now();
  let handler: (req: Request) => Response | Promise<Response> = () =>
    new Response("Starting", { status: 503 });
  const server = serveCapped({ hostname: "127.0.0.1", port: 0, handler: (req) => handler(req) });
  const port = server.addr.port;
  const guard: GuardConfig = {
    port,
    token: randomSecret(),
    session: randomSecret(),
    csrf: randomSecret(),
  };
  const beforeQuit: (() => Promise<void>)[] = [];
  const app = createApp({ ...opts, guard, beforeQuit, onQuit: () => void server.shutdown() });
  handler = (req) => app.fetch(req);
  return {
    url: `http://127.0.0.1:${port}/?token=${guard.token}`,
    port,
    hostname: server.addr.hostname,
    shutdown: () => server.shutdown(),
    async stop() {
      await Promise.all(beforeQuit.map((f) => f()));
      await server.shutdown();
    },
    finished: server.finished,
    stats: () => server.stats(),
    startMs: performance.now() - t0,
  };
}
