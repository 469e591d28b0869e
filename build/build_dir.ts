/**
 * Prepares what one build compiles from, in a temporary directory under `dist/` (so nothing
 * tracked in the repository changes): the runtime-only configuration and cut lockfile
 * (runtime_config.ts), the brand to embed, and the build's own record (time and commit).
 * The configuration's import map points `brand/brand.json` and `util/build_info.json` at
 * the files written here, so the kit's static imports pick them up unchanged.
 *
 * @module
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Product } from "./products.ts";
import { type Lockfile, lockPackages, runtimeImports, runtimeLock } from "./runtime_config.ts";
import type { BuildInfo } from "../util/version.ts";

/** A prepared build directory. */
export interface BuildDir {
  dir: string;
  config: string;
  lock: string;
  /** The cut lockfile: what the binary may embed. */
  runtimeLock: Lockfile;
  /** `name@version` of every npm package the binary may embed. */
  packages: string[];
  /** Absolute paths of the trimmed parts of those packages (`--exclude`). */
  excludes: string[];
  remove(): Promise<void>;
}

/** Options of {@link prepareBuildDir}. */
export interface BuildDirOptions {
  /** The repository root (holds `deno.json` and `deno.lock`). */
  root: string;
  product: Product;
  /** Parsed brand JSON to embed instead of `brand/brand.json` (already checked). */
  brand?: unknown;
  buildInfo: BuildInfo;
}

/**
 * Writes the build directory.
 *
 * @throws {Error} when `deno.lock` lacks a runtime package (run `deno install`)
 */
export async function prepareBuildDir(opts: BuildDirOptions): Promise<BuildDir> {
  const { root } = opts;
  const denoJson = JSON.parse(await Deno.readTextFile(join(root, "deno.json")));
  const lock = JSON.parse(await Deno.readTextFile(join(root, "deno.lock"))) as Lockfile;
  await Deno.mkdir(join(root, "dist"), { recursive: true });
  const dir = await Deno.makeTempDir({ dir: join(root, "dist"), prefix: ".build-" });
  const imports = runtimeImports(denoJson.imports ?? {}, opts.product.packages);
  const cut = runtimeLock(lock, imports);
  const remap: Record<string, string> = {
    [pathToFileURL(join(root, "util", "build_info.json")).href]: "./build_info.json",
  };
  await writeJson(join(dir, "build_info.json"), opts.buildInfo);
  if (opts.brand !== undefined) {
    remap[pathToFileURL(join(root, "brand", "brand.json")).href] = "./brand.json";
    await writeJson(join(dir, "brand.json"), opts.brand);
  }
  const config = {
    nodeModulesDir: "none",
    compilerOptions: denoJson.compilerOptions,
    imports: { ...imports, ...remap },
  };
  await writeJson(join(dir, "deno.json"), config);
  await writeJson(join(dir, "runtime.lock"), cut);
  const registry = join(await npmCache(), "registry.npmjs.org");
  const excludes = lockPackages(cut).flatMap((p) => {
    const at = p.indexOf("@", 1);
    const [name, version] = [p.slice(0, at), p.slice(at + 1)];
    return (opts.product.trim[name] ?? []).map((sub) => join(registry, name, version, sub));
  });
  return {
    dir,
    config: join(dir, "deno.json"),
    lock: join(dir, "runtime.lock"),
    runtimeLock: cut,
    packages: lockPackages(cut),
    excludes,
    remove: () => Deno.remove(dir, { recursive: true }),
  };
}

/** Where deno keeps npm packages (`deno info --json`), which honours `DENO_DIR`. */
async function npmCache(): Promise<string> {
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json"],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!r.success) throw new Error("deno info --json failed");
  return JSON.parse(new TextDecoder().decode(r.stdout)).npmCache;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await Deno.writeTextFile(path, `${JSON.stringify(value, null, 2)}\n`);
}
