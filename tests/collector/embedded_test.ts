/**
 * The embedded default: `kiriwake collector --data DIR` with no database server at all
 * starts a working collector on PGlite, keeps what it received across a restart, and
 * refuses a second collector on the same directory.
 */
import assert from "node:assert/strict";
import { distinctReport, uploadOf } from "../../collector/testing.ts";
import { uploadAnswerSchema } from "../../report/upload_schema.ts";
import { startCollectorProcess } from "../support/collector_proc.ts";
import { COLLECTOR_MAIN, runKit } from "../support/kit.ts";

const post = (url: string, body: string) =>
  fetch(`${url}/v1/reports`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
  });

Deno.test({
  name: "kiriwake collector --data DIR runs on embedded PGlite and keeps reports across restarts",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const dir = await Deno.makeTempDir({ prefix: "kiriwake-collector-" });
  try {
    const up = await uploadOf(await distinctReport());
    const first = await startCollectorProcess(["--data", dir], { timeoutMs: 120_000 });
    let receipt: string;
    try {
      assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await post(first.url, up.body);
      assert.equal(res.status, 201);
      receipt = uploadAnswerSchema.parse(await res.json()).receipt;
      // A second collector on the same directory is refused, not let in to corrupt it.
      const second = await runKit(["collector", "--data", dir, "--listen", "127.0.0.1:0"], {
        entry: COLLECTOR_MAIN,
      });
      assert.equal(second.code, 3);
      assert.match(second.stderr, /Another collector is using/);
    } finally {
      assert.equal(await first.kill("SIGTERM"), 0, "a clean stop on SIGTERM");
    }
    const again = await startCollectorProcess(["--data", dir], { timeoutMs: 120_000 });
    try {
      const res = await post(again.url, up.body);
      assert.equal(res.status, 200);
      const a = uploadAnswerSchema.parse(await res.json());
      assert.deepEqual([a.receipt, a.duplicate], [receipt, true]);
    } finally {
      await again.kill("SIGTERM");
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
