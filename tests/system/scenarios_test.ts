/**
 * The fault-injection scenarios as a test: builds the lab, runs every scenario of
 * `tests/system/scenarios/`, and fails on any wrong headline or any warning raised on a
 * healthy scenario. Needs root and network namespaces: skipped (with the reason) where
 * they are missing, failed when `CI=true`.
 *
 * `KIRIWAKE_BASELINE_REPEAT` sets how often healthy scenarios run (default 2; the
 * `deno task scenarios --repeat 10` run is the fuller proof).
 *
 * @module
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { runScenarios } from "./harness.ts";
import { createLab } from "./lab.ts";
import { labUnavailable, runPrefix } from "./netns.ts";
import { loadScenarios } from "./scenarios.ts";
import { formatTable, totals } from "./table.ts";
import { generateCases } from "./random_cases.ts";
import { classify, formatRandomTable, summarize } from "./random_table.ts";

const why = await labUnavailable();
const ci = Deno.env.get("CI") === "true";
if (why && !ci) console.log(`Skipping the fault-injection scenarios: ${why}`);

Deno.test({
  name: "scenarios: every injected fault is named by the headline, the healthy lab stays quiet",
  ignore: why !== null && !ci,
  // The kit and the lab's servers are child processes; their pipes are closed on purpose.
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    if (why) throw new Error(`CI needs the fault-injection lab, but ${why}`);
    const scenarios = await loadScenarios(
      fileURLToPath(new URL("./scenarios/", import.meta.url)),
    );
    const repeat = Number(Deno.env.get("KIRIWAKE_BASELINE_REPEAT") ?? "2");
    const workDir = await Deno.makeTempDir({ prefix: "kiriwake-scenarios-" });
    const lab = await createLab(runPrefix());
    let table = "";
    try {
      const outcomes = await runScenarios({ lab, scenarios, workDir, repeatHealthy: repeat });
      table = formatTable(outcomes);
      console.log(table);
      const t = totals(outcomes);
      const wrong = outcomes.filter((o) => !o.correct && !o.skipped).map((o) =>
        `${o.scenario.name}: ${o.error ?? `headline ${o.runs.at(-1)?.judgement.headline}`}`
      );
      assert.deepEqual(wrong, [], `wrong scenarios (reports in ${workDir})`);
      assert.equal(t.healthyFalseAlarms, 0, "warnings on a healthy scenario");
      await Deno.remove(workDir, { recursive: true });
    } finally {
      await lab.close();
    }
  },
});

/** The fixed seed of the CI sample: a resolver answering REFUSED, a proxy refusing CONNECT,
 * loss of large frames at home, loss at the provider (3 %, below the threshold, and 18 %),
 * 94 ms of delay at home, two healthy runs with noise. */
const CI_SEED = 1;

Deno.test({
  name: "scenarios: a fixed-seed random sample names no wrong segment and raises no false alarm",
  ignore: why !== null && !ci,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    if (why) throw new Error(`CI needs the fault-injection lab, but ${why}`);
    const cases = generateCases({ faulted: 6, healthy: 2, seed: CI_SEED });
    const workDir = await Deno.makeTempDir({ prefix: "kiriwake-random-" });
    const lab = await createLab(runPrefix());
    try {
      const results = [];
      for (const c of cases) {
        const [o] = await runScenarios({ lab, scenarios: [c.scenario], workDir });
        results.push(classify(c, o));
      }
      console.log(formatRandomTable(results, CI_SEED));
      const s = summarize(results);
      const wrong = results.filter((r) => r.verdict === "wrong" || r.verdict === "error")
        .map((r) =>
          `${r.case.scenario.name} (${r.case.severityText}): ${r.blamed} ${r.error ?? ""}`
        );
      assert.deepEqual(wrong, [], `wrong segments or false alarms (reports in ${workDir})`);
      assert.equal(s.falseAlarms, 0);
      await Deno.remove(workDir, { recursive: true });
    } finally {
      await lab.close();
    }
  },
});
