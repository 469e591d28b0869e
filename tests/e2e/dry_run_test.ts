/**
 * The dry run, as a customer would start it: a separate process of the real kit. It must
 * send no traffic at all: the counting targets of its config see nothing, and it runs the
 * same with network, subprocess and write permissions denied.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { startCountingTargets } from "../support/counting_targets.ts";
import { MAIN, runKit } from "../support/kit.ts";
import { denoCacheEnv } from "../support/loopback_run.ts";

Deno.test("kiriwake run --dry-run sends nothing and needs no network, run or write permission", async () => {
  const targets = await startCountingTargets();
  const base = await Deno.makeTempDir({ prefix: "kw-dry-" });
  try {
    const config = join(base, "config.json");
    await Deno.writeTextFile(config, JSON.stringify(targets.config));
    const env = { ...denoCacheEnv(), KIRIWAKE_CONFIG_DIR: join(base, "cfg"), HOME: base };
    const args = ["run", "--dry-run", "--config", config, "--out", join(base, "out"), "--json"];
    const full = await runKit(args, { env });
    assert.equal(full.code, 0, full.stderr);
    assert.equal(JSON.parse(full.stdout).dryRun, true);
    const perms = [
      "--deny-net",
      "--deny-run",
      "--deny-write",
      "--allow-read",
      "--allow-env",
      "--allow-sys",
    ];
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", ...perms, MAIN, ...args],
      env: { NO_COLOR: "1", ...env },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    const denied = {
      code: out.code,
      stdout: new TextDecoder().decode(out.stdout),
      stderr: new TextDecoder().decode(out.stderr),
    };
    assert.equal(denied.code, 0, denied.stderr);
    assert.deepEqual(JSON.parse(denied.stdout).probes, JSON.parse(full.stdout).probes);
    assert.deepEqual(targets.counts(), { tcp: 0, http: 0, dns: 0 });
    assert.deepEqual([...Deno.readDirSync(base)].map((e) => e.name), ["config.json"]);
  } finally {
    await targets.close();
    await Deno.remove(base, { recursive: true });
  }
});
