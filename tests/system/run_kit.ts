/**
 * Runs the kit the way a customer would, inside the client namespace: `main.ts run` with
 * the terms accepted non-interactively, every category consented, the scenario's config,
 * and a private config directory. Returns the report it wrote, validated.
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BRAND } from "../../brand/brand.ts";
import { type Report, reportSchema } from "../../report/schema.ts";
import { formatIssues } from "../../util/zod_issues.ts";
import type { Lab } from "./lab.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** One run of the kit. */
export interface KitRun {
  report: Report;
  exitCode: number;
  /** Wall time of the whole process, start-up included. */
  ms: number;
  /** Where the report and the config are. */
  dir: string;
}

/** Options of {@link runKit}. */
export interface KitRunOptions {
  lab: Lab;
  config: Record<string, unknown>;
  /** A fresh directory for this run's config and report. */
  dir: string;
  /** The kit's config directory (terms acceptance), shared across runs. */
  configDir: string;
  /** Kills the kit after this long. */
  timeoutMs?: number;
}

/**
 * Runs the kit once. Requires root (for `ip netns exec`).
 *
 * @throws {Error} when the kit writes no valid report, with its exit code and stderr
 */
export async function runKit(opts: KitRunOptions): Promise<KitRun> {
  await Deno.mkdir(opts.dir, { recursive: true });
  const configFile = join(opts.dir, "config.json");
  const out = join(opts.dir, "out");
  await Deno.writeTextFile(configFile, JSON.stringify(opts.config, null, 2));
  const t0 = performance.now();
  const child = new Deno.Command("ip", {
    args: [
      "netns",
      "exec",
      opts.lab.ns("client"),
      "env",
      `KIRIWAKE_CONFIG_DIR=${opts.configDir}`,
      "LANG=C.UTF-8",
      ...Object.entries(opts.lab.env()).map(([k, v]) => `${k}=${v}`),
      Deno.execPath(),
      "run",
      "-A",
      "--quiet",
      "--unstable-worker-options",
      "--unstable-net",
      "--config",
      join(REPO, "deno.json"),
      join(REPO, "main.ts"),
      "run",
      "--accept-terms",
      BRAND.terms.version,
      "--consent",
      "all",
      "--config",
      configFile,
      "--out",
      out,
      "--json",
      "--quiet",
      "--lang",
      "en",
    ], // deno-fmt-ignore
    cwd: REPO,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 90_000);
  const res = await child.output().finally(() => clearTimeout(timer));
  const ms = Math.round(performance.now() - t0);
  const stderr = new TextDecoder().decode(res.stderr);
  let raw: unknown;
  try {
    raw = JSON.parse(await Deno.readTextFile(join(out, "report.json")));
  } catch (e) {
    throw new Error(
      `The kit wrote no report in "${out}" (exit ${res.code}): ${(e as Error).message}\n${stderr}`,
    );
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`The report in "${out}" is invalid: ${formatIssues(parsed.error.issues)}`);
  }
  return { report: parsed.data, exitCode: res.code, ms, dir: opts.dir };
}
