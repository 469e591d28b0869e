/**
 * Class 10, the smaller ones: a broken stdout or stderr does not stop a run; thousands of
 * invalid entries give one short line; `--quiet` still says where the report is; a
 * manifest's plugin file cannot lie outside its folder.
 *
 * @module
 */
import { join } from "node:path";
import { commandPlugin, manifestOf, onlyConfig, reportProblem, runArgs } from "./fixtures.ts";
import { type Case, clean, expectError, expectExit, type Kit, type RunOpts } from "./harness.ts";

const CLS = "10 small";

async function runWith(k: Kit, opts: RunOpts, json = true) {
  const config = await k.write("c.json", onlyConfig(["system.info"]));
  const out = k.path("out");
  const r = await k.run(
    runArgs("--config", config, "--out", out, ...(json ? ["--json"] : [])),
    opts,
  );
  const bad = expectExit(r, [0, 1]);
  if (bad) return bad;
  const lost = await reportProblem(out);
  return lost ? { verdict: "loss" as const, detail: lost } : clean();
}

/** The class's cases. */
export function smallCases(): Case[] {
  return [
    {
      cls: CLS,
      name: "run with stdout on /dev/full",
      run: (k) => runWith(k, { stdout: "full" }),
    },
    {
      cls: CLS,
      name: "run with stderr on /dev/full",
      run: (k) => runWith(k, { stderr: "full" }, false),
    },
    {
      cls: CLS,
      name: "run with stdout and stderr on /dev/full",
      run: (k) => runWith(k, { stdout: "full", stderr: "full" }),
    },
    {
      cls: CLS,
      name: "a manifest with 20,000 invalid probes",
      run: async (k) => {
        const m = await k.write("m.json", {
          schema: "kiriwake.manifest/v1",
          publisher: { id: "t", name: "T" },
          probes: Array.from({ length: 20000 }, (_, i) => ({ id: `BAD ${i}`, timeoutMs: -1 })),
        });
        return expectError(await k.run(["plugins", "verify", m]), 4, undefined, 8000);
      },
    },
    {
      cls: CLS,
      name: "a config with 20,000 invalid names",
      run: async (k) => {
        const c = await k.write("c.json", {
          dns: { names: Array.from({ length: 20000 }, () => 7) },
        });
        return expectError(
          await k.run(runArgs("--dry-run", "--config", c)),
          4,
          /more issues/,
          8000,
        );
      },
    },
    {
      cls: CLS,
      name: "a config key of half a megabyte in timeouts",
      run: async (k) => {
        const c = await k.write("c.json", { timeouts: { ["x".repeat(1 << 19)]: -1 } });
        return expectError(await k.run(runArgs("--dry-run", "--config", c)), 4, undefined, 8000);
      },
    },
    {
      cls: CLS,
      name: "run --quiet still says where the report is",
      run: async (k) => {
        const config = await k.write("c.json", onlyConfig(["system.info"]));
        const out = k.path("out");
        const r = await k.run(runArgs("--config", config, "--out", out, "--quiet"));
        const bad = expectExit(r, [0, 1]);
        if (bad) return bad;
        return r.stderr.includes(join(out, "report.json"))
          ? clean()
          : { verdict: "loss", detail: "the report's path was not printed" };
      },
    },
    {
      cls: CLS,
      name: 'a manifest command path "../outside.sh"',
      run: async (k) => {
        await Deno.mkdir(k.path("m"));
        const m = await manifestOf(k, [commandPlugin("outside", "echo '{}'")]);
        const json = JSON.parse(await Deno.readTextFile(m));
        json.probes[0].command.path = "../outside.sh";
        await k.write("m/manifest.json", json);
        return expectError(await k.run(["plugins", "verify", k.path("m/manifest.json")]), 4);
      },
    },
    {
      cls: CLS,
      name: "a manifest plugin path linking outside its folder (/etc/passwd)",
      run: async (k) => {
        await Deno.mkdir(k.path("m"));
        await Deno.symlink("/etc/passwd", k.path("m/x.sh"));
        const bytes = await Deno.readFile("/etc/passwd");
        const hash = Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)))
          .map((b) => b.toString(16).padStart(2, "0")).join("");
        await k.write("m/manifest.json", {
          schema: "kiriwake.manifest/v1",
          publisher: { id: "t", name: "T" },
          probes: [{
            id: "t.x",
            title: { ja: "x", en: "x" },
            segment: "service",
            dataCategories: ["measurements"],
            command: { path: "x.sh", sha256: hash },
          }],
        });
        return expectError(await k.run(["plugins", "verify", k.path("m/manifest.json")]), 4);
      },
    },
  ];
}
