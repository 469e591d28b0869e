/**
 * The adversarial census: runs every case (or one class) against a checkout of the kit and
 * prints what each ended as and the counts per class — the "before and after" of issue 19.
 *
 * ```sh
 * deno task adversarial                          # this checkout
 * deno task adversarial --root ../before --json  # another checkout (e.g. main before the fix)
 * deno task adversarial --class "4 groups" --parallel 1
 * deno task adversarial --fuzz --root ../before     # the property fuzzers instead
 * ```
 *
 * @module
 */
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { allCases } from "./cases.ts";
import { validReport } from "./fixtures.ts";
import { fuzzConfigs, fuzzManifests, fuzzReports, targetsFrom } from "./fuzz.ts";
import { HERE, type Outcome, runCases, tally } from "./harness.ts";

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      root: { type: "string" },
      class: { type: "string" },
      parallel: { type: "string" },
      json: { type: "boolean" },
      quiet: { type: "boolean" },
      fuzz: { type: "boolean" },
      runs: { type: "string" },
    },
  });
  const root = resolve(values.root ?? HERE);
  if (values.fuzz) {
    const t = await targetsFrom(root);
    const dir = await Deno.makeTempDir({ prefix: "kw-fuzz-" });
    const runs = values.runs ? Number(values.runs) : undefined;
    const results = await Promise.all([
      ...fuzzReports(t, JSON.stringify(await validReport()), runs),
      ...fuzzConfigs(t, dir, runs),
      ...fuzzManifests(t, dir, runs),
    ]);
    await Deno.remove(dir, { recursive: true });
    if (values.json) console.log(JSON.stringify({ root, results }, null, 2));
    else {
      for (const r of results) {
        console.log(
          `${r.failure ? "FAILED" : "held  "} ${r.name} (${r.runs} runs)${
            r.failure ? `: ${r.failure}` : ""
          }`,
        );
      }
    }
    Deno.exit(0);
  }
  const cases = allCases().filter((c) => !values.class || c.cls.startsWith(values.class));
  const t0 = performance.now();
  const outcomes: Outcome[] = await runCases(
    cases,
    root,
    Number(values.parallel ?? 2),
    (c, o) => {
      if (!values.quiet && !values.json) {
        console.error(
          `${o.verdict.padEnd(5)} [${c.cls}] ${c.name}${o.detail ? ` — ${o.detail}` : ""}`,
        );
      }
    },
  );
  const classes = [...new Set(cases.map((c) => c.cls))];
  const byClass = Object.fromEntries(
    classes.map((cls) => [cls, tally(outcomes.filter((_, i) => cases[i].cls === cls))]),
  );
  const summary = {
    root,
    seconds: Math.round((performance.now() - t0) / 1000),
    total: tally(outcomes),
    byClass,
    cases: cases.map((c, i) => ({ cls: c.cls, name: c.name, ...outcomes[i] })),
  };
  if (values.json) console.log(JSON.stringify(summary, null, 2));
  else {
    console.log(`root ${root} (${summary.seconds} s)`);
    console.log("class                 tried clean crash hang loss leak");
    for (const [cls, t] of [...Object.entries(byClass), ["all", summary.total] as const]) {
      console.log(
        `${cls.padEnd(21)} ${
          [t.tried, t.clean, t.crash, t.hang, t.loss, t.leak].map((n) => String(n).padStart(5))
            .join("")
        }`,
      );
    }
  }
}
