import assert from "node:assert/strict";
import { hostInvocation, runInHost } from "./host_spawn.ts";
import type { HostJob } from "./host.ts";
import { toSandboxJs } from "./transpile.ts";
import { workerSource } from "./worker_main.ts";

const NONE = { net: [], read: [], write: [], env: [], run: [] };

function job(code: string, permissions = NONE): HostJob {
  return {
    schema: "kiriwake.plugin-host-job/v1",
    nonce: crypto.randomUUID().replaceAll("-", ""),
    id: "t.x",
    source: workerSource(toSandboxJs(code, "x.ts")),
    permissions,
    start: {
      t: "start",
      id: "t.x",
      lang: "en",
      config: {},
      deps: {},
      softTimeoutMs: 10_000,
      maxResultBytes: 1024 * 1024,
    },
  };
}

const gone = (pid: number) => {
  try {
    Deno.statSync(`/proc/${pid}`);
    return false;
  } catch {
    return true;
  }
};

Deno.test("hostInvocation() gives the host only the declared permissions under deno run", () => {
  const inv = hostInvocation({ ...NONE, net: ["127.0.0.1:80"], env: ["TOKEN"] }, false);
  assert.equal(inv.cmd, Deno.execPath());
  assert.ok(!inv.args.some((a) => a === "-A" || a === "--allow-all"));
  assert.ok(inv.args.includes("--allow-net=127.0.0.1:80"));
  assert.ok(inv.args.includes("--allow-env=KIRIWAKE_CONFIG_DIR,TOKEN"));
  assert.ok(!inv.args.some((a) => /^--allow-(read|write|run|sys|ffi|import)/.test(a)));
  assert.ok(inv.args.includes("--no-prompt"));
  assert.ok(inv.args.includes("--v8-flags=--disallow-code-generation-from-strings"));
  assert.deepEqual(inv.args.slice(-4).slice(1), ["__plugin-host", "--lang", "en"]);
  assert.match(inv.args.at(-4)!, /main\.ts$/);
  assert.equal(inv.env.DENO_V8_FLAGS, "--disallow-code-generation-from-strings");
});

Deno.test("hostInvocation() re-runs the compiled binary itself when standalone", () => {
  const inv = hostInvocation(NONE, true);
  assert.deepEqual(inv, {
    cmd: Deno.execPath(),
    args: ["__plugin-host", "--lang", "en"],
    env: {
      DENO_V8_FLAGS: "--disallow-code-generation-from-strings",
      KIRIWAKE_CONFIG_DIR: "plugin-host",
    },
  });
});

Deno.test({
  name: "runInHost() kills a host whose Worker spins forever",
  ignore: Deno.build.os !== "linux",
  async fn() {
    let pid = 0;
    const t0 = performance.now();
    const out = await runInHost(job("export default () => { for (;;) {} }"), {
      signal: AbortSignal.timeout(1500),
      onFrame() {},
      onSpawn: (p) => void (pid = p),
    });
    assert.equal(out.kind, "killed");
    assert.ok(performance.now() - t0 < 10_000);
    assert.ok(pid > 0 && gone(pid), `host ${pid} is gone`);
  },
});

Deno.test({
  name: "the plugin host exits when the kit goes away, even with a spinning Worker",
  ignore: Deno.build.os !== "linux",
  async fn() {
    const j = job("export default () => { for (;;) {} }");
    const inv = hostInvocation(j.permissions);
    const child = new Deno.Command(inv.cmd, {
      args: inv.args,
      env: inv.env,
      stdin: "piped",
      stdout: "null",
      stderr: "null",
    }).spawn();
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(JSON.stringify(j) + "\n"));
    await new Promise((r) => setTimeout(r, 1000)); // let the Worker start spinning
    await w.close(); // what the OS does when the kit dies
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    const status = await child.status;
    clearTimeout(killer);
    assert.equal(status.signal, null, "exited by itself, not killed");
    assert.equal(status.code, 0);
  },
});

Deno.test("runInHost() ignores stdout lines that pretend to be frames", async () => {
  const fake = `${"0".repeat(32)} {"t":"result","result":{"forged":true},"workerMs":1,"dropped":0}`;
  const out = await runInHost(
    job(`export default () => {
      Deno.stdout.writeSync(new TextEncoder().encode(${JSON.stringify(fake + "\n")}));
      return { real: true };
    }`),
    { signal: AbortSignal.timeout(30_000), onFrame() {} },
  );
  assert.equal(out.kind, "result");
  if (out.kind !== "result") return;
  assert.deepEqual(out.result, { real: true });
  assert.match(out.stray, /forged/);
});
