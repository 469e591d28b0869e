/**
 * `deno task build`: checks the brand, then compiles a product for every target into
 * `dist/` from a runtime-only configuration (build_dir.ts), and writes the release files
 * beside the binaries: a CycloneDX SBOM, `RELEASE.md` and `SHA256SUMS` (signing is
 * `release_sums.ts sign`, with a key the build machine may not hold).
 *
 * ```text
 * deno task build [--brand FILE] [--product kit|collector] [--target T]... [--out-dir DIR]
 *                 [--commit SHA] [--max-bytes N] [--check]
 * ```
 *
 * - `--brand FILE`: the provider's brand (JSON, the shape of `brand/brand.json`), checked
 *   (brand_check.ts) and embedded instead of the default; the repository is not changed.
 * - `--check`: check the brand and stop.
 * - `--max-bytes N`: fail when a binary is larger (the release workflow's size budget).
 *
 * `deno compile` downloads its runtime (denort) per target. Where that is not reachable,
 * set `DENORT_BIN` to a local runtime: only the host target is built then (a runtime runs
 * on one platform), unless `--target` names others explicitly.
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkBrand, targetOs } from "./brand_check.ts";
import { prepareBuildDir } from "./build_dir.ts";
import { binaryName, compileArgs, hostTarget, type Target, TARGETS } from "./compile_args.ts";
import { type ProductName, PRODUCTS } from "./products.ts";
import { SUMS, sumsText } from "./release_sums.ts";
import { cycloneDx } from "./sbom.ts";
import { VERSION } from "../util/version.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const { values } = parseArgs({
  args: Deno.args,
  options: {
    target: { type: "string", multiple: true },
    "out-dir": { type: "string", default: "dist" },
    brand: { type: "string" },
    product: { type: "string", default: "kit" },
    commit: { type: "string" },
    "max-bytes": { type: "string" },
    check: { type: "boolean" },
  },
});

function fail(message: string, code = 2): never {
  console.error(message);
  Deno.exit(code);
}

const productName = values.product as ProductName;
const product = PRODUCTS[productName];
if (!product) {
  fail(`Unknown --product ${values.product} (known: ${Object.keys(PRODUCTS).join(", ")})`);
}
const maxBytes = values["max-bytes"] === undefined ? null : Number(values["max-bytes"]);
if (maxBytes !== null && !(Number.isInteger(maxBytes) && maxBytes > 0)) {
  fail(`--max-bytes must be a positive integer: "${values["max-bytes"]}"`);
}
const outDir = values["out-dir"]!;

const brandFile = values.brand ?? join(ROOT, "brand", "brand.json");
let brandInput: unknown;
try {
  brandInput = JSON.parse(await Deno.readTextFile(brandFile));
} catch (e) {
  fail(`Cannot read brand "${brandFile}": ${(e as Error).message}`, 4);
}
const supported = (brandInput as { os?: { supported?: string[] } })?.os?.supported;

let targets: Target[];
if (values.target?.length) {
  const unknown = values.target.filter((t) => !(TARGETS as readonly string[]).includes(t));
  if (unknown.length) fail(`Unknown --target ${unknown.join(", ")} (known: ${TARGETS.join(", ")})`);
  targets = values.target as Target[];
} else if (Deno.env.get("DENORT_BIN")) {
  const host = hostTarget();
  if (!host) fail(`DENORT_BIN is set but this host (${Deno.build.target}) is not a release target`);
  console.error(`DENORT_BIN is set: building the host target ${host} only`);
  targets = [host];
} else {
  // Every target of an OS the brand supports.
  targets = TARGETS.filter((t) => !Array.isArray(supported) || supported.includes(targetOs(t)));
}

const checked = await checkBrand(brandInput, targets);
if (!checked.ok) {
  fail(
    `Brand "${brandFile}" cannot be built:\n${checked.problems.map((p) => `  ${p}`).join("\n")}`,
    4,
  );
}
const brand = checked.brand;
console.error(
  `brand ${brand.id} (${brand.product}, ${brand.provider}), terms ${brand.terms.version}: ok`,
);
if (values.check) Deno.exit(0);

const epoch = Deno.env.get("SOURCE_DATE_EPOCH");
const buildInfo = {
  builtAt: (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString(),
  commit: values.commit ?? Deno.env.get("GITHUB_SHA") ?? await gitCommit(),
};

const dir = await prepareBuildDir({
  root: ROOT,
  product,
  brand: values.brand ? brandInput : undefined,
  buildInfo,
});
const runtime = Deno.env.get("DENORT_BIN");
const runtimeBytes = runtime ? (await Deno.stat(runtime)).size : null;
const built: { name: string; bytes: number }[] = [];
try {
  await Deno.mkdir(outDir, { recursive: true });
  console.error(`npm packages embedded: ${dir.packages.join(", ")}`);
  for (const target of targets) {
    const name = binaryName(brand.id, target, product.suffix);
    const output = join(Deno.realPathSync(outDir), name);
    const t0 = performance.now();
    console.error(`compile ${productName} ${target} → ${join(outDir, name)}`);
    const r = await new Deno.Command(Deno.execPath(), {
      args: compileArgs(target, output, {
        entry: product.entry,
        config: dir.config,
        lock: dir.lock,
        workers: product.workers,
        excludes: dir.excludes,
      }),
      cwd: ROOT,
      stdout: "inherit",
      stderr: "inherit",
    }).output();
    if (!r.success) fail(`deno compile failed for ${target} (exit ${r.code})`, 1);
    const bytes = (await Deno.stat(output)).size;
    built.push({ name, bytes });
    const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
    const split = runtimeBytes === null
      ? ""
      : ` (runtime ${mib(runtimeBytes)} from DENORT_BIN + kit ${mib(bytes - runtimeBytes)})`;
    console.error(
      `  ${name}: ${bytes} bytes, ${mib(bytes)}${split} in ${
        ((performance.now() - t0) / 1000).toFixed(1)
      } s`,
    );
    if (maxBytes !== null && bytes > maxBytes) {
      fail(`${name} is ${bytes} bytes, over the budget of ${maxBytes} (--max-bytes)`, 1);
    }
  }
  const sbomName = `${brand.id}${product.suffix}-${VERSION}.cdx.json`;
  const sbom = cycloneDx({
    name: `${brand.id}${product.suffix}`,
    version: VERSION,
    supplier: brand.provider,
    denoVersion: Deno.version.deno,
    builtAt: buildInfo.builtAt,
    commit: buildInfo.commit,
    lock: dir.runtimeLock,
  });
  await Deno.writeTextFile(join(outDir, sbomName), `${JSON.stringify(sbom, null, 2)}\n`);
  await Deno.writeTextFile(
    join(outDir, "RELEASE.md"),
    `# ${brand.product} ${VERSION}\n\nProvider: ${brand.provider}\nBrand: ${brand.id}\n` +
      `Terms version: ${brand.terms.version}\nCommit: ${buildInfo.commit ?? "unknown"}\n` +
      `Built with deno ${Deno.version.deno} at ${buildInfo.builtAt}\n\n` +
      `| file | bytes |\n| --- | --- |\n${
        built.map((b) => `| ${b.name} | ${b.bytes} |`).join("\n")
      }\n`,
  );
  await Deno.writeTextFile(join(outDir, SUMS), await sumsText(outDir));
  console.error(`wrote ${sbomName}, RELEASE.md and ${SUMS} in ${outDir}`);
} finally {
  await dir.remove();
}

/** The commit of the checkout, or null without git. */
async function gitCommit(): Promise<string | null> {
  try {
    const r = await new Deno.Command("git", {
      args: ["rev-parse", "HEAD"],
      cwd: ROOT,
      stdout: "piped",
      stderr: "null",
    }).output();
    return r.success ? new TextDecoder().decode(r.stdout).trim() : null;
  } catch {
    return null;
  }
}
