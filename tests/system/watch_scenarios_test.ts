/**
 * The watch group's short sample as a test (the scenarios marked `ci`: a 2.5-minute watch with
 * an access-line outage and a DNS outage): builds the lab, plays the timeline, and fails
 * unless each window is found within one interval, attributed to its segment, with no other
 * event. The full group (`deno task scenarios --group watch`, ~25 min, including the healthy
 * ten minutes) is run by hand. Skipped without root; failed when `CI=true`.
 *
 * @module
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { createLab } from "./lab.ts";
import { labUnavailable, runPrefix } from "./netns.ts";
import { runWatchScenarios } from "./watch_harness.ts";
import { loadWatchScenarios, watchTable } from "./watch_scenarios.ts";

const why = await labUnavailable();
const ci = Deno.env.get("CI") === "true";
if (why && !ci) console.log(`Skipping the watch scenarios: ${why}`);

Deno.test({
  name: "watch scenarios (CI sample): each fault window found within one interval, in its segment",
  ignore: why !== null && !ci,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    if (why) throw new Error(`CI needs the fault-injection lab, but ${why}`);
    const all = await loadWatchScenarios(
      fileURLToPath(new URL("./scenarios/watch/", import.meta.url)),
    );
    const scenarios = all.filter((s) => s.ci);
    assert.ok(scenarios.length > 0, "no watch scenario is marked ci");
    const workDir = await Deno.makeTempDir({ prefix: "kiriwake-watch-scenarios-" });
    const lab = await createLab(runPrefix());
    try {
      const outcomes = await runWatchScenarios({ lab, scenarios, workDir });
      console.log(watchTable(outcomes));
      const wrong = outcomes.filter((o) => !o.judgement?.correct).map((o) => o.scenario.name);
      // The table goes into the message too: CI may show only the failure, not the log.
      assert.deepEqual(
        wrong,
        [],
        `wrong watch scenarios (reports in ${workDir}):\n${watchTable(outcomes)}`,
      );
      await Deno.remove(workDir, { recursive: true });
    } finally {
      await lab.close();
    }
  },
});
