/**
 * The collector's HTTP app (Hono): the API v1 for kits, the status document, health,
 * readiness and metrics. Built by a factory over a {@link Collector} and tested in memory
 * with `app.request(…)`.
 *
 * @module
 */
import { Hono } from "hono";
import { routePath } from "hono/route";
import type { Collector } from "../../collector/collector.ts";
import type { SupportConsole } from "../../collector/console.ts";
import { errorAnswer } from "./answers.ts";
import { mountConsole } from "./console/mount.ts";
import type { CollectorEnv } from "./context.ts";
import { opsRoutes } from "./routes_ops.ts";
import { reportRoutes } from "./routes_reports.ts";

/**
 * Builds the app over `collector`. `log` receives unexpected errors. With `console`, the
 * support desk console is served under `/console` (see `console/app.ts`).
 */
export function createCollectorApp(
  collector: Collector,
  log: (line: string) => void = () => {},
  console?: SupportConsole,
): Hono<CollectorEnv> {
  const app = new Hono<CollectorEnv>();
  app.use(async (c, next) => {
    const t0 = performance.now();
    await next();
    const route = routePath(c, -1);
    collector.metrics.observe(
      route.startsWith("/v1/") || route.endsWith("z") || route === "/metrics" ? route : "other",
      c.req.method,
      c.res.status,
      (performance.now() - t0) / 1000,
    );
  });
  reportRoutes(app, collector);
  opsRoutes(app, collector);
  if (console) mountConsole(app, console, log);
  app.all("/v1/reports", () => errorAnswer("method-not-allowed", "Use POST to upload a report"));
  app.notFound(() => errorAnswer("not-found", "No such endpoint"));
  app.onError((e) => {
    log(`internal error: ${e.stack ?? e.message}`);
    return errorAnswer("internal", "The collector failed; try again later", { retryAfterS: 60 });
  });
  return app;
}
