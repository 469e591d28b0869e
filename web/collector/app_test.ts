import assert from "node:assert/strict";
import { join } from "node:path";
import { NO_STAFF_READ } from "../../collector/audit.ts";
import type { Collector } from "../../collector/collector.ts";
import type { CollectorSettings } from "../../collector/options.ts";
import { PROVIDER_TENANT, Scope } from "../../collector/scope.ts";
import {
  distinctReport,
  licenceFixture,
  memoryDatabase,
  testCollector,
  uploadOf,
} from "../../collector/testing.ts";
import { signStatus } from "../../consent/status_document.ts";
import { apiErrorSchema, uploadAnswerSchema } from "../../report/upload_schema.ts";
import { generateEd25519 } from "../../util/crypto.ts";
import { parseReceipt } from "../../util/receipt.ts";
import { createCollectorApp } from "./app.ts";
import { SCHEMA_VERSION } from "../../collector/migrate.ts";

const ORIGIN = "http://collector.test";

function client(collector: Collector) {
  const app = createCollectorApp(collector);
  return {
    post: (body: BodyInit, headers: Record<string, string> = {}, addr = "192.0.2.1") =>
      app.request(`${ORIGIN}/v1/reports`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", ...headers },
      }, { remoteAddr: addr }),
    del: (receipt: string, token?: string) =>
      app.request(`${ORIGIN}/v1/reports/${receipt}`, {
        method: "DELETE",
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }, { remoteAddr: "192.0.2.1" }),
    get: (path: string) => app.request(`${ORIGIN}${path}`, {}, { remoteAddr: "192.0.2.1" }),
  };
}

async function errorOf(res: Response): Promise<{ code: string; path?: string; message: string }> {
  return apiErrorSchema.parse(await res.json()).error;
}

Deno.test("the collector app over PGlite", async (t) => {
  const db = await memoryDatabase();
  const open = (settings: Partial<CollectorSettings> = {}, extra = {}) =>
    testCollector(db, { settings, ...extra });
  try {
    await t.step(
      "POST /v1/reports stores a report (201) and answers a repeat with its receipt (200)",
      async () => {
        const c = await open();
        const api = client(c);
        const r = await distinctReport();
        const { body } = await uploadOf(r, { ticket: "T-1" });
        const first = await api.post(body);
        assert.equal(first.status, 201);
        const a = uploadAnswerSchema.parse(await first.json());
        assert.equal(parseReceipt(a.receipt), a.receipt);
        assert.deepEqual([a.reportId, a.digest, a.duplicate], [r.id, r.digest.value, false]);
        const again = await api.post(body);
        assert.equal(again.status, 200);
        const b = uploadAnswerSchema.parse(await again.json());
        assert.deepEqual([b.receipt, b.duplicate, b.receivedAt], [a.receipt, true, a.receivedAt]);
        const stored = await c.store.findByReceipt(
          Scope.tenant(PROVIDER_TENANT),
          a.receipt,
          NO_STAFF_READ,
          "test",
        );
        assert.deepEqual(stored?.body, r);
        const metrics = await (await api.get("/metrics")).text();
        assert.match(metrics, /^kiriwake_collector_reports_ingested_total 1$/m);
        assert.match(metrics, /^kiriwake_collector_reports_duplicate_total 1$/m);
        assert.match(metrics, /route="\/v1\/reports",method="POST",status="201"/);
        assert.doesNotMatch(metrics, new RegExp(a.receipt));
      },
    );

    await t.step("refused uploads get a 4xx naming the reason", async () => {
      const c = await open({ maxUploadBytes: 64 * 1024 });
      const api = client(c);
      const r = await distinctReport();
      await api.post((await uploadOf(r)).body);
      const cases: [Response, number, string, string?][] = [
        [await api.post("{}", { "content-type": "text/plain" }), 415, "unsupported-media-type"],
        [await api.post("{oops"), 400, "invalid-json"],
        [
          await api.post(JSON.stringify({ schema: "kiriwake.upload/v1" })),
          400,
          "bad-upload",
          "report",
        ],
        [await api.post((await uploadOf({ ...r, id: 7 })).body), 422, "schema", "report.id"],
        [
          await api.post((await uploadOf({ ...r, createdAt: "2026-01-01T00:00:00Z" })).body),
          422,
          "digest",
          "report.digest.value",
        ],
        [
          await api.post(
            (await uploadOf(
              await distinctReport({
                id: r.id,
                mutate: (x) => void (x.partial = true),
              }),
            )).body,
          ),
          409,
          "conflict",
          "report.id",
        ],
        [await api.post("x".repeat(70 * 1024)), 413, "too-large"],
        [await api.post(stream("x".repeat(70 * 1024))), 413, "too-large"],
      ];
      for (const [res, status, code, path] of cases) {
        const e = await errorOf(res);
        assert.equal(res.status, status, `${code}: ${e.message}`);
        assert.equal(e.code, code);
        assert.equal(e.path, path);
      }
      const metrics = await (await api.get("/metrics")).text();
      assert.match(metrics, /rejected_total\{reason="too-large"\} 2/);
      assert.match(metrics, /rejected_total\{reason="digest"\} 1/);
    });

    await t.step(
      "rate limits per source address and per licence answer 429 with Retry-After",
      async () => {
        const lic = await licenceFixture();
        const c = await open({
          rateSource: { perMinute: 1, burst: 2 },
          rateLicence: { perMinute: 1, burst: 1 },
        }, {
          brand: lic.brand,
        });
        const api = client(c);
        const statuses = [];
        for (let i = 0; i < 3; i++) {
          statuses.push((await api.post((await uploadOf(await distinctReport())).body)).status);
        }
        assert.deepEqual(statuses, [201, 201, 429]);
        const limited = await api.post((await uploadOf(await distinctReport())).body);
        assert.equal(limited.headers.get("retry-after"), "60");
        assert.equal((await errorOf(limited)).code, "rate-limited");
        assert.equal(
          (await api.post((await uploadOf(await distinctReport())).body, {}, "192.0.2.2")).status,
          201,
        );
        const licence = await lic.token("acme", "lic-1");
        const first = await api.post(
          (await uploadOf(await distinctReport(), { licence })).body,
          {},
          "192.0.2.3",
        );
        const second = await api.post(
          (await uploadOf(await distinctReport(), { licence })).body,
          {},
          "192.0.2.4",
        );
        assert.deepEqual([first.status, second.status], [201, 429]);
        assert.match((await errorOf(second)).message, /licence/);
      },
    );

    await t.step(
      "DELETE /v1/reports/{receipt} withdraws with the token only (204), else 404 alike",
      async () => {
        const c = await open();
        const api = client(c);
        const up = await uploadOf(await distinctReport());
        const { receipt } = await (await api.post(up.body)).json();
        for (
          const res of [
            await api.del(receipt, "wrong-token-but-long-enough"),
            await api.del(receipt),
            await api.del("KW-3333-3333", up.token),
          ]
        ) {
          assert.equal(res.status, 404);
          assert.equal((await errorOf(res)).code, "not-found");
        }
        const typed = receipt.toLowerCase().replaceAll("-", " ");
        assert.equal((await api.del(encodeURIComponent(typed), up.token)).status, 204);
        assert.equal((await api.del(receipt, up.token)).status, 404);
        assert.equal(
          await c.store.findByReceipt(Scope.allTenants("test"), receipt, NO_STAFF_READ, "test"),
          null,
        );
      },
    );

    await t.step(
      "GET /v1/status serves the signed document byte for byte, and its revocations count",
      async () => {
        const dir = await Deno.makeTempDir();
        try {
          const lic = await licenceFixture();
          const statusPath = join(dir, "status.json");
          const c = await open({}, { brand: lic.brand, statusPath });
          const api = client(c);
          assert.equal((await api.get("/v1/status")).status, 404);
          const text = await signStatus({
            schema: "kiriwake.status/v1",
            issuedAt: "2026-12-01T00:00:00Z",
            expiresAt: "2099-12-08T00:00:00Z",
            product: lic.brand.id,
            latestVersion: "0.2.0",
            terms: { version: "1.0" },
            revokedLicences: ["lic-gone"],
            notices: [],
          }, await generateEd25519());
          await Deno.writeTextFile(statusPath, text);
          assert.equal(await c.status.refresh(), null);
          const res = await api.get("/v1/status");
          assert.equal(res.status, 200);
          assert.equal(await res.text(), text);
          const licence = await lic.token("acme", "lic-gone");
          const { receipt } =
            await (await api.post((await uploadOf(await distinctReport(), { licence })).body))
              .json();
          const stored = await c.store.findByReceipt(
            Scope.allTenants("test"),
            receipt,
            NO_STAFF_READ,
            "test",
          );
          assert.equal(stored?.tenant, PROVIDER_TENANT);
          assert.equal(stored?.licenceId, null);
          assert.match(
            await (await api.get("/metrics")).text(),
            /licence_refused_total\{reason="revoked"\} 1/,
          );
          // A brand with status keys serves only what they signed.
          const keyed = await open({}, {
            brand: { ...lic.brand, status: { publicKeys: [(await generateEd25519()).publicKey] } },
            statusPath,
          });
          assert.match((await keyed.status.refresh())!, /not used \(unknown-key\)/);
          assert.equal((await client(keyed).get("/v1/status")).status, 404);
          // A broken new file is reported and the last good document stays in force.
          await Deno.writeTextFile(statusPath, "{broken");
          await Deno.utime(statusPath, new Date(), new Date(Date.now() + 5000));
          assert.match((await c.status.refresh())!, /not used \(malformed\)/);
          assert.equal(await (await api.get("/v1/status")).text(), text);
        } finally {
          await Deno.remove(dir, { recursive: true });
        }
      },
    );

    await t.step(
      "uploads beyond the concurrency limit get 503 with Retry-After, not a queue",
      async () => {
        const c = await open({ maxConcurrentUploads: 1, bodyIdleMs: 5_000 });
        const api = client(c);
        let release!: () => void;
        const held = new Promise<void>((r) => release = r);
        const { body } = await uploadOf(await distinctReport());
        const slow = api.post(
          new ReadableStream({
            async pull(ctrl) {
              await held;
              ctrl.enqueue(new TextEncoder().encode(body));
              ctrl.close();
            },
          }, { highWaterMark: 0 }),
        );
        while (c.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
        const busy = await api.post((await uploadOf(await distinctReport())).body);
        assert.equal(busy.status, 503);
        assert.equal(busy.headers.get("retry-after"), "30");
        assert.equal((await errorOf(busy)).code, "unavailable");
        release();
        assert.equal((await slow).status, 201);
        assert.equal(c.inFlight, 0);
      },
    );

    await t.step("health, readiness, unknown routes and methods answer in JSON", async () => {
      const api = client(await open());
      assert.deepEqual(await (await api.get("/healthz")).json(), { ok: true });
      const ready = await api.get("/readyz");
      assert.equal(ready.status, 200);
      assert.deepEqual((await ready.json()).schema, {
        expected: SCHEMA_VERSION,
        found: SCHEMA_VERSION,
      });
      const nowhere = await api.get("/v2/nothing");
      assert.deepEqual([nowhere.status, (await errorOf(nowhere)).code], [404, "not-found"]);
      const get = await api.get("/v1/reports");
      assert.deepEqual([get.status, (await errorOf(get)).code], [405, "method-not-allowed"]);
    });
  } finally {
    await db.close();
  }
});

/** A body of unknown length (no Content-Length), sent in small pieces. */
function stream(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(ctrl) {
      if (at >= bytes.length) return ctrl.close();
      ctrl.enqueue(bytes.slice(at, at += 4096));
    },
  });
}
