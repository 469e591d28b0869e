/**
 * `deno task build`: compiles the kit for every target into `dist/`, with the brand of
 * `build/brand.ts` embedded (it is a static import), then writes `SHA256SUMS` and release
 * notes.
 *
 * `deno compile` downloads its runtime (denort) per target. Where that is not reachable,
 * set `DENORT_BIN` to a local runtime: only the host target can be built then (a runtime
 * runs on one platform), unless `--target` names others explicitly.
 *
 * Usage: deno task build [--target T]... [--out-dir DIR]
 *
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { BRAND } from "../brand/brand.ts";
import { binaryName, compileArgs, hostTarget, type Target, TARGETS } from "./compile_args.ts";
import { VERSION } from "../util/version.ts";
import { sha256Hex } from "../util/crypto.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    target: { type: "string", multiple: true },
    "out-dir": { type: "string", default: "dist" },
  },
});
const outDir = values["out-dir"]!;
let targets: Target[];
if (values.target?.length) {
  const unknown = values.target.filter((t) => !(TARGETS as readonly string[]).includes(t));
  if (unknown.length) {
    console.error(`Unknown --target ${unknown.join(", ")} (known: ${TARGETS.join(", ")})`);
    Deno.exit(2);
  }
  targets = values.target as Target[];
} else if (Deno.env.get("DENORT_BIN")) {
  const host = hostTarget();
  if (!host) {
    console.error(`DENORT_BIN is set but this host (${Deno.build.target}) is not a release target`);
    Deno.exit(2);
  }
  console.error(`DENORT_BIN is set: building the host target ${host} only`);
  targets = [host];
} else {
  targets = [...TARGETS];
}

await Deno.mkdir(outDir, { recursive: true });
const sums: string[] = [];
for (const target of targets) {
  const name = binaryName(BRAND.id, target);
  const output = join(outDir, name);
  const t0 = performance.now();
  console.error(`compile ${target} → ${output}`);
  const r = await new Deno.Command(Deno.execPath(), {
    args: compileArgs(target, output),
    stdout: "inherit",
    stderr: "inherit",
  })
    .output();
  if (!r.success) {
    console.error(`deno compile failed for ${target} (exit ${r.code})`);
    Deno.exit(1);
  }
  const size = (await Deno.stat(output)).size;
  sums.push(`${await sha256Hex(await Deno.readFile(output))}  ${name}`);
  console.error(
    `  ${(size / 1048576).toFixed(1)} MiB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
await Deno.writeTextFile(join(outDir, "SHA256SUMS"), sums.join("\n") + "\n");
await Deno.writeTextFile(
  join(outDir, "RELEASE.md"),
  `# ${BRAND.product} ${VERSION}\n\nProvider: ${BRAND.provider}\nTerms version: ${BRAND.terms.version}\n` +
    `Built with deno ${Deno.version.deno} on ${new Date().toISOString()}\n\n` +
    `| file | sha256 |\n| --- | --- |\n${
      sums.map((l) => l.split("  ")).map(([h, f]) => `| ${f} | \`${h}\` |`).join("\n")
    }\n`,
);
console.error(`wrote ${join(outDir, "SHA256SUMS")} and RELEASE.md`);
