import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { binaryName, compileArgs, hostTarget, PERMISSIONS, TARGETS } from "./compile_args.ts";
import { sha256Hex } from "../util/crypto.ts";

Deno.test("compileArgs() grants the kit's permissions and never -A", () => {
  for (const t of TARGETS) {
    const args = compileArgs(t, "out");
    assert.ok(!args.includes("-A") && !args.includes("--allow-all"), t);
    for (const p of PERMISSIONS) assert.ok(args.includes(p), `${t} ${p}`);
    assert.ok(args.includes("--unstable-worker-options"), "plugins need Worker permissions");
    const include = args.indexOf("--include");
    assert.equal(args[include + 1], "speed/server_worker.ts", "the speed server's Workers");
    assert.ok(include >= 0 && include < args.indexOf("main.ts"), "flags come before the entry");
    assert.deepEqual(args.slice(args.indexOf("--target"), args.indexOf("--target") + 2), [
      "--target",
      t,
    ]);
    assert.ok(!args.some((a) => a.startsWith("--allow-ffi")));
  }
});

Deno.test("binaryName() gives Windows binaries an .exe", () => {
  assert.equal(binaryName("kw", "x86_64-pc-windows-msvc"), "kw-x86_64-pc-windows-msvc.exe");
  assert.equal(binaryName("kw", "aarch64-apple-darwin"), "kw-aarch64-apple-darwin");
  assert.equal(TARGETS.length, 5);
});

Deno.test({
  name: "deno task build runs through with DENORT_BIN pointed at the deno binary",
  ignore: hostTarget() === null,
  sanitizeResources: false,
  fn: async () => {
    const outDir = await Deno.makeTempDir({ prefix: "kiriwake-build-" });
    try {
      const root = fileURLToPath(new URL("..", import.meta.url));
      const r = await new Deno.Command(Deno.execPath(), {
        args: ["task", "build", "--out-dir", outDir],
        cwd: root,
        env: { DENORT_BIN: Deno.execPath(), NO_COLOR: "1" },
        stdout: "piped",
        stderr: "piped",
      }).output();
      const err = new TextDecoder().decode(r.stderr);
      assert.equal(r.code, 0, err);
      const name = binaryName("kiriwake", hostTarget()!);
      const bin = await Deno.readFile(join(outDir, name));
      assert.ok(bin.length > 10_000_000, "a whole runtime plus the embedded kit");
      const sums = await Deno.readTextFile(join(outDir, "SHA256SUMS"));
      assert.equal(sums, `${await sha256Hex(bin)}  ${name}\n`);
      assert.match(await Deno.readTextFile(join(outDir, "RELEASE.md")), new RegExp(name));
    } finally {
      await Deno.remove(outDir, { recursive: true });
    }
  },
});
