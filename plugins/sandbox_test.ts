import assert from "node:assert/strict";
import { z } from "zod";
import { runConfigSchema } from "../probes/config.ts";
import { runProbes } from "../probes/runner.ts";
import type { Probe } from "../probes/types.ts";
import { loadManifest } from "./manifest_load.ts";
import { pluginProbes, pluginSourceOf } from "./mod.ts";
import { ALLOW_UNSIGNED, hostilePlugins, writeManifest } from "./testing.ts";

const builtinLike: Probe = {
  id: "fake.builtin",
  title: { ja: "組み込み", en: "built-in" },
  description: { ja: "組み込み", en: "built-in" },
  segment: "device",
  dataCategories: [],
  dependsOn: [],
  timeoutMs: 1000,
  platforms: ["linux", "darwin", "windows"],
  schema: z.record(z.string(), z.unknown()),
  run: () => Promise.resolve({ status: "ok", summary: { ja: "良", en: "fine" }, data: {} }),
};

Deno.test({
  name: "plugin probes: every hostile plugin yields a clear result and the others finish",
  ignore: Deno.build.os === "windows",
  async fn() {
    const allowed = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      () => new Response("allowed"),
    );
    const other = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      () => new Response("other"),
    );
    const dir = await Deno.makeTempDir({ prefix: "kw-sandbox-" });
    Deno.env.set("KW_PLUGIN_TEST", "declared-value");
    try {
      const { plugins, expect } = hostilePlugins(allowed.addr.port, other.addr.port);
      const manifest = await loadManifest(await writeManifest(dir, plugins), ALLOW_UNSIGNED);
      const t0 = performance.now();
      const out = await runProbes({
        probes: [builtinLike, ...pluginProbes(manifest)],
        config: runConfigSchema.parse({ concurrency: 4 }),
        lang: "en",
        granted: ["device", "network", "identifiers", "measurements"],
        sourceOf: pluginSourceOf(manifest),
      });
      const wall = performance.now() - t0;
      const byId = new Map(out.results.map((r) => [r.id, r]));
      assert.equal(byId.get("fake.builtin")?.status, "ok");
      assert.equal(byId.get("fake.builtin")?.source, "builtin");
      for (const [id, want] of Object.entries(expect)) {
        const r = byId.get(id);
        assert.ok(r, `${id} has a result`);
        const seen = `${id}: ${r.status} ${r.error?.name ?? ""} ${r.error?.message ?? ""}`;
        assert.equal(r.status, want.status, seen);
        assert.equal(r.source, "t", seen);
        if (want.errorName) assert.equal(r.error?.name, want.errorName, seen);
        if (want.message) assert.match(r.error?.message ?? "", want.message, seen);
      }
      assert.equal(byId.get("t.good")?.data.status, 200);
      // A clean environment: HOME is not passed on, the declared variable is.
      assert.deepEqual(byId.get("t.cmd-good")?.data, { home: "", declared: "declared-value" });
      // Bounded: the two 1.5 s loops and everything else, four at a time, well within a minute.
      assert.ok(wall < 60_000, `took ${wall} ms`);
    } finally {
      Deno.env.delete("KW_PLUGIN_TEST");
      await Promise.all([allowed.shutdown(), other.shutdown()]);
      await Deno.remove(dir, { recursive: true });
    }
  },
});
