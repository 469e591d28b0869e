import assert from "node:assert/strict";
import type { ProbeResult } from "../../probes/types.ts";
import { diagnose } from "../diagnose.ts";
import { pluginResults } from "./plugin.ts";

function result(id: string, status: ProbeResult["status"], source = "acme"): ProbeResult {
  return {
    id,
    title: { ja: "ポータル", en: "Portal" },
    segment: "service",
    status,
    summary: { ja: "停止中", en: "down" },
    startedAt: "2026-11-24T09:00:00.000Z",
    durationMs: 5,
    data: {},
    evidence: [],
    source,
    ...(status === "error" ? { error: { name: "PluginCrashed", message: "boom" } } : {}),
  };
}

const input = (...rs: ProbeResult[]) => ({ results: new Map(rs.map((r) => [r.id, r])) });

Deno.test("pluginResults() turns a plugin's fail into a finding of its segment", () => {
  const [f] = pluginResults(input(result("acme.portal", "fail")));
  assert.equal(f.id, "service.plugin.acme.portal");
  assert.equal(f.severity, "fail");
  assert.equal(f.segment, "service");
  assert.equal(f.title.en, "Portal: down");
});

Deno.test("pluginResults() notes a plugin that could not measure, and ignores ok and built-ins", () => {
  const fs = pluginResults(input(
    result("acme.portal", "error"),
    result("acme.ok", "ok"),
    result("http.timing", "fail", "builtin"),
  ));
  assert.deepEqual(fs.map((f) => [f.id, f.severity]), [
    ["service.plugin-not-measured.acme.portal", "info"],
  ]);
  assert.match(fs[0].technical, /PluginCrashed: boom/);
});

Deno.test("diagnose(): a plugin's verdict moves its segment like a built-in's", () => {
  assert.equal(diagnose([result("acme.ok", "ok")]).segments.service.verdict, "ok");
  assert.equal(diagnose([result("acme.w", "warn")]).segments.service.verdict, "warn");
  const d = diagnose([result("acme.portal", "fail")]);
  assert.equal(d.segments.service.verdict, "fail");
  assert.equal(d.headline.finding, "service.plugin.acme.portal");
  assert.equal(diagnose([result("acme.portal", "error")]).segments.service.verdict, "unknown");
});
