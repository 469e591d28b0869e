/**
 * `POST /v1/reports` (upload) and `DELETE /v1/reports/{receipt}` (withdraw), per the
 * collector API v1 in `docs/collector.md`.
 *
 * @module
 */
import type { Hono } from "hono";
import { type Collector, RateLimited } from "../../collector/collector.ts";
import { DatabaseUnavailableError } from "../../collector/db.ts";
import { UploadRejected } from "../../collector/ingest.ts";
import { cutOff, errorAnswer, jsonAnswer } from "./answers.ts";
import { readBody } from "./body.ts";
import { clientAddress, type CollectorEnv } from "./context.ts";

/** Adds the report routes. */
export function reportRoutes(app: Hono<CollectorEnv>, collector: Collector): void {
  const s = collector.settings;

  app.post("/v1/reports", async (c) => {
    const limited = collector.sourceLimit.take(clientAddress(c, s.trustProxy));
    if (!limited.ok) {
      collector.metrics.rejected("rate-limited");
      return errorAnswer("rate-limited", "Too many uploads from this address", {
        retryAfterS: limited.retryAfterS,
      });
    }
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i.test(type.trim())) {
      collector.metrics.rejected("unsupported-media-type");
      return errorAnswer(
        "unsupported-media-type",
        `Content-Type must be application/json, not "${type.slice(0, 100)}"`,
      );
    }
    try {
      return await collector.admit(async () => {
        const bytes = await readBody(c.req.raw, {
          maxBytes: s.maxUploadBytes,
          totalMs: s.bodyTimeoutMs,
          idleMs: s.bodyIdleMs,
        });
        const { status, answer } = await collector.accept(bytes);
        return jsonAnswer(status, answer);
      });
    } catch (e) {
      const res = refusal(collector, e);
      return e instanceof UploadRejected && e.code === "timeout" ? await cutOff(res) : res;
    }
  });

  app.delete("/v1/reports/:receipt", async (c) => {
    const limited = collector.sourceLimit.take(clientAddress(c, s.trustProxy));
    if (!limited.ok) {
      return errorAnswer("rate-limited", "Too many requests from this address", {
        retryAfterS: limited.retryAfterS,
      });
    }
    const auth = c.req.header("authorization") ?? "";
    const token = /^Bearer ([\x21-\x7e]+)$/.exec(auth)?.[1] ?? "";
    try {
      if (await collector.withdraw(c.req.param("receipt"), token)) {
        return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
      }
      return errorAnswer("not-found", "No report with this receipt and deletion token");
    } catch (e) {
      return refusal(collector, e);
    }
  });
}

/** The answer to a failed upload or withdrawal; unexpected errors are rethrown (500). */
function refusal(collector: Collector, e: unknown): Response {
  if (e instanceof RateLimited) {
    collector.metrics.rejected(e.code);
    return errorAnswer(e.code, e.message, { retryAfterS: e.retryAfterS });
  }
  if (e instanceof UploadRejected) {
    collector.metrics.rejected(e.code);
    return errorAnswer(e.code, e.message, { path: e.path });
  }
  if (e instanceof DatabaseUnavailableError) {
    collector.metrics.rejected("unavailable");
    return errorAnswer("unavailable", "The collector cannot store reports now; try again later", {
      retryAfterS: collector.settings.retryAfterS,
    });
  }
  throw e;
}
