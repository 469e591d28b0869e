import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { prepareBuildDir } from "./build_dir.ts";
import { binaryName, compileArgs, hostTarget, PERMISSIONS, TARGETS } from "./compile_args.ts";
import {
  type EmbeddedList,
  localEntries,
  npmPackages,
  parseEmbeddedList,
} from "./embedded_list.ts";
import { PRODUCTS } from "./products.ts";
import { binaryEstimate, BUDGET_BYTES, denortEstimate } from "./size_budget.ts";
import { sha256Hex } from "../util/crypto.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const INPUTS = {
  entry: "main.ts",
  config: "dist/.build-x/deno.json",
  lock: "dist/.build-x/runtime.lock",
  workers: ["speed/server_worker.ts"],
  excludes: ["/cache/npm/registry.npmjs.org/zod/4.6.7/src"],
};
/** npm packages only tests use: none may be in a binary. */
const TEST_PACKAGES = [
  "playwright-core",
  "dns2",
  "fast-check",
  "@axe-core/playwright",
  "pixelmatch",
  "pngjs",
];

Deno.test("compileArgs() grants the kit's permissions and never -A", () => {
  for (const t of TARGETS) {
    const args = compileArgs(t, "out", INPUTS);
    assert.ok(!args.includes("-A") && !args.includes("--allow-all"), t);
    for (const p of PERMISSIONS) assert.ok(args.includes(p), `${t} ${p}`);
    assert.ok(args.includes("--unstable-worker-options"), "plugins need Worker permissions");
    const include = args.indexOf("--include");
    assert.equal(args[include + 1], "speed/server_worker.ts", "the speed server's Workers");
    assert.ok(include >= 0 && include < args.indexOf("main.ts"), "flags come before the entry");
    assert.equal(args[args.indexOf("--exclude") + 1], INPUTS.excludes[0]);
    assert.ok(args.includes("--config=dist/.build-x/deno.json"), "the runtime-only config");
    assert.ok(args.includes("--lock=dist/.build-x/runtime.lock") && args.includes("--frozen"));
    assert.deepEqual(args.slice(args.indexOf("--target"), args.indexOf("--target") + 2), [
      "--target",
      t,
    ]);
    assert.equal(args.at(-1), "main.ts");
    assert.ok(!args.some((a) => a.startsWith("--allow-ffi")));
  }
});

Deno.test("binaryName() gives Windows binaries an .exe and the collector its suffix", () => {
  assert.equal(binaryName("kw", "x86_64-pc-windows-msvc"), "kw-x86_64-pc-windows-msvc.exe");
  assert.equal(binaryName("kw", "aarch64-apple-darwin"), "kw-aarch64-apple-darwin");
  assert.equal(
    binaryName("kw", "x86_64-unknown-linux-gnu", "-collector"),
    "kw-collector-x86_64-unknown-linux-gnu",
  );
  assert.equal(TARGETS.length, 5);
});

/** Runs `deno task build` with DENORT_BIN set to this deno; returns its output and the out dir. */
async function build(extra: string[] = []) {
  const outDir = await Deno.makeTempDir({ prefix: "kiriwake-build-" });
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["task", "build", "--out-dir", outDir, ...extra],
    cwd: ROOT,
    env: { DENORT_BIN: Deno.execPath(), NO_COLOR: "1", SOURCE_DATE_EPOCH: "1796083200" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const output = new TextDecoder().decode(r.stdout) + new TextDecoder().decode(r.stderr);
  return { code: r.code, output, outDir };
}

/** What `deno info --json` prints, as far as this test reads it. */
interface DenoInfo {
  roots: string[];
  modules: { specifier: string; dependencies?: { code?: { specifier?: string } }[] }[];
}

/** Every local file of the kit's module graph (and its Workers'), relative to the root. */
async function moduleGraph(): Promise<Set<string>> {
  const dir = await prepareBuildDir({
    root: ROOT,
    product: PRODUCTS.kit,
    buildInfo: { builtAt: null, commit: null },
  });
  try {
    const files = new Set<string>();
    for (const entry of [PRODUCTS.kit.entry, ...PRODUCTS.kit.workers]) {
      const r = await new Deno.Command(Deno.execPath(), {
        args: ["info", "--json", `--config=${dir.config}`, `--lock=${dir.lock}`, "--frozen", entry],
        cwd: ROOT,
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.ok(r.success, new TextDecoder().decode(r.stderr));
      const info = JSON.parse(new TextDecoder().decode(r.stdout)) as DenoInfo;
      // Follow code imports only: `import type` modules are not embedded.
      const byUrl = new Map(info.modules.map((m) => [m.specifier, m]));
      const queue = [...info.roots];
      const seen = new Set<string>();
      while (queue.length > 0) {
        const url = queue.pop()!;
        if (seen.has(url) || !url.startsWith("file:")) continue;
        seen.add(url);
        const rel = relative(ROOT, fileURLToPath(url)).replaceAll("\\", "/");
        // The build writes its own build_info.json; its directory name is random.
        files.add(rel.replace(/^dist\/\.build-[^/]+\//, "dist/.build-*/"));
        for (const d of byUrl.get(url)?.dependencies ?? []) {
          if (d.code?.specifier) queue.push(d.code.specifier);
        }
      }
    }
    return files;
  } finally {
    await dir.remove();
  }
}

/** The local files a list names, `dir/*` expanded from disk, the build dir's name starred. */
function embeddedFiles(list: EmbeddedList): Set<string> {
  const out = new Set<string>();
  for (const e of localEntries(list)) {
    const path = e.path.replace(/^dist\/\.build-[^/]+\//, "dist/.build-*/");
    if (!e.wholeDir) out.add(path);
    else for (const f of walk(join(ROOT, e.path))) out.add(`${path}/${f}`);
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of Deno.readDirSync(dir)) {
    if (e.isDirectory) out.push(...walk(join(dir, e.name)).map((f) => `${e.name}/${f}`));
    else out.push(e.name);
  }
  return out;
}

Deno.test({
  name: "deno task build embeds exactly the kit's modules and runtime packages, within budget",
  ignore: hostTarget() === null,
  sanitizeResources: false,
  fn: async () => {
    const host = hostTarget()!;
    const t0 = performance.now();
    const { code, output, outDir } = await build();
    const seconds = (performance.now() - t0) / 1000;
    try {
      assert.equal(code, 0, output);
      const list = parseEmbeddedList(output);

      // npm: exactly the runtime closure of the kit, never a test tool.
      const lock = output.match(/npm packages embedded: (.+)/)![1].split(", ");
      const names = [...new Set(lock.map((p) => p.slice(0, p.indexOf("@", 1))))].sort();
      assert.deepEqual(npmPackages(list), names);
      for (const p of PRODUCTS.kit.packages) assert.ok(names.includes(p), p);
      for (const t of TEST_PACKAGES) assert.ok(!names.includes(t), `${t} must not be embedded`);

      // Local files: exactly the module graph of main.ts and the Worker modules.
      const embedded = embeddedFiles(list);
      const graph = await moduleGraph();
      assert.deepEqual([...embedded].sort(), [...graph].sort());
      for (
        const m of [
          "main.ts",
          "speed/server_worker.ts",
          "speed/server_pool.ts",
          "plugins/worker_main.ts",
          "plugins/host.ts",
          "plugins/host_spawn.ts",
          "cli/plugin_host.ts",
          "web/routes_view.tsx",
          "brand/brand.json",
          "dist/.build-*/build_info.json",
        ]
      ) assert.ok(embedded.has(m), `${m} embedded`);
      for (const f of embedded) {
        assert.doesNotMatch(f, /(^tests\/|_test\.tsx?$|(^|\/)testing[_.]|fixtures|^bench\/)/, f);
      }
      assert.ok(!embedded.has("util/build_info.json"), "the build's own record replaces it");

      // Release files.
      const name = binaryName("kiriwake", host);
      const bin = await Deno.readFile(join(outDir, name));
      const sums = await Deno.readTextFile(join(outDir, "SHA256SUMS"));
      assert.match(sums, new RegExp(`^${await sha256Hex(bin)}  ${name}$`, "m"));
      assert.match(sums, / {2}kiriwake-\d+\.\d+\.\d+\.cdx\.json$/m);
      const sbom = JSON.parse(
        await Deno.readTextFile(join(outDir, sums.match(/(kiriwake-\S+\.cdx\.json)/)![1])),
      );
      assert.deepEqual(
        sbom.components.slice(1).map((c: { group?: string; name: string }) =>
          c.group ? `${c.group}/${c.name}` : c.name
        ).sort(),
        lock.map((p) => p.slice(0, p.indexOf("@", 1))).sort(),
      );
      assert.equal(sbom.metadata.timestamp, "2026-12-01T00:00:00.000Z", "SOURCE_DATE_EPOCH");

      // Size: the payload is measured exactly; the runtime is estimated (size_budget.ts).
      const payload = bin.length - (await Deno.stat(Deno.execPath())).size;
      const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
      const lines = TARGETS.map((t) =>
        `  ${t}: denort ≈ ${mib(denortEstimate(t))} + kit ${mib(payload)} = ${
          mib(binaryEstimate(t, payload))
        }`
      );
      console.log(
        `binary ${bin.length} bytes with the deno CLI as runtime; kit payload ${payload} bytes ` +
          `(${mib(payload)}; files ${mib(list.filesBytes ?? 0)}); built in ${
            seconds.toFixed(1)
          } s\n` +
          `estimated with denort 2.9.6 (budget ${mib(BUDGET_BYTES)}):\n${lines.join("\n")}`,
      );
      for (const t of TARGETS) {
        assert.ok(
          binaryEstimate(t, payload) <= BUDGET_BYTES,
          `${t} over budget: ${lines.join("\n")}`,
        );
      }
    } finally {
      await Deno.remove(outDir, { recursive: true });
    }
  },
});

Deno.test({
  name: "deno task build --brand embeds a provider's brand without touching the repository",
  ignore: hostTarget() === null,
  sanitizeResources: false,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "kiriwake-brand-" });
    try {
      const brand = JSON.parse(await Deno.readTextFile(join(ROOT, "brand", "brand.json")));
      brand.id = "example-isp";
      brand.provider = "Example ISP";
      const file = join(dir, "example-isp.json");
      await Deno.writeTextFile(file, JSON.stringify(brand));
      const before = await Deno.readTextFile(join(ROOT, "brand", "brand.json"));

      const { code, output, outDir } = await build(["--brand", file]);
      try {
        assert.equal(code, 0, output);
        const files = embeddedFiles(parseEmbeddedList(output));
        assert.ok(files.has("dist/.build-*/brand.json"), "the provider's brand is embedded");
        assert.ok(!files.has("brand/brand.json"), "the default brand is not");
        const host = hostTarget()!;
        await Deno.stat(join(outDir, binaryName("example-isp", host)));
        assert.match(await Deno.readTextFile(join(outDir, "RELEASE.md")), /Provider: Example ISP/);
      } finally {
        await Deno.remove(outDir, { recursive: true });
      }
      assert.equal(await Deno.readTextFile(join(ROOT, "brand", "brand.json")), before);

      // A broken brand stops the build before anything is compiled, naming every problem.
      brand.terms.text.en += " (edited)";
      brand.os.supported = ["windows"];
      await Deno.writeTextFile(file, JSON.stringify(brand));
      const bad = await build(["--brand", file, "--target", "x86_64-unknown-linux-gnu"]);
      try {
        assert.equal(bad.code, 4, bad.output);
        assert.match(bad.output, /terms\.sha256\.en: does not match terms\.text\.en/);
        assert.match(bad.output, /os\.supported: lists windows, not linux/);
        assert.doesNotMatch(bad.output, /Embedded Files/);
      } finally {
        await Deno.remove(bad.outDir, { recursive: true });
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
