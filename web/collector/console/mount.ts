/**
 * Puts the console into the collector's app: its pages under `/console`, and the bare
 * address leads there.
 *
 * @module
 */
import type { Hono } from "hono";
import type { SupportConsole } from "../../../collector/console.ts";
import type { CollectorEnv } from "../context.ts";
import { consoleApp } from "./app.ts";

/** Mounts `con` on `app`. */
export function mountConsole(
  app: Hono<CollectorEnv>,
  con: SupportConsole,
  log: (line: string) => void,
): void {
  app.get("/", (c) => c.redirect("/console", 303));
  app.route("/console", consoleApp(con, log));
}
