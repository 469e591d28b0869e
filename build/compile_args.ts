/**
 * The `deno compile` command line for one target: the permissions the kit needs and no
 * more (never `-A`), the Worker options plugins need, and the output name.
 *
 * @module
 */

/** Every target a release is built for. */
export const TARGETS = [
  "x86_64-pc-windows-msvc",
  "x86_64-apple-darwin",
  "aarch64-apple-darwin",
  "x86_64-unknown-linux-gnu",
  "aarch64-unknown-linux-gnu",
] as const;
/** One build target. */
export type Target = typeof TARGETS[number];

/**
 * What the kit may do, and why: probes connect out (net), read OS state and configs
 * (read), write reports and the consent record (write), run OS commands and its own
 * plugin host (run), read locale and config-dir variables (env), and read system facts
 * such as interfaces and memory (sys). No FFI, no unrestricted `-A`.
 */
export const PERMISSIONS = [
  "--allow-net",
  "--allow-read",
  "--allow-write",
  "--allow-run",
  "--allow-env",
  "--allow-sys",
] as const;

/** The binary's file name for `target`: `<brand>[<suffix>]-<target>[.exe]`. */
export function binaryName(product: string, target: Target, suffix = ""): string {
  return `${product}${suffix}-${target}${target.includes("windows") ? ".exe" : ""}`;
}

/** What one `deno compile` builds, besides the target and the output. */
export interface CompileInputs {
  /** The entry module. */
  entry: string;
  /** The runtime-only configuration (runtime_config.ts) and its cut lockfile. */
  config: string;
  lock: string;
  /** Modules started as Workers by URL, which `deno compile` does not follow by itself. */
  workers: readonly string[];
  /** Parts of npm packages to leave out (products.ts `trim`), as absolute paths. */
  excludes?: readonly string[];
}

/** Arguments of `deno compile` for `target`, writing to `output`. */
export function compileArgs(target: Target, output: string, inputs: CompileInputs): string[] {
  return [
    "compile",
    ...PERMISSIONS,
    "--unstable-worker-options",
    // The speed server shares its port between threads (SO_REUSEPORT).
    "--unstable-net",
    // Plugin hosts run with code generation from strings off, so a plugin cannot reach
    // import() through eval; the kit itself never needs eval (plugins/README.md).
    "--v8-flags=--disallow-code-generation-from-strings",
    "--no-prompt",
    // Only the runtime packages resolve, checked against the committed lockfile's hashes.
    `--config=${inputs.config}`,
    `--lock=${inputs.lock}`,
    "--frozen",
    ...inputs.workers.flatMap((m) => ["--include", m]),
    ...(inputs.excludes ?? []).flatMap((p) => ["--exclude", p]),
    "--target",
    target,
    "--output",
    output,
    inputs.entry,
  ];
}

/** The target of the machine the build runs on, if it is one we ship. */
export function hostTarget(): Target | null {
  const t = Deno.build.target as Target;
  return (TARGETS as readonly string[]).includes(t) ? t : null;
}
