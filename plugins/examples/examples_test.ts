import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runConfigSchema } from "../../probes/config.ts";
import { runProbes } from "../../probes/runner.ts";
import { loadManifest } from "../manifest_load.ts";
import { pluginProbes, pluginSourceOf } from "../mod.ts";
import { ALLOW_UNSIGNED } from "../testing.ts";

const HERE = fileURLToPath(new URL(".", import.meta.url));

Deno.test("the example manifest verifies: every pinned hash matches its file", async () => {
  const m = await loadManifest(join(HERE, "manifest.json"), ALLOW_UNSIGNED);
  assert.deepEqual(m.plugins.map((p) => p.entry.id), [
    "example-isp.portal",
    "example-isp.speed-server",
  ]);
});

/** The example manifest, aimed at `base` (a loopback server), written beside copies of the files. */
async function loopbackManifest(base: string, port: number): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "kw-examples-" });
  for (const f of ["portal_health.ts", "speed_server.sh"]) {
    await Deno.copyFile(join(HERE, f), join(dir, f));
  }
  const m = JSON.parse(await Deno.readTextFile(join(HERE, "manifest.json")));
  m.probes[0].config.url = `${base}/health`;
  m.probes[0].module.permissions.net = [`127.0.0.1:${port}`];
  m.probes[1].config.url = `${base}/speed`;
  const path = join(dir, "manifest.json");
  await Deno.writeTextFile(path, JSON.stringify(m, null, 2));
  return path;
}

Deno.test({
  name: "the example plugins judge a loopback portal and speed server",
  ignore: Deno.build.os === "windows",
  async fn(t) {
    let health: unknown = { status: "up", components: { login: "up", billing: "up" } };
    let speedStatus = 200;
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
      const path = new URL(req.url).pathname;
      if (path === "/health") return Response.json(health);
      if (path === "/speed") return new Response("speed", { status: speedStatus });
      return new Response("no", { status: 404 });
    });
    const base = `http://127.0.0.1:${server.addr.port}`;
    const path = await loopbackManifest(base, server.addr.port);
    const manifest = await loadManifest(path, ALLOW_UNSIGNED);
    const run = async () => {
      const out = await runProbes({
        probes: pluginProbes(manifest),
        config: runConfigSchema.parse({}),
        lang: "en",
        granted: ["measurements"],
        sourceOf: pluginSourceOf(manifest),
      });
      return Object.fromEntries(out.results.map((r) => [r.id, r]));
    };
    try {
      await t.step("healthy", async () => {
        const r = await run();
        const portal = r["example-isp.portal"];
        assert.equal(portal.status, "ok", JSON.stringify(portal));
        assert.equal(portal.source, "example-isp");
        assert.equal(portal.data.health, "up");
        const speed = r["example-isp.speed-server"];
        assert.equal(speed.status, "ok", JSON.stringify(speed));
        assert.equal(speed.data.httpStatus, 200);
        assert.equal(speed.data.url, `${base}/speed`);
      });
      await t.step("a component degraded, the speed server failing", async () => {
        health = { status: "up", components: { login: "up", billing: "degraded" } };
        speedStatus = 503;
        const r = await run();
        assert.equal(r["example-isp.portal"].status, "warn");
        assert.deepEqual(r["example-isp.portal"].data.degraded, ["billing"]);
        assert.equal(r["example-isp.speed-server"].status, "fail");
        assert.equal(r["example-isp.speed-server"].data.httpStatus, 503);
      });
      await t.step("the portal down, then gone", async () => {
        health = { status: "down", components: { login: "down" } };
        assert.equal((await run())["example-isp.portal"].status, "fail");
        await server.shutdown();
        const r = await run();
        assert.equal(r["example-isp.portal"].status, "fail");
        assert.match(String(r["example-isp.portal"].data.error), /refused|connect/i);
        assert.equal(r["example-isp.speed-server"].status, "fail");
      });
    } finally {
      await server.shutdown().catch(() => {});
      await Deno.remove(join(path, ".."), { recursive: true });
    }
  },
});
