import assert from "node:assert/strict";
import { httpCaptiveProbe } from "./http_captive.ts";
import { systemClockProbe } from "./system_clock.ts";
import { testContext } from "../testing.ts";

/** Serves `handler` on 127.0.0.1:0 for the duration of `fn`. */
async function withServer(handler: (r: Request) => Response, fn: (base: string) => Promise<void>) {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, handler);
  try {
    await fn(`http://127.0.0.1:${server.addr.port}`);
  } finally {
    await server.shutdown();
  }
}

const captive = (base: string) =>
  testContext({ config: { captive: { url: `${base}/generate_204` } } });

Deno.test("http.captive passes an empty 204", async () => {
  await withServer(() => new Response(null, { status: 204 }), async (base) => {
    const r = await httpCaptiveProbe.run(captive(base));
    assert.equal(r.status, "ok");
    assert.equal(r.data.verdict, "open");
  });
});

Deno.test("http.captive flags a redirect to a login host and a 200 login page", async () => {
  await withServer(
    () => new Response(null, { status: 302, headers: { location: "http://login.example/portal" } }),
    async (base) => {
      const r = await httpCaptiveProbe.run(captive(base));
      assert.equal(r.status, "fail");
      assert.equal(r.data.verdict, "redirect");
      assert.match(r.summary.en, /login\.example/);
    },
  );
  await withServer(
    () => new Response("<html><form>ログイン</form></html>", { status: 200 }),
    async (base) => {
      const r = await httpCaptiveProbe.run(captive(base));
      assert.equal(r.data.verdict, "login-page");
      assert.match(r.evidence![0].text, /ログイン/);
    },
  );
});

Deno.test("http.captive says so when the check URL is unreachable", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close(); // nothing listens there now: connection refused
  const r = await httpCaptiveProbe.run(
    testContext({ config: { captive: { url: `http://127.0.0.1:${port}/` } } }),
  );
  assert.equal(r.status, "warn");
  assert.equal(r.data.verdict, "unreachable");
});

Deno.test("system.clock measures skew against Date headers and judges it", async () => {
  const now = new Date("2026-11-24T09:00:00Z");
  const dates = ["Tue, 24 Nov 2026 09:00:00 GMT", "Tue, 24 Nov 2026 08:50:00 GMT"];
  for (const [i, date] of dates.entries()) {
    await withServer(() => new Response(null, { headers: { date } }), async (base) => {
      const r = await systemClockProbe.run(
        testContext({ now, config: { clock: { urls: [`${base}/`] } } }),
      );
      if (i === 0) {
        assert.equal(r.status, "ok");
        assert.ok(Math.abs(r.data.skewMs!) < 1000);
      } else {
        assert.equal(r.status, "fail"); // 10 minutes ahead
        assert.ok(Math.abs(r.data.skewMs! - 600_000) < 1000);
        assert.match(r.summary.en, /\+600\.\d s/);
      }
    });
  }
});

Deno.test({
  name: "http.captive and system.clock go direct, whatever proxy the environment names",
  // fetch() would send these through HTTP_PROXY; the kit checks proxies on their own.
  permissions: { net: true, env: true, read: true },
  async fn() {
    const before = Deno.env.get("HTTP_PROXY");
    Deno.env.set("HTTP_PROXY", "http://127.0.0.1:9");
    try {
      await withServer(() => new Response(null, { status: 204 }), async (base) => {
        const r = await httpCaptiveProbe.run(captive(base));
        assert.equal(r.data.verdict, "open");
        const c = await systemClockProbe.run(
          testContext({ config: { clock: { urls: [`${base}/`] } } }),
        );
        assert.notEqual(c.data.skewMs, null);
      });
    } finally {
      if (before === undefined) Deno.env.delete("HTTP_PROXY");
      else Deno.env.set("HTTP_PROXY", before);
    }
  },
});
