/**
 * `deno task scenarios [DIR] [--group snapshot|watch|all] [--repeat N] [--only NAME,…] [--keep]`:
 * builds the lab, runs the scenario files of DIR (default `tests/system/scenarios/`) against it
 * and prints the table. Exits 0 when every scenario is correct and the healthy ones raised
 * nothing, else 1.
 *
 * - `--group watch`: the watch scenarios of `scenarios/watch/` instead (faults that come and
 *   go during a compressed-time `kiriwake watch`; about 25 minutes); `all`: both groups.
 * - `--repeat N`: run each healthy scenario N times (the baseline must stay quiet each time).
 * - `--only a,b`: run only the scenarios with these names.
 * - `--keep`: keep every run's config and report (kept anyway when something is wrong).
 * - `--random N --seed S [--healthy M]`: instead of the files, N randomised faults and M
 *   (default N/4) healthy runs with noise, drawn from seed S (`random_cases.ts`); prints the
 *   randomised table (`random_table.ts`) and exits 0 when it meets the bar.
 *
 * Needs root. Ctrl-C stops after removing everything the lab made.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { runScenarios, type ScenarioOutcome } from "./harness.ts";
import { createLab, type Lab } from "./lab.ts";
import { labUnavailable, runPrefix } from "./netns.ts";
import { loadScenarios } from "./scenarios.ts";
import { formatTable, row, totals } from "./table.ts";
import { join } from "node:path";
import { generateCases } from "./random_cases.ts";
import { classify, formatRandomTable, type RandomResult, summarize } from "./random_table.ts";
import { runWatchScenarios, type WatchOutcome } from "./watch_harness.ts";
import { loadWatchScenarios, watchRow, watchTable } from "./watch_scenarios.ts";

const DEFAULT_DIR = fileURLToPath(new URL("./scenarios/", import.meta.url));
const WATCH_DIR = fileURLToPath(new URL("./scenarios/watch/", import.meta.url));

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      repeat: { type: "string" },
      only: { type: "string" },
      keep: { type: "boolean" },
      random: { type: "string" },
      seed: { type: "string" },
      healthy: { type: "string" },
      group: { type: "string" },
    },
  });
  if (values.random !== undefined) {
    const n = Number(values.random);
    const seed = Number(values.seed ?? "1");
    const healthy = values.healthy === undefined ? Math.ceil(n / 4) : Number(values.healthy);
    if (![n, seed, healthy].every((x) => Number.isInteger(x) && x >= 0)) {
      console.error("--random, --seed and --healthy must be whole numbers of 0 or more");
      return 2;
    }
    return await runRandom(n, healthy, seed, values.keep === true);
  }
  const group = values.group ?? "snapshot";
  if (!["snapshot", "watch", "all"].includes(group)) {
    console.error(`--group must be snapshot, watch or all: "${group}"`);
    return 2;
  }
  const repeat = values.repeat === undefined ? undefined : Number(values.repeat);
  if (repeat !== undefined && (!Number.isInteger(repeat) || repeat < 1)) {
    console.error(`--repeat must be a positive whole number: "${values.repeat}"`);
    return 2;
  }
  let scenarios = group === "watch" ? [] : await loadScenarios(positionals[0] ?? DEFAULT_DIR);
  let watches = group === "snapshot" ? [] : await loadWatchScenarios(WATCH_DIR);
  if (values.only) {
    const names = new Set(values.only.split(","));
    const unknown = [...names].filter((n) =>
      !scenarios.some((s) => s.name === n) && !watches.some((s) => s.name === n)
    );
    if (unknown.length) {
      console.error(`--only: no scenario named ${unknown.map((n) => `"${n}"`).join(", ")}`);
      return 2;
    }
    scenarios = scenarios.filter((s) => names.has(s.name));
    watches = watches.filter((s) => names.has(s.name));
  }
  const why = await labUnavailable();
  if (why) {
    console.error(`Cannot run the scenarios: ${why}`);
    return 1;
  }

  const workDir = await Deno.makeTempDir({ prefix: "kiriwake-scenarios-" });
  const controller = new AbortController();
  let lab: Lab | null = null;
  const stop = async () => {
    controller.abort();
    await lab?.close();
    console.error(`\nInterrupted: the lab was removed; the runs so far are in ${workDir}`);
    Deno.exit(130);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
  const t0 = performance.now();
  let outcomes: ScenarioOutcome[] = [];
  let watchOutcomes: WatchOutcome[] = [];
  try {
    lab = await createLab(runPrefix());
    console.error(
      `Lab ready in ${((performance.now() - t0) / 1000).toFixed(1)}s; runs in ${workDir}`,
    );
    outcomes = await runScenarios({
      lab,
      scenarios,
      workDir,
      repeatHealthy: repeat,
      signal: controller.signal,
      onOutcome: (o) => console.error(row(o).join(" | ")),
    });
    watchOutcomes = await runWatchScenarios({
      lab,
      scenarios: watches,
      workDir,
      signal: controller.signal,
      onOutcome: (o) => console.error(watchRow(o).join(" | ")),
    });
  } finally {
    await lab?.close();
    Deno.removeSignalListener("SIGINT", stop);
    Deno.removeSignalListener("SIGTERM", stop);
  }
  if (scenarios.length) console.log(formatTable(outcomes));
  if (watches.length) console.log(watchTable(watchOutcomes));
  const t = totals(outcomes);
  const good = t.correct === t.total && t.healthyFalseAlarms === 0 &&
    watchOutcomes.every((o) => o.judgement?.correct);
  console.log(`total time ${((performance.now() - t0) / 1000).toFixed(1)}s`);
  if (good && !values.keep) await Deno.remove(workDir, { recursive: true });
  else console.log(`configs and reports kept in ${workDir}`);
  return good ? 0 : 1;
}

/** Builds the lab, runs the generated cases, prints the randomised table. */
async function runRandom(n: number, healthy: number, seed: number, keep: boolean): Promise<number> {
  const why = await labUnavailable();
  if (why) {
    console.error(`Cannot run the scenarios: ${why}`);
    return 1;
  }
  const cases = generateCases({ faulted: n, healthy, seed });
  const workDir = await Deno.makeTempDir({ prefix: "kiriwake-random-" });
  const controller = new AbortController();
  let lab: Lab | null = null;
  const stop = async () => {
    controller.abort();
    await lab?.close();
    console.error(`\nInterrupted: the lab was removed; the runs so far are in ${workDir}`);
    Deno.exit(130);
  };
  Deno.addSignalListener("SIGINT", stop);
  const results: RandomResult[] = [];
  const t0 = performance.now();
  try {
    lab = await createLab(runPrefix());
    for (const c of cases) {
      if (controller.signal.aborted) break;
      const [o] = await runScenarios({
        lab,
        scenarios: [c.scenario],
        workDir,
        signal: controller.signal,
      });
      const r = { ...classify(c, o), adaptive: await adaptiveOf(o.runs[0]?.dir) };
      results.push(r);
      console.error(
        `${results.length}/${cases.length} ${c.scenario.name} ${c.severityText}` +
          `${c.noise.length ? ` + ${c.noise.join(", ")}` : ""}: ${r.verdict} (${r.blamed})` +
          ` ${(r.ms / 1000).toFixed(1)}s${r.roots.length ? ` [${r.roots.join(", ")}]` : ""}`,
      );
      await Deno.writeTextFile(
        join(workDir, "results.json"),
        JSON.stringify(
          results.map((x) => ({ ...x, case: { ...x.case, scenario: undefined } })),
          null,
          1,
        ),
      );
    }
  } finally {
    await lab?.close();
    Deno.removeSignalListener("SIGINT", stop);
  }
  console.log(formatRandomTable(results, seed));
  console.log(
    `total time ${
      ((performance.now() - t0) / 1000).toFixed(1)
    }s; results in ${workDir}/results.json`,
  );
  const passed = summarize(results).passed;
  if (passed && !keep) {
    for (const r of results) {
      if (r.dir) await Deno.remove(r.dir, { recursive: true }).catch(() => {});
    }
  }
  return passed ? 0 : 1;
}

/** What `path.loss` added in the run kept in `dir`: its extra rounds and their time. */
async function adaptiveOf(dir: string | undefined): Promise<RandomResult["adaptive"]> {
  if (!dir) return null;
  try {
    const report = JSON.parse(await Deno.readTextFile(join(dir, "out", "report.json")));
    const a = report.probes.find((p: { id: string }) => p.id === "path.loss")?.data?.adaptive;
    return a ? { rounds: a.rounds, usedMs: a.usedMs } : null;
  } catch {
    return null;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
