/**
 * End to end: `main.ts run` with a manifest of hostile plugins, a real example plugin and the
 * built-in probes against loopback targets. Every hostile plugin yields a clear error naming
 * it and the cause, the other probes finish, and a verifiable report is written.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hostilePlugins, writeManifest } from "../../plugins/testing.ts";
import { readVerifiedReport } from "../../report/verify.ts";
import { BRAND } from "../../brand/brand.ts";
import { startLoopbackTargets } from "../support/loopback_targets.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

Deno.test({
  name: "main.ts run with hostile plugins still writes a report with every result",
  ignore: Deno.build.os === "windows",
  async fn() {
    const targets = await startLoopbackTargets();
    const portal = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      (req) =>
        new URL(req.url).pathname === "/health"
          ? Response.json({ status: "down", components: { login: "down" } })
          : new Response("other"),
    );
    const dir = await Deno.makeTempDir({ prefix: "kw-e2e-plugins-" });
    try {
      const port = portal.addr.port;
      const { plugins, expect } = hostilePlugins(port, targets.httpPort);
      plugins.push({
        id: "t.portal",
        file: "portal_health.ts",
        kind: "module",
        code: await Deno.readTextFile(join(ROOT, "plugins/examples/portal_health.ts")),
        entry: { config: { url: `http://127.0.0.1:${port}/health` } },
        spec: { permissions: { net: [`127.0.0.1:${port}`] } },
      });
      const manifest = await writeManifest(dir, plugins);
      const config = join(dir, "config.json");
      await Deno.writeTextFile(config, JSON.stringify(targets.config));
      const out = join(dir, "out");
      const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "--allow-net",
          "--allow-read",
          "--allow-write",
          "--allow-run",
          "--allow-env",
          "--allow-sys",
          "--unstable-worker-options",
          join(ROOT, "main.ts"),
          "run",
          "--accept-terms",
          BRAND.terms.version,
          "--consent",
          "all",
          "--config",
          config,
          "--manifest",
          manifest,
          "--out",
          out,
          "--json",
          "--lang",
          "en",
        ],
        cwd: ROOT,
        env: { KIRIWAKE_CONFIG_DIR: join(dir, "cfg"), KW_PLUGIN_TEST: "declared-value" },
      }).output();
      const err = new TextDecoder().decode(stderr);
      assert.equal(code, 1, `exit 1 (a fault found); stderr:\n${err}`);
      assert.match(err, /Plugins: 21 from Test publisher/);
      assert.match(err, /Running unsigned plugins/);
      const summary = JSON.parse(new TextDecoder().decode(stdout));
      const report = await readVerifiedReport(summary.report);
      assert.equal(report.partial, false);
      const byId = new Map(report.probes.map((r) => [r.id, r]));
      for (const id of ["dns.resolve", "tcp.connect", "http.timing"]) {
        assert.equal(byId.get(id)?.status, "ok", `${id}: ${JSON.stringify(byId.get(id)?.reason)}`);
        assert.equal(byId.get(id)?.source, "builtin");
      }
      for (const [id, want] of Object.entries(expect)) {
        const r = byId.get(id)!;
        const seen = `${id}: ${r?.status} ${r?.error?.name ?? ""} ${r?.error?.message ?? ""}`;
        assert.equal(r.status, want.status, seen);
        assert.equal(r.source, "t");
        if (want.errorName) assert.equal(r.error?.name, want.errorName, seen);
        if (want.message) assert.match(r.error?.message ?? "", want.message, seen);
      }
      // The example plugin's fail is a finding of its segment, and the headline.
      assert.equal(byId.get("t.portal")?.status, "fail");
      assert.equal(report.diagnosis.segments.service.verdict, "fail");
      assert.ok(report.diagnosis.segments.service.findings.includes("service.plugin.t.portal"));
      assert.equal(report.diagnosis.headline.finding, "service.plugin.t.portal");
      assert.ok(
        report.diagnosis.findings.some((f) =>
          f.id === "service.plugin-not-measured.t.read-passwd" && f.severity === "info"
        ),
      );
      for (const s of ["dns", "internet"] as const) {
        assert.equal(report.diagnosis.segments[s].verdict, "ok", s);
      }
    } finally {
      await portal.shutdown();
      await targets.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
