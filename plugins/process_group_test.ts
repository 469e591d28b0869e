import assert from "node:assert/strict";
import { join } from "node:path";
import { runConfigSchema } from "../probes/config.ts";
import { runProbes } from "../probes/runner.ts";
import { loadManifest } from "./manifest_load.ts";
import { pluginProbes } from "./mod.ts";
import { killTagged, processGroup, RUN_TAG } from "./process_group.ts";
import { ALLOW_UNSIGNED, type TestPlugin, writeManifest } from "./testing.ts";

/** Pids whose command line holds `marker`. */
function marked(marker: string): number[] {
  const out: number[] = [];
  for (const d of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(d.name)) continue;
    try {
      if (Deno.readTextFileSync(`/proc/${d.name}/cmdline`).includes(marker)) {
        out.push(Number(d.name));
      }
    } catch { /* gone */ }
  }
  return out;
}

async function gone(marker: string): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (marked(marker).length === 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  for (const pid of marked(marker)) Deno.kill(pid, "SIGKILL");
  return false;
}

const linux = Deno.build.os === "linux";

/** Linux with ps (procps), which the sweep for tagged processes uses; CI installs it. */
function withPs(): boolean {
  if (!linux) return false;
  try {
    new Deno.Command("ps", { args: ["--version"], stdout: "null", stderr: "null" }).outputSync();
    return true;
  } catch {
    if (Deno.env.get("CI") === "true") throw new Error("ps (procps) is not installed");
    console.warn("skipped: ps (procps) is not installed");
    return false;
  }
}
const ps = withPs();

Deno.test({
  name: "processGroup() kills the plugin's whole group, and what left it with setsid (Linux)",
  ignore: !ps,
  async fn() {
    const marker = `kwpg${crypto.randomUUID().slice(0, 8)}`;
    const g = processGroup();
    const loop = `sh -c 'while :; do sleep 1; done' ${marker}`;
    const child = new Deno.Command("sh", {
      args: ["-c", `${loop} & setsid ${loop} & echo started; wait`],
      env: g.spawn.env,
      detached: g.spawn.detached,
      stdout: "piped",
      stdin: "null",
    }).spawn();
    g.adopt(child.pid);
    await child.stdout.getReader().read();
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(marked(marker).length >= 2);
    await g.end();
    await child.status;
    g.release();
    assert.ok(await gone(marker), "every process of the group is gone");
  },
});

Deno.test({
  name: "killTagged() kills only the processes carrying the tag",
  ignore: !ps,
  async fn() {
    const tag = `${RUN_TAG}=${crypto.randomUUID()}`;
    // Read by ps, as in the kit (which may not read /proc/PID/environ itself).
    const marker = `kwkt${crypto.randomUUID().slice(0, 8)}`;
    const mine = new Deno.Command("sh", {
      args: ["-c", `sleep 30; : ${marker}`],
      env: { [tag.split("=")[0]]: tag.split("=")[1] },
    }).spawn();
    const other = new Deno.Command("sh", { args: ["-c", `sleep 30; : ${marker}x`] }).spawn();
    await new Promise((r) => setTimeout(r, 100));
    const killed = killTagged(tag); // the shell and its sleep, which inherited the tag
    assert.ok(killed.includes(mine.pid));
    assert.ok(!killed.includes(other.pid));
    assert.equal((await mine.status).signal, "SIGKILL");
    other.kill("SIGKILL");
    await other.status;
  },
});

async function runPlugin(p: TestPlugin, timeoutMs?: number) {
  const dir = await Deno.makeTempDir({ prefix: "kw-pg-" });
  const tmp = join(dir, "tmp");
  await Deno.mkdir(tmp);
  const oldTmp = Deno.env.get("TMPDIR");
  Deno.env.set("TMPDIR", tmp);
  try {
    const manifest = await loadManifest(await writeManifest(dir, [p]), ALLOW_UNSIGNED);
    const config = runConfigSchema.parse({ timeouts: timeoutMs ? { [p.id]: timeoutMs } : {} });
    const t0 = performance.now();
    const out = await runProbes({
      probes: pluginProbes(manifest),
      config,
      lang: "en",
      granted: ["measurements", "network", "device", "identifiers"],
    });
    const ms = performance.now() - t0;
    // After a timeout the probe's own clean-up finishes just after the runner has moved on.
    let left = [...Deno.readDirSync(tmp)];
    for (let i = 0; i < 60 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      left = [...Deno.readDirSync(tmp)];
    }
    return { result: out.results[0], ms, left };
  } finally {
    if (oldTmp === undefined) Deno.env.delete("TMPDIR");
    else Deno.env.set("TMPDIR", oldTmp);
    await Deno.remove(dir, { recursive: true });
  }
}

const OK = `{"status":"ok","summary":{"ja":"a","en":"a"},"data":{}}`;
const cmd = (id: string, script: string): TestPlugin => ({
  id: `t.${id}`,
  file: `${id}.sh`,
  kind: "command",
  code: `cat >/dev/null\n${script}\n`,
  entry: { platforms: ["linux", "darwin"] },
});

Deno.test({
  name: "commandProbe(): nothing a plugin started outlives it, and its copy is removed",
  ignore: !linux,
  async fn() {
    const marker = `kwcp${crypto.randomUUID().slice(0, 8)}`;
    const r = await runPlugin(
      cmd("bg", `sh -c 'while :; do sleep 1; done' ${marker} & echo '${OK}'`),
    );
    assert.equal(r.result.status, "ok", JSON.stringify(r.result.error));
    assert.ok(await gone(marker));
    assert.deepEqual(r.left, []);
  },
});

Deno.test({
  name: "commandProbe(): a timeout ends the plugin and the child holding its stdout, at once",
  ignore: !linux,
  async fn() {
    const marker = `kwto${crypto.randomUUID().slice(0, 8)}`;
    const r = await runPlugin(
      cmd("to", `sh -c 'while :; do sleep 1; done' ${marker} & sleep 1000`),
      800,
    );
    assert.equal(r.result.status, "timeout");
    assert.ok(r.ms < 8000, `${r.ms} ms`);
    assert.ok(await gone(marker));
    assert.deepEqual(r.left, []);
  },
});

Deno.test({
  name: "commandProbe(): the output cap counts what the whole group writes",
  ignore: !linux,
  async fn() {
    const r = await runPlugin(cmd("flood", `(head -c 33554432 /dev/zero | tr '\\0' x) & wait`));
    assert.equal(r.result.status, "error");
    assert.equal(r.result.error?.name, "PluginOutputTooLarge");
  },
});
