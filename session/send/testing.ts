/**
 * A stand-in collector for the send tests: the contract of `docs/collector.md` on loopback
 * (validation with the kit's own report schema and digest, dedupe on id + digest, receipts,
 * withdrawal by deletion token, the status document), with switches for the faults the kit
 * must survive. The end-to-end test runs the real collector instead.
 *
 * @module
 */
import { digestOf } from "../../report/digest.ts";
import { reportSchema } from "../../report/schema.ts";
import { uploadSchema } from "../../report/upload_schema.ts";
import { sha256Hex } from "../../util/crypto.ts";
import { newReceipt } from "../../util/receipt.ts";

/** How the stand-in answers uploads. */
export type FakeMode = "up" | "unavailable" | "rate-limited" | "schema";

/** A running stand-in. */
export interface FakeCollector {
  url: string;
  mode: FakeMode;
  /** The status document's text (404 when null). */
  statusText: string | null;
  /** Reports stored, by receipt. */
  stored: Map<
    string,
    { report: Record<string, unknown>; deletion: string; ticket?: string; licence?: string }
  >;
  /** Upload requests seen (any outcome). */
  uploads: number;
  close(): Promise<void>;
}

/** Starts a stand-in collector on 127.0.0.1 (port 0 or `port`). */
export function fakeCollector(port = 0): FakeCollector {
  const keys = new Map<string, string>(); // id + digest → receipt
  const fake: FakeCollector = {
    url: "",
    mode: "up",
    statusText: null,
    stored: new Map(),
    uploads: 0,
    close: () => server.shutdown(),
  };
  const error = (status: number, code: string, headers: Record<string, string> = {}) =>
    Response.json({ error: { code, message: `stand-in says ${code}` } }, { status, headers });
  const server = Deno.serve({ hostname: "127.0.0.1", port, onListen: () => {} }, async (req) => {
    const url = new URL(req.url);
    if (req.method === "GET" && url.pathname === "/v1/status") {
      return fake.statusText === null ? error(404, "not-found") : new Response(fake.statusText);
    }
    const del = /^\/v1\/reports\/([^/]+)$/.exec(url.pathname);
    if (req.method === "DELETE" && del) {
      const receipt = decodeURIComponent(del[1]);
      const token = /^Bearer (.+)$/.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
      const row = fake.stored.get(receipt);
      if (!row || row.deletion !== await sha256Hex(token)) return error(404, "not-found");
      fake.stored.delete(receipt);
      return new Response(null, { status: 204 });
    }
    if (req.method !== "POST" || url.pathname !== "/v1/reports") return error(404, "not-found");
    fake.uploads++;
    if (fake.mode === "unavailable") return error(503, "unavailable", { "Retry-After": "120" });
    if (fake.mode === "rate-limited") return error(429, "rate-limited", { "Retry-After": "7" });
    if (fake.mode === "schema") return error(422, "schema");
    const body = uploadSchema.safeParse(await req.json().catch(() => null));
    if (!body.success) return error(400, "bad-upload");
    const report = reportSchema.safeParse(body.data.report);
    if (!report.success) return error(422, "schema");
    const digest = await digestOf(report.data);
    if (digest !== report.data.digest.value) return error(422, "digest");
    const key = `${report.data.id} ${digest}`;
    const known = keys.get(key);
    const answer = (receipt: string, duplicate: boolean) =>
      Response.json({
        receipt,
        reportId: report.data.id,
        digest,
        duplicate,
        receivedAt: new Date().toISOString(),
      }, { status: duplicate ? 200 : 201 });
    if (known) return answer(known, true);
    const receipt = newReceipt("alnum");
    keys.set(key, receipt);
    fake.stored.set(receipt, {
      report: body.data.report,
      deletion: body.data.deletion.sha256,
      ticket: body.data.ticket,
      licence: body.data.licence,
    });
    return answer(receipt, false);
  });
  fake.url = `http://127.0.0.1:${server.addr.port}`;
  return fake;
}
