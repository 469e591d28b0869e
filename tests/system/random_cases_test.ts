import assert from "node:assert/strict";
import { scenarioSchema } from "./scenario_schema.ts";
import { FAULT_KINDS } from "./fault_kinds.ts";
import { generateCases, isDetectable, mulberry32 } from "./random_cases.ts";
import { classify, formatRandomTable, summarize } from "./random_table.ts";
import type { ScenarioOutcome } from "./harness.ts";
import type { Judgement } from "./judge.ts";

Deno.test("generateCases() draws the same cases from the same seed, and valid scenarios", () => {
  const a = generateCases({ faulted: 40, healthy: 10, seed: 7 });
  const b = generateCases({ faulted: 40, healthy: 10, seed: 7 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, generateCases({ faulted: 40, healthy: 10, seed: 8 }));
  assert.equal(a.filter((c) => c.kind === "healthy").length, 10);
  for (const c of a) {
    const { name: _n, file: _f, ...file } = c.scenario;
    assert.ok(scenarioSchema.safeParse(file).success, c.scenario.name);
    if (c.kind === "healthy") assert.ok(c.noise.length >= 1 && c.scenario.expect.headline === null);
    else assert.equal(c.scenario.expect.headline, c.location);
  }
  // Over a full table, loss is drawn most, and every kind at every place it can be put.
  const full = generateCases({ faulted: 220, healthy: 0, seed: 7 });
  assert.ok(full.filter((c) => c.kind === "loss").length >= 45);
  for (const k of FAULT_KINDS) {
    for (const at of k.locations) {
      assert.ok(full.some((c) => c.kind === k.id && c.location === at), `${k.id} at ${at}`);
    }
  }
});

Deno.test("every fault kind says where it can go and stays within its severity range", () => {
  const rng = mulberry32(3);
  for (const kind of FAULT_KINDS) {
    assert.ok(kind.locations.length > 0, kind.id);
    for (const at of kind.locations) {
      const made = kind.make(at, kind.severity.min, rng);
      assert.ok(made.faults.length > 0, `${kind.id} at ${at} injects nothing`);
      assert.equal(typeof isDetectable(kind, at, kind.severity.max), "boolean");
    }
  }
});

function outcome(headline: Judgement["headline"], extra: Partial<Judgement> = {}): ScenarioOutcome {
  return {
    scenario: {} as ScenarioOutcome["scenario"],
    correct: true,
    runs: [{
      judgement: {
        correct: true,
        headline,
        missing: [],
        falseAlarms: [],
        roots: [],
        consequences: 0,
        inconclusive: false,
        ...extra,
      },
      ms: 5000,
      exitCode: 0,
      dir: "/tmp/x",
    }],
  };
}

Deno.test("classify() and summarize() hold the table to the issue's bar", () => {
  const [loss] = generateCases({ faulted: 40, healthy: 0, seed: 1 }).filter((c) =>
    c.kind === "loss" && c.detectable
  );
  const [healthy] = generateCases({ faulted: 0, healthy: 1, seed: 1 });
  assert.equal(classify(loss, outcome(loss.location)).verdict, "right");
  assert.equal(classify(loss, outcome("dns")).verdict, "wrong");
  assert.equal(classify(loss, outcome(null, { inconclusive: true })).verdict, "inconclusive");
  assert.equal(classify(healthy, outcome(null)).verdict, "right");
  const alarm = classify(healthy, outcome("dns", { falseAlarms: ["dns.slow"] }));
  assert.equal(alarm.verdict, "wrong");
  const s = summarize([classify(loss, outcome(loss.location)), alarm]);
  assert.deepEqual([s.falseAlarms, s.passed], [1, false]);
  const text = formatRandomTable([classify(loss, outcome(loss.location))], 1);
  assert.match(text, /expected \\ blamed/);
  assert.match(text, /PASSED/);
});

Deno.test("formatRandomTable() says how often path.loss measured more and what it cost", () => {
  const [loss] = generateCases({ faulted: 40, healthy: 0, seed: 1 }).filter((c) =>
    c.kind === "loss"
  );
  const r = { ...classify(loss, outcome(loss.location)), adaptive: { rounds: 2, usedMs: 4300 } };
  const quiet = { ...classify(loss, outcome(loss.location)), adaptive: { rounds: 0, usedMs: 0 } };
  assert.match(
    formatRandomTable([r, quiet], 1),
    /measured more \(faulted\): 1 of 2 runs, extra time median 4\.3 s, max 4\.3 s/,
  );
});
