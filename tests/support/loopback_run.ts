/**
 * Starts the loopback targets, writes a run config aimed at them (with `extra` merged in),
 * runs the real kit against it in a separate process, and stops the targets. Also a script:
 * `deno run -A tests/support/loopback_run.ts JSON` runs the same inside whatever namespace
 * it was started in and prints the outcome as JSON (used from `unshare`).
 *
 * @module
 */
import { join } from "node:path";
import { type KitOutput, runKit } from "./kit.ts";
import { startLoopbackTargets } from "./loopback_targets.ts";

/**
 * Keeps Deno's module cache the test's own when a test plants another HOME for the kit, so
 * nothing is fetched or compiled again.
 */
export function denoCacheEnv(): Record<string, string> {
  const set = Deno.env.get("DENO_DIR");
  if (set) return { DENO_DIR: set };
  const home = Deno.env.get("HOME");
  if (Deno.build.os !== "linux" || !home) return {};
  return { DENO_DIR: join(Deno.env.get("XDG_CACHE_HOME") ?? join(home, ".cache"), "deno") };
}

/** What to run. */
export interface LoopbackRun {
  /** Where to write the config file. */
  configPath: string;
  /** Arguments after `run` (without `--config`). */
  args: string[];
  env: Record<string, string>;
  /** Added to the targets' config (e.g. a planted target name). */
  extra?: (config: Record<string, unknown>) => void;
}

/** The kit's output, and what this process saw of the machine. */
export interface LoopbackOutcome {
  kit: KitOutput;
  seen: { hostname: string; interfaces: { mac: string; address: string }[] };
}

/** Runs the kit once against fresh loopback targets. */
export async function runAgainstLoopback(run: LoopbackRun): Promise<LoopbackOutcome> {
  const targets = await startLoopbackTargets();
  try {
    const config = structuredClone(targets.config);
    run.extra?.(config);
    await Deno.writeTextFile(run.configPath, JSON.stringify(config));
    const kit = await runKit(["run", "--config", run.configPath, ...run.args], {
      env: { ...denoCacheEnv(), ...run.env },
    });
    const seen = {
      hostname: Deno.hostname(),
      interfaces: Deno.networkInterfaces().map((i) => ({ mac: i.mac, address: i.address })),
    };
    return { kit, seen };
  } finally {
    await targets.close();
  }
}

if (import.meta.main) {
  const run = JSON.parse(Deno.args[0]) as LoopbackRun & { tcpName?: string; httpPath?: string };
  const outcome = await runAgainstLoopback({
    ...run,
    extra: (c) => plant(c, run.tcpName, run.httpPath),
  });
  console.log(JSON.stringify(outcome));
}

/** Puts planted values where the report copies config: a target name and a URL path. */
export function plant(config: Record<string, unknown>, tcpName?: string, httpPath?: string) {
  const c = config as {
    tcp: { targets: { name: string }[] };
    http: { targets: { name?: string; url: string }[] };
  };
  if (tcpName) c.tcp.targets[0].name = tcpName;
  if (httpPath) {
    const t = c.http.targets.find((x) => x.url.startsWith("http://"))!;
    t.url = new URL(httpPath, t.url).href;
  }
}
