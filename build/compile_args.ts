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

/**
 * Modules that run as file-URL Workers and must be embedded: the speed server's extra
 * listeners. (Plugin Workers start from `data:` URLs and need nothing here.)
 */
export const WORKER_MODULES = ["speed/server_worker.ts"] as const;

/** The binary's file name for `target`. */
export function binaryName(product: string, target: Target): string {
  return `${product}-${target}${target.includes("windows") ? ".exe" : ""}`;
}

/** Arguments of `deno compile` for `target`, writing to `output`. */
export function compileArgs(target: Target, output: string, entry = "main.ts"): string[] {
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
    // Workers load their module by URL, which `deno compile` does not follow by itself.
    ...WORKER_MODULES.flatMap((m) => ["--include", m]),
    "--target",
    target,
    "--output",
    output,
    entry,
  ];
}

/** The target of the machine the build runs on, if it is one we ship. */
export function hostTarget(): Target | null {
  const t = Deno.build.target as Target;
  return (TARGETS as readonly string[]).includes(t) ? t : null;
}
