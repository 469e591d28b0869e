/**
 * `GET /v1/status` (the signed status document, byte for byte), and the operations
 * endpoints: `/healthz` (the process answers), `/readyz` (database reachable and schema
 * current: a load balancer sends no uploads to an instance that is not), `/metrics`
 * (Prometheus text; no tenant data).
 *
 * @module
 */
import type { Hono } from "hono";
import type { Collector } from "../../collector/collector.ts";
import { errorAnswer, jsonAnswer } from "./answers.ts";
import type { CollectorEnv } from "./context.ts";

/** Adds the status and operations routes. */
export function opsRoutes(app: Hono<CollectorEnv>, collector: Collector): void {
  app.get("/v1/status", () => {
    const doc = collector.status.current;
    if (!doc) return errorAnswer("not-found", "This collector publishes no status document");
    return new Response(doc.text, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "public, max-age=300",
        "x-content-type-options": "nosniff",
      },
    });
  });

  app.get("/healthz", () => jsonAnswer(200, { ok: true }));

  app.get("/readyz", async () => {
    const r = await collector.readiness();
    return jsonAnswer(r.ready ? 200 : 503, r);
  });

  app.get("/metrics", () =>
    new Response(collector.metrics.render(), {
      headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" },
    }));
}
