/**
 * Runs scenarios against one lab: for each, reset the topology, inject its faults, run the
 * kit with its config, judge the diagnosis. The CLI (`run_scenarios.ts`) and the Deno test
 * (`scenarios_test.ts`) both drive it.
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BUILTIN_IDS } from "../../probes/mod.ts";
import { judge, type Judgement } from "./judge.ts";
import { deepMerge, topologyConfig } from "./kit_config.ts";
import type { Lab } from "./lab.ts";
import { runKit } from "./run_kit.ts";
import type { Scenario } from "./scenario_schema.ts";

/** The lab CA the HTTPS targets are signed with. */
export const LAB_CA = fileURLToPath(new URL("./pki/ca.pem", import.meta.url));

/** One run of one scenario. */
export interface RunOutcome {
  judgement: Judgement;
  ms: number;
  exitCode: number;
  /** Where the config and the report of this run are. */
  dir: string;
}

/** All runs of one scenario. */
export interface ScenarioOutcome {
  scenario: Scenario;
  runs: RunOutcome[];
  /** True when every run was correct. */
  correct: boolean;
  /** Set when the scenario could not be run (a fault failed to apply, no report). */
  error?: string;
  /** Set when this build lacks probes the scenario needs: their ids. */
  skipped?: string[];
}

/** Options of {@link runScenarios}. */
export interface HarnessOptions {
  lab: Lab;
  scenarios: readonly Scenario[];
  /** Where each run's config and report go. */
  workDir: string;
  /** Overrides the repeat count of healthy scenarios (expected headline null). */
  repeatHealthy?: number;
  /** Called after each scenario, for live output. */
  onOutcome?: (o: ScenarioOutcome) => void;
  /** Stops between scenarios when aborted. */
  signal?: AbortSignal;
  /** Ids of the probes this build has (default: the built-in registry). */
  probeIds?: ReadonlySet<string>;
}

/** Runs every scenario in order; a scenario that breaks is recorded, and the rest still run. */
export async function runScenarios(opts: HarnessOptions): Promise<ScenarioOutcome[]> {
  const configDir = join(opts.workDir, "kiriwake-config");
  const base = topologyConfig(LAB_CA);
  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of opts.scenarios) {
    if (opts.signal?.aborted) break;
    const repeat = scenario.expect.headline === null && opts.repeatHealthy
      ? opts.repeatHealthy
      : scenario.repeat;
    const outcome: ScenarioOutcome = { scenario, runs: [], correct: false };
    const missing = scenario.requires.filter((id) => !(opts.probeIds ?? BUILTIN_IDS).has(id));
    if (missing.length) {
      outcomes.push({ ...outcome, skipped: missing });
      opts.onOutcome?.(outcomes.at(-1)!);
      continue;
    }
    try {
      for (let i = 0; i < repeat && !opts.signal?.aborted; i++) {
        await opts.lab.reset();
        for (const f of scenario.faults) await opts.lab.apply(f);
        const run = await runKit({
          lab: opts.lab,
          config: deepMerge(base, scenario.config),
          dir: join(opts.workDir, repeat > 1 ? `${scenario.name}-${i + 1}` : scenario.name),
          configDir,
        });
        outcome.runs.push({
          judgement: judge(scenario.expect, run.report.diagnosis),
          ms: run.ms,
          exitCode: run.exitCode,
          dir: run.dir,
        });
      }
      outcome.correct = outcome.runs.length === repeat &&
        outcome.runs.every((r) => r.judgement.correct);
    } catch (e) {
      outcome.error = (e as Error).message;
    }
    outcomes.push(outcome);
    opts.onOutcome?.(outcome);
  }
  await opts.lab.reset().catch(() => {});
  return outcomes;
}
