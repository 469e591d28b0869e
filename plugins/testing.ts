/**
 * Test helpers for plugins: manifest entries with their hashes computed, a manifest writer,
 * and the table of hostile plugins (with what each must yield) shared by the sandbox test
 * and the end-to-end run of `main.ts`.
 *
 * @module
 */
import { join } from "node:path";
import { BUILTIN_IDS } from "../probes/mod.ts";
import type { LoadOptions } from "./manifest_load.ts";
import { sha256Hex } from "../util/crypto.ts";

/** Load options that allow unsigned manifests. */
export const ALLOW_UNSIGNED: LoadOptions = {
  unsigned: "allow",
  publicKeys: [],
  builtinIds: BUILTIN_IDS,
};

/** A plugin file and its manifest entry, before hashing. */
export interface TestPlugin {
  id: string;
  file: string;
  code: string;
  kind: "module" | "command";
  /** Extra entry fields (timeoutMs, config, segment, …). */
  entry?: Record<string, unknown>;
  /** Extra module/command fields (permissions, interpreter, env, …). */
  spec?: Record<string, unknown>;
}

/** The manifest entry of `p`, its hash computed. */
export async function entryOf(p: TestPlugin): Promise<Record<string, unknown>> {
  return {
    id: p.id,
    title: { ja: p.id, en: p.id },
    segment: "service",
    dataCategories: ["measurements"],
    // Generous: a loaded CI machine must not turn a clear error into a timeout.
    timeoutMs: 30_000,
    ...p.entry,
    [p.kind]: {
      path: p.file,
      sha256: await sha256Hex(p.code),
      ...(p.kind === "command" ? { interpreter: ["sh"] } : {}),
      ...p.spec,
    },
  };
}

/** Writes the plugin files and `manifest.json` into `dir`; returns the manifest's path. */
export async function writeManifest(
  dir: string,
  plugins: readonly TestPlugin[],
  publisher = "t",
): Promise<string> {
  for (const p of plugins) await Deno.writeTextFile(join(dir, p.file), p.code);
  const manifest = {
    schema: "kiriwake.manifest/v1",
    publisher: { id: publisher, name: "Test publisher" },
    probes: await Promise.all(plugins.map(entryOf)),
  };
  const path = join(dir, "manifest.json");
  await Deno.writeTextFile(path, JSON.stringify(manifest, null, 2));
  return path;
}

/** What a plugin's result must be. */
export interface Expectation {
  status: "ok" | "warn" | "fail" | "error" | "timeout";
  /** `error.name` of an `error` result. */
  errorName?: string;
  /** Matched against `error.message` (or the data, for `ok`). */
  message?: RegExp;
}

const OK = `{ status: "ok", summary: { ja: "良好", en: "fine" }, data: {} }`;
const mod = (id: string, body: string, extra: Partial<TestPlugin> = {}): TestPlugin => ({
  id: `t.${id}`,
  file: `${id}.ts`,
  kind: "module",
  code: `export default async function run(ctx: any) {\n${body}\n}\n`,
  ...extra,
});
const cmd = (id: string, script: string, extra: Partial<TestPlugin> = {}): TestPlugin => ({
  id: `t.${id}`,
  file: `${id}.sh`,
  kind: "command",
  code: `${script}\n`,
  entry: { platforms: ["linux", "darwin"], ...extra.entry },
  ...extra,
});

/**
 * Hostile (and two well-behaved) plugins. `allowedPort` is a loopback port the `good` and
 * `fetch-undeclared` plugins may use; `otherPort` one they may not.
 */
export function hostilePlugins(allowedPort: number, otherPort: number): {
  plugins: TestPlugin[];
  expect: Record<string, Expectation>;
} {
  const net = { permissions: { net: [`127.0.0.1:${allowedPort}`] } };
  const loop = { entry: { timeoutMs: 1500 } };
  const plugins: TestPlugin[] = [
    mod(
      "good",
      `const r = await ctx.fetch("http://127.0.0.1:${allowedPort}/");
      return { status: "ok", summary: { ja: "良好", en: "fine" }, data: { status: r.status } };`,
      {
        spec: net,
      },
    ),
    mod("read-passwd", `await Deno.readTextFile("/etc/passwd"); return ${OK};`),
    mod("fetch-undeclared", `await ctx.fetch("http://127.0.0.1:${otherPort}/"); return ${OK};`, {
      spec: net,
    }),
    mod("spawn", `await new Deno.Command("sh", { args: ["-c", "true"] }).output(); return ${OK};`),
    mod("env", `return { ...${OK}, data: { home: Deno.env.get("HOME") } };`),
    mod("import", `await import("file:///etc/passwd"); return ${OK};`),
    mod("eval", `await eval('import("file:///etc/passwd")'); return ${OK};`),
    mod("loop", `for (;;) { /* spin */ }`, loop),
    mod("throw", `throw new Error("boom");`),
    mod(
      "uncaught",
      `setTimeout(() => { throw new Error("late boom"); }, 0);
      return await new Promise(() => {});`,
    ),
    mod("bigint", `return { ...${OK}, data: { n: 10n } };`),
    mod("bad-result", `return { status: "great", summary: { en: "fine" } };`),
    mod("huge", `return { ...${OK}, data: { blob: "x".repeat(100 * 1024 * 1024) } };`),
    mod("cache", `await caches.open("x"); return ${OK};`),
    mod("cwd", `return { ...${OK}, data: { cwd: Deno.cwd() } };`),
    mod("exec-path", `return { ...${OK}, data: { exe: Deno.execPath() } };`),
    mod(
      "internals",
      `return { ...${OK}, data: { exe: (Deno as any)[(Deno as any).internal].__nodeBootstrapArgs.argv0 } };`,
    ),
    mod(
      "deep",
      `let v: unknown = []; for (let i = 0; i < 20000; i++) v = [v]; return { ...${OK}, data: { v } };`,
    ),
    mod(
      "stdout-forever",
      `const b = new Uint8Array(65536).fill(65);
      for (;;) Deno.stdout.writeSync(b);`,
    ),
    cmd(
      "cmd-good",
      `cat >/dev/null
printf '{"status":"ok","summary":{"ja":"a","en":"a"},"data":{"home":"%s","declared":"%s"}}' "\${HOME:-}" "\${KW_PLUGIN_TEST:-}"`,
      {
        spec: { env: ["KW_PLUGIN_TEST"] },
      },
    ),
    cmd("cmd-not-json", `echo "hello, not json"`),
    cmd("cmd-huge", `head -c 104857600 /dev/zero | tr '\\0' 'x'`),
    cmd("cmd-forever", `while :; do echo yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy; done`),
    cmd("cmd-crash", `echo "oops: disk on fire" >&2; exit 3`),
    cmd("cmd-loop", `while :; do :; done`, loop),
  ];
  const denied = (what: RegExp): Expectation => ({
    status: "error",
    errorName: "PluginPermissionDenied",
    message: what,
  });
  const expect: Record<string, Expectation> = {
    "t.good": { status: "ok" },
    "t.read-passwd": denied(
      /^Plugin "t\.read-passwd" used a permission .*read access to "\/etc\/passwd"/,
    ),
    "t.fetch-undeclared": denied(new RegExp(`net access to "127\\.0\\.0\\.1:${otherPort}"`)),
    "t.spawn": denied(/^Plugin "t\.spawn" .*run access to "sh"/),
    "t.env": denied(/^Plugin "t\.env" .*env access to "HOME"/),
    "t.import": {
      status: "error",
      errorName: "PluginImportRefused",
      message: /^Plugin "t\.import" tried to import a module/,
    },
    "t.eval": {
      status: "error",
      errorName: "PluginEvalRefused",
      message: /^Plugin "t\.eval" tried to run code made from a string/,
    },
    "t.loop": { status: "timeout" },
    "t.throw": {
      status: "error",
      errorName: "PluginFailed",
      message: /"t\.throw" failed: Error: boom/,
    },
    "t.uncaught": {
      status: "error",
      errorName: "PluginCrashed",
      message: /"t\.uncaught" crashed: .*late boom/,
    },
    "t.bigint": {
      status: "error",
      errorName: "PluginInvalidResult",
      message: /"t\.bigint": The result is not JSON/,
    },
    "t.bad-result": {
      status: "error",
      errorName: "PluginInvalidResult",
      message: /"t\.bad-result" returned an invalid result: status: .*summary\.ja/,
    },
    "t.huge": {
      status: "error",
      errorName: "PluginOutputTooLarge",
      message: /"t\.huge": The result is \d+ bytes/,
    },
    "t.cache": { status: "error", errorName: "PluginFailed", message: /caches is not defined/ },
    "t.cwd": denied(/^Plugin "t\.cwd" used a permission .*read access to <CWD>/),
    "t.exec-path": denied(/^Plugin "t\.exec-path" used a permission .*read access to <exec_path>/),
    "t.internals": { status: "error", errorName: "PluginFailed", message: /TypeError/ },
    "t.deep": {
      status: "error",
      errorName: "PluginInvalidResult",
      message: /"t\.deep": The result breaks a limit: nested deeper than 32 levels \(the limit\)/,
    },
    "t.stdout-forever": {
      status: "error",
      errorName: "PluginOutputTooLarge",
      message: /"t\.stdout-forever" wrote (more than|a line longer than) \d+ bytes to stdout/,
    },
    "t.cmd-good": { status: "ok" },
    "t.cmd-not-json": {
      status: "error",
      errorName: "PluginInvalidResult",
      message: /"t\.cmd-not-json" did not print one JSON result .*hello, not json/,
    },
    "t.cmd-huge": {
      status: "error",
      errorName: "PluginOutputTooLarge",
      message: /"t\.cmd-huge" wrote more than/,
    },
    "t.cmd-forever": {
      status: "error",
      errorName: "PluginOutputTooLarge",
      message: /"t\.cmd-forever" wrote more than \d+ bytes to stdout/,
    },
    "t.cmd-crash": {
      status: "error",
      errorName: "PluginCrashed",
      message: /"t\.cmd-crash" exited with code 3: oops: disk on fire/,
    },
    "t.cmd-loop": { status: "timeout" },
  };
  return { plugins, expect };
}
