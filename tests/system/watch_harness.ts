/**
 * Runs watch scenarios against the lab: for each, reset the topology, put in its noise, start
 * `kiriwake watch` inside the client namespace as a customer would, wait for its first sample,
 * then play the timeline — faults in at `at`, the lab reset at `until` — recording when each
 * change really took effect, and judge the watch report it wrote.
 *
 * @module
 */
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BRAND } from "../../brand/brand.ts";
import { type Report, reportSchema } from "../../report/schema.ts";
import { formatIssues } from "../../util/zod_issues.ts";
import { LAB_CA } from "./harness.ts";
import { deepMerge, topologyConfig } from "./kit_config.ts";
import type { Lab } from "./lab.ts";
import { ADDR } from "./topology.ts";
import { type AppliedWindow, judgeWatch, type WatchJudgement } from "./watch_judge.ts";
import type { WatchScenario } from "./watch_scenario_schema.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** The lab's config for a watch: the topology's, with the provider's host among the anchors. */
export function watchLabConfig(): Record<string, unknown> {
  const base = topologyConfig(LAB_CA);
  return deepMerge(base, {
    ping: {
      anchors: [
        { name: "anchor", address: ADDR.anchor4 },
        { name: "anchor-v6", address: ADDR.anchor6 },
        // The provider's portal: pinging one of the provider's own hosts measures the provider.
        { name: "portal", address: ADDR.providerPortal4 },
      ],
    },
    dns: { names: ["www.example.test"] },
    watch: { jitter: 0.2 },
  });
}

/** One run of one watch scenario. */
export interface WatchOutcome {
  scenario: WatchScenario;
  judgement: WatchJudgement | null;
  report: Report | null;
  ms: number;
  dir: string;
  error?: string;
}

/** Options of {@link runWatchScenarios}. */
export interface WatchHarnessOptions {
  lab: Lab;
  scenarios: readonly WatchScenario[];
  workDir: string;
  onOutcome?: (o: WatchOutcome) => void;
  signal?: AbortSignal;
}

/** Runs each scenario in turn; one that breaks is recorded and the rest still run. */
export async function runWatchScenarios(opts: WatchHarnessOptions): Promise<WatchOutcome[]> {
  const configDir = join(opts.workDir, "kiriwake-config");
  const out: WatchOutcome[] = [];
  for (const scenario of opts.scenarios) {
    if (opts.signal?.aborted) break;
    const dir = join(opts.workDir, `watch-${scenario.name}`);
    const t0 = performance.now();
    let outcome: WatchOutcome;
    try {
      outcome = await runOne(opts.lab, scenario, dir, configDir, opts.signal);
    } catch (e) {
      outcome = {
        scenario,
        judgement: null,
        report: null,
        ms: 0,
        dir,
        error: (e as Error).message,
      };
    }
    outcome.ms = Math.round(performance.now() - t0);
    out.push(outcome);
    opts.onOutcome?.(outcome);
  }
  await opts.lab.reset().catch(() => {});
  return out;
}

async function runOne(
  lab: Lab,
  scenario: WatchScenario,
  dir: string,
  configDir: string,
  signal?: AbortSignal,
): Promise<WatchOutcome> {
  await Deno.mkdir(dir, { recursive: true });
  const config = deepMerge(watchLabConfig(), scenario.config);
  const configFile = join(dir, "config.json");
  await Deno.writeTextFile(configFile, JSON.stringify(config, null, 2));
  const dataDir = join(dir, "data");
  const outDir = join(dir, "out");
  const noise = async () => {
    for (const f of scenario.noise) await lab.apply(f);
  };
  await lab.reset();
  await noise();
  const child = new Deno.Command("ip", {
    args: [
      "netns",
      "exec",
      lab.ns("client"),
      "env",
      `KIRIWAKE_CONFIG_DIR=${configDir}`,
      `KIRIWAKE_DATA_DIR=${dataDir}`,
      "LANG=C.UTF-8",
      Deno.execPath(),
      "run",
      "-A",
      "--quiet",
      "--unstable-worker-options",
      "--unstable-net",
      "--config",
      join(REPO, "deno.json"),
      join(REPO, "main.ts"),
      "watch",
      "--every",
      scenario.every,
      "--for",
      scenario.for,
      "--accept-terms",
      BRAND.terms.version,
      "--consent",
      "all",
      "--config",
      configFile,
      "--out",
      outDir,
      "--json",
      "--lang",
      "en",
    ], // deno-fmt-ignore
    cwd: REPO,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const output = child.output();
  const kill = () => child.kill("SIGTERM");
  signal?.addEventListener("abort", kill, { once: true });
  const applied: AppliedWindow[] = [];
  try {
    const first = await firstSampleAt(join(dataDir, "watch", "history.sqlite"), 120_000);
    for (const w of [...scenario.timeline].sort((a, b) => a.at - b.at)) {
      await sleepUntil(first + w.at * 1000);
      for (const f of w.faults) await lab.apply(f);
      const appliedAt = Date.now();
      await sleepUntil(first + w.until * 1000);
      await lab.reset();
      await noise();
      applied.push({ window: w, appliedAt, clearedAt: Date.now() });
    }
  } finally {
    signal?.removeEventListener("abort", kill);
  }
  const res = await output;
  const stderr = new TextDecoder().decode(res.stderr);
  let raw: unknown;
  try {
    raw = JSON.parse(await Deno.readTextFile(join(outDir, "report.json")));
  } catch (e) {
    throw new Error(
      `The watch wrote no report (exit ${res.code}): ${(e as Error).message}\n${stderr}`,
    );
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid watch report: ${formatIssues(parsed.error.issues)}`);
  }
  const report = parsed.data;
  if (!report.watch) throw new Error("The report has no watch part");
  const jitter = (config.watch as { jitter?: number }).jitter ?? 0.2;
  return {
    scenario,
    judgement: judgeWatch(report.watch, applied, { jitter, allow: scenario.allow }),
    report,
    ms: 0,
    dir,
  };
}

/** Waits for the history's first sample (read-only, beside the running watch); its time, ms. */
async function firstSampleAt(path: string, timeoutMs: number): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const db = new DatabaseSync(path, { readOnly: true });
      try {
        const r = db.prepare("SELECT min(at) AS at FROM samples").get() as { at: number | null };
        if (r?.at) return Number(r.at);
      } finally {
        db.close();
      }
    } catch { /* not created yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The watch took no sample within ${timeoutMs / 1000} s`);
}

function sleepUntil(at: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
}
