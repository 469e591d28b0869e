/**
 * Serves a collector over HTTP with Deno.serve: the app, the client's address, and a
 * graceful stop (in-flight uploads finish, then the database closes).
 *
 * Requires `--allow-net` on the listen address.
 *
 * @module
 */
import type { Collector } from "../../collector/collector.ts";
import type { SupportConsole } from "../../collector/console.ts";
import { createCollectorApp } from "./app.ts";

/** A listening collector. */
export interface ServedCollector {
  hostname: string;
  port: number;
  /** `http://host:port` */
  url: string;
  /** Stops listening, waits for requests in flight, closes the collector (once). */
  shutdown(): Promise<void>;
  /** Resolves when the server stopped. */
  finished: Promise<void>;
  /** The collector it serves. */
  collector: Collector;
}

/**
 * Starts serving `collector` on `hostname:port` (port 0: any free port), with the support desk
 * console under `/console` when `console` is given.
 */
export function serveCollector(
  collector: Collector,
  listen: { hostname: string; port: number },
  log: (line: string) => void = () => {},
  console?: SupportConsole,
): ServedCollector {
  const app = createCollectorApp(collector, log, console);
  const server = Deno.serve(
    { hostname: listen.hostname, port: listen.port, onListen() {} },
    (req, info) =>
      app.fetch(req, {
        remoteAddr: info.remoteAddr.transport === "tcp" ? info.remoteAddr.hostname : "unix",
      }),
  );
  const host = server.addr.hostname;
  const shown = host.includes(":") ? `[${host}]` : host;
  let stopping: Promise<void> | null = null;
  return {
    hostname: host,
    port: server.addr.port,
    url: `http://${shown}:${server.addr.port}`,
    shutdown() {
      stopping ??= server.shutdown().then(() => collector.close());
      return stopping;
    },
    finished: server.finished,
    collector,
  };
}
