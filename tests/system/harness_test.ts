import assert from "node:assert/strict";
import { join } from "node:path";
import { judge } from "./judge.ts";
import { deepMerge, topologyConfig } from "./kit_config.ts";
import { runConfigSchema } from "../../probes/config.ts";
import type { ScenarioOutcome } from "./harness.ts";
import type { Scenario } from "./scenario_schema.ts";
import { loadScenarios } from "./scenarios.ts";
import { formatTable, totals } from "./table.ts";
import { ADDRESSES, LINKS, NODES, ROUTES, SERVICES } from "./topology.ts";
import type { Diagnosis, Finding } from "../../diagnosis/schema.ts";

function finding(id: string, over: Partial<Finding> = {}): Finding {
  return {
    id,
    segment: id.split(".")[0] as Finding["segment"],
    severity: "fail",
    confidence: "high",
    title: { ja: id, en: id },
    detail: { ja: "", en: "" },
    advice: { ja: "", en: "" },
    technical: "",
    evidence: [],
    ...over,
  };
}

function diagnosis(findings: Finding[]): Diagnosis {
  const root = findings.find((f) => !f.consequenceOf && f.severity !== "info");
  return {
    headline: {
      segment: root?.segment ?? null,
      finding: root?.id ?? null,
      text: { ja: "", en: "" },
    },
    segments: {} as Diagnosis["segments"],
    findings,
  };
}

Deno.test("judge() accepts the expected headline with its findings and explained consequences", () => {
  const j = judge(
    { headline: "isp", findings: ["isp.unreachable"], allow: [] },
    diagnosis([
      finding("isp.unreachable"),
      finding("dns.all-failed", { consequenceOf: "isp.unreachable" }),
      finding("isp.access-type", { severity: "info" }),
    ]),
  );
  assert.deepEqual(j, {
    correct: true,
    headline: "isp",
    missing: [],
    falseAlarms: [],
    roots: ["isp.unreachable"],
    consequences: 1,
    inconclusive: false,
  });
});

Deno.test("judge() counts an unexplained warning elsewhere as a false alarm", () => {
  const j = judge(
    { headline: "dns", findings: [], allow: [] },
    diagnosis([
      finding("dns.slow", { severity: "warn" }),
      finding("service.slow", { severity: "warn" }),
    ]),
  );
  assert.equal(j.correct, true);
  assert.deepEqual(j.falseAlarms, ["service.slow"]);
});

Deno.test("judge() fails a healthy scenario on any warning, but not on notes", () => {
  const quiet = judge(
    { headline: null, findings: [], allow: [] },
    diagnosis([
      finding("path.hop-rate-limited", { severity: "info" }),
    ]),
  );
  assert.equal(quiet.correct, true);
  const noisy = judge(
    { headline: null, findings: [], allow: [] },
    diagnosis([
      finding("dns.slow", { severity: "warn" }),
    ]),
  );
  assert.deepEqual([noisy.correct, noisy.falseAlarms], [false, ["dns.slow"]]);
});

Deno.test("judge() reports a missing finding and matches repeated ids by their base", () => {
  const j = judge(
    { headline: "service", findings: ["service.http-status"], allow: [] },
    diagnosis([
      finding("service.http-status#2"),
    ]),
  );
  assert.deepEqual([j.correct, j.missing], [true, []]);
  const k = judge(
    { headline: "service", findings: ["service.slow"], allow: [] },
    diagnosis([
      finding("service.http-status"),
    ]),
  );
  assert.deepEqual([k.correct, k.missing], [false, ["service.slow"]]);
});

Deno.test("formatTable() ends with the N/M line and counts false alarms over all runs", () => {
  const scenario = (name: string, headline: Scenario["expect"]["headline"]) =>
    ({ name, expect: { headline, findings: [], allow: [] } }) as unknown as Scenario;
  const run = (correct: boolean, falseAlarms: string[]) => ({
    judgement: {
      correct,
      headline: null,
      missing: [],
      falseAlarms,
      roots: falseAlarms,
      consequences: 0,
      inconclusive: false,
    },
    ms: 1500,
    exitCode: 0,
    dir: "/tmp/x",
  });
  const outcomes: ScenarioOutcome[] = [
    {
      scenario: scenario("baseline", null),
      runs: [run(true, []), run(false, ["dns.slow"])],
      correct: false,
    },
    { scenario: scenario("dns-down", "dns"), runs: [run(true, ["service.slow"])], correct: true },
    { scenario: scenario("broken", "lan"), runs: [], correct: false, error: "no report\nmore" },
    { scenario: scenario("speed", "isp"), runs: [], correct: false, skipped: ["isp.throughput"] },
  ];
  const text = formatTable(outcomes);
  assert.match(text, /^scenario +expected +verdict +findings +time$/m);
  assert.match(
    text,
    /baseline +\(none\) +WRONG \(none\) \(1\/2 runs\) .*false alarm: dns\.slow +3\.0s/,
  );
  assert.match(text, /broken +lan +ERROR +no report +0\.0s/);
  assert.match(text, /speed +isp +skipped +needs isp\.throughput/);
  assert.deepEqual(text.split("\n").slice(-2), [
    "1 scenarios skipped: this build has no isp.throughput",
    "1/3 scenarios correct, 2 false alarms",
  ]);
  assert.deepEqual(totals(outcomes), {
    correct: 1,
    total: 3,
    falseAlarms: 2,
    healthyFalseAlarms: 1,
  });
});

Deno.test("deepMerge() merges objects and replaces arrays", () => {
  assert.deepEqual(
    deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, e: { f: 1 } }),
    { a: { b: 1, c: [3] }, d: 1, e: { f: 1 } },
  );
});

Deno.test("topologyConfig() is a valid run config aimed only at lab addresses", () => {
  const cfg = topologyConfig("/tmp/ca.pem");
  runConfigSchema.parse(cfg);
  const text = JSON.stringify(cfg);
  // Nothing the kit measures in the lab may point outside the plan's private ranges.
  for (const ip of text.match(/\b\d{1,3}(\.\d{1,3}){3}\b/g) ?? []) {
    assert.match(ip, /^(192\.168\.10|10\.64|198\.18)\./, ip);
  }
  for (const host of text.match(/[a-z0-9.-]+\.(test|example|com|net|org|jp)\b/g) ?? []) {
    assert.match(host, /\.test$/, host);
  }
});

Deno.test("the topology plan is consistent: links join known nodes and every node has routes", () => {
  for (const l of LINKS) {
    assert.ok(NODES.includes(l.a) && NODES.includes(l.b));
    assert.ok(ADDRESSES[l.a][l.aDev], `${l.a}/${l.aDev} has addresses`);
    assert.ok(ADDRESSES[l.b][l.bDev], `${l.b}/${l.bDev} has addresses`);
    assert.ok(l.aDev.length <= 15 && l.bDev.length <= 15);
  }
  for (const n of NODES) assert.ok(n === "client" || ROUTES[n].length > 0 || SERVICES[n]);
});

Deno.test("loadScenarios() reads the shipped scenarios: at least 20 faults and a healthy baseline", async () => {
  const all = await loadScenarios(new URL("./scenarios/", import.meta.url).pathname);
  const faults = all.filter((s) => s.expect.headline !== null);
  assert.ok(faults.length >= 20, `${faults.length} fault scenarios`);
  assert.ok(all.some((s) => s.name === "baseline" && s.faults.length === 0));
  for (const seg of ["device", "lan", "isp", "dns", "internet", "service"]) {
    assert.ok(faults.some((s) => s.expect.headline === seg), `a scenario for ${seg}`);
  }
});

Deno.test("loadScenarios() names every broken file and field at once", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(join(dir, "a.json"), JSON.stringify({ description: "x", expect: {} }));
    await Deno.writeTextFile(
      join(dir, "b.json"),
      JSON.stringify({
        description: "y",
        faults: [{ kind: "tc", node: "moon", dev: "eth0", qdisc: "tbf" }],
        expect: { headline: "wan" },
      }),
    );
    await Deno.writeTextFile(join(dir, "c.json"), "{ not json");
    await assert.rejects(loadScenarios(dir), (e: Error) => {
      assert.match(e.message, /a\.json": expect\.headline: /);
      assert.match(e.message, /b\.json": faults\[0\]\.node: .*; expect\.headline: /);
      assert.match(e.message, /c\.json": /);
      return true;
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
