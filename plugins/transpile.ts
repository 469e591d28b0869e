/**
 * Turns a plugin module's source (TypeScript or JavaScript) into the CommonJS-shaped
 * JavaScript that runs inside the sandbox. Compiled binaries carry no TypeScript transpiler,
 * so this uses sucrase (pure JavaScript) under `deno run` and in the binary alike.
 *
 * Rewriting ES imports, static and dynamic, into calls of a `require` the sandbox refuses is
 * part of the sandbox: module loading in a Worker is checked against the plugin host's
 * permissions, not the Worker's, so a plugin must never reach `import()`.
 *
 * @module
 */
import { transform } from "sucrase";

/**
 * Transpiles `source` of `fileName`.
 *
 * @throws {SyntaxError} naming the line and column of a syntax error
 * @example
 * ```ts
 * toSandboxJs("export default (ctx: unknown) => ({})", "p.ts"); // "…exports.default = …"
 * ```
 */
export function toSandboxJs(source: string, fileName: string): string {
  const ts = /\.m?ts$/.test(fileName);
  try {
    return transform(source, {
      transforms: ts ? ["typescript", "imports"] : ["imports"],
      filePath: fileName,
      production: true,
    }).code;
  } catch (e) {
    const msg = (e as Error).message.replace(/^Error transforming [^:]*: /, "");
    throw new SyntaxError(`Cannot parse ${fileName}: ${msg}`);
  }
}
