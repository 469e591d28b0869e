/**
 * Class 1: deep nesting wherever JSON comes from outside — a received report (verify, show,
 * view), a plugin's result and checkpoint (module and command), a config, a manifest, and a
 * manifest's chain of dependencies. Documents are refused (exit 4, one line naming the depth
 * limit); a plugin's result becomes an error and the report is still written.
 *
 * @module
 */
import {
  commandPlugin,
  deepArray,
  manifestOf,
  modulePlugin,
  okResult,
  onlyConfig,
  reportProblem,
  resultIn,
  runArgs,
  validReport,
} from "./fixtures.ts";
import { type Case, clean, expectError, expectExit, type Kit } from "./harness.ts";

const CLS = "1 nesting";

/** A report with `[[[…]]]` planted `depth` deep at `where`. */
async function deepReport(k: Kit, depth: number, where: "data" | "top" | "digest") {
  const r = await validReport();
  const text = JSON.stringify(r);
  const deep = deepArray(depth);
  const planted = where === "data"
    ? text.replace(`"data":{`, `"data":{"deep":${deep},`)
    : where === "top"
    ? text.replace(/^\{/, `{"deep":${deep},`)
    : text.replace(/"digest":\{/, `"digest":{"deep":${deep},`);
  return await k.write("report.json", planted);
}

/** A run of one plugin; clean when it ends with a written report and the plugin as an error. */
async function pluginRun(k: Kit, plugin: ReturnType<typeof modulePlugin>) {
  const manifest = await manifestOf(k, [plugin]);
  const config = await k.write("config.json", onlyConfig([plugin.id]));
  const out = k.path("out");
  const r = await k.run(
    runArgs("--config", config, "--manifest", manifest, "--out", out, "--json"),
    { timeoutMs: 60_000 },
  );
  const bad = expectExit(r, [0, 1]);
  if (bad) return bad;
  const lost = await reportProblem(out);
  if (lost) return { verdict: "loss" as const, detail: lost };
  const res = await resultIn(out, plugin.id);
  if (res?.status === "ok") {
    return { verdict: "crash" as const, detail: "the deep result was accepted" };
  }
  return clean(`${res?.status}: ${res?.error?.message?.slice(0, 120) ?? ""}`);
}

/** The class's cases. */
export function nestingCases(): Case[] {
  const cases: Case[] = [];
  for (const depth of [100, 3000, 30000]) {
    for (const where of ["data", "top", "digest"] as const) {
      for (const cmd of ["verify", "show"] as const) {
        cases.push({
          cls: CLS,
          name: `report ${cmd}: [[…]] ${depth} deep in ${where}`,
          run: async (k) =>
            expectError(await k.run(["report", cmd, await deepReport(k, depth, where)]), 4),
        });
      }
    }
    cases.push({
      cls: CLS,
      name: `view: [[…]] ${depth} deep in a probe's data`,
      run: async (k) =>
        expectError(
          await k.run(["view", "--no-open", await deepReport(k, depth, "data")], {
            timeoutMs: 20_000,
          }),
          4,
        ),
    });
  }
  for (const depth of [3000, 20000]) {
    cases.push({
      cls: CLS,
      name: `module plugin returns [[…]] ${depth} deep`,
      run: (k) =>
        pluginRun(
          k,
          modulePlugin(
            "deep",
            `let v: unknown = []; for (let i = 0; i < ${depth}; i++) v = [v];
            return { status: "ok", summary: { ja: "a", en: "a" }, data: { v } };`,
          ),
        ),
    });
    cases.push({
      cls: CLS,
      name: `command plugin prints [[…]] ${depth} deep`,
      run: async (k) => {
        const file = await k.write("deep.json", okResult(`{"v":${deepArray(depth)}}`));
        return await pluginRun(k, commandPlugin("deep-cmd", `cat >/dev/null; cat '${file}'`));
      },
    });
  }
  cases.push({
    cls: CLS,
    name: "module plugin checkpoints [[…]] 20000 deep, then times out",
    run: (k) =>
      pluginRun(
        k,
        modulePlugin(
          "deep-checkpoint",
          `let v: unknown = []; for (let i = 0; i < 20000; i++) v = [v];
          ctx.checkpoint({ v }); ctx.progress({ note: "checkpointed" }); await new Promise(() => {});`,
          { entry: { timeoutMs: 8000 } },
        ),
      ),
  });
  cases.push({
    cls: CLS,
    name: "config with [[…]] 20000 deep",
    run: async (k) => {
      const config = await k.write("config.json", `{"dns":{"names":${deepArray(20000)}}}`);
      return expectError(await k.run(runArgs("--dry-run", "--config", config)), 4);
    },
  });
  cases.push({
    cls: CLS,
    name: "manifest with [[…]] 20000 deep in a plugin's config",
    run: async (k) => {
      const m = await manifestOf(k, [modulePlugin("x", "return 1;")]);
      const text = (await Deno.readTextFile(m)).replace(`"config": {}`, "").replace(
        /"segment"/,
        `"config": {"deep": ${deepArray(20000)}}, "segment"`,
      );
      await Deno.writeTextFile(m, text);
      return expectError(await k.run(["plugins", "verify", m]), 4);
    },
  });
  cases.push({
    cls: CLS,
    name: "manifest chaining 20000 plugins by dependsOn",
    run: async (k) => {
      const m = await manifestOf(k, [modulePlugin("p0", "return 1;")]);
      const json = JSON.parse(await Deno.readTextFile(m));
      const first = json.probes[0];
      json.probes = Array.from({ length: 20000 }, (_, i) => ({
        ...first,
        id: `t.p${i}`,
        dependsOn: i > 0 ? [`t.p${i - 1}`] : [],
      }));
      await Deno.writeTextFile(m, JSON.stringify(json));
      return expectError(await k.run(["plugins", "verify", m], { timeoutMs: 60_000 }), 4);
    },
  });
  cases.push({
    cls: CLS,
    name: "manifest with a dependency cycle through 150 plugins",
    run: async (k) => {
      const m = await manifestOf(k, [modulePlugin("p0", "return 1;")]);
      const json = JSON.parse(await Deno.readTextFile(m));
      const first = json.probes[0];
      json.probes = Array.from({ length: 150 }, (_, i) => ({
        ...first,
        id: `t.p${i}`,
        dependsOn: [`t.p${(i + 1) % 150}`],
      }));
      await Deno.writeTextFile(m, JSON.stringify(json));
      return expectError(await k.run(["plugins", "verify", m]), 4, /dependency cycle/, 2000);
    },
  });
  return cases;
}
