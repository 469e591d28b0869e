/**
 * The fuzzers of `fuzz.ts` against this checkout, with fixed seeds (CI runs them as they
 * are; `deno task adversarial --fuzz --root DIR` runs them against another checkout).
 */
import assert from "node:assert/strict";
import { validReport } from "./fixtures.ts";
import { fuzzConfigs, fuzzManifests, fuzzReports, type FuzzResult, targetsFrom } from "./fuzz.ts";
import { HERE } from "./harness.ts";

function held(results: FuzzResult[]) {
  for (const r of results) assert.equal(r.failure, null, `${r.name}: ${r.failure}`);
}

Deno.test("fuzz: the report verifier refuses or accepts exactly what was sealed", async () => {
  const t = await targetsFrom(HERE);
  held(await Promise.all(fuzzReports(t, JSON.stringify(await validReport()))));
});

Deno.test("fuzz: the config loader gives a config of hosts and bounded durations, or one error", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kw-fuzz-config-" });
  try {
    held(await Promise.all(fuzzConfigs(await targetsFrom(HERE), dir)));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("fuzz: the manifest loader gives a manifest or one error", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kw-fuzz-manifest-" });
  try {
    held(await Promise.all(fuzzManifests(await targetsFrom(HERE), dir)));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
