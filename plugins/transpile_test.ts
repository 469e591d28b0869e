import assert from "node:assert/strict";
import { toSandboxJs } from "./transpile.ts";

Deno.test("toSandboxJs() strips types and turns every import into require()", () => {
  const js = toSandboxJs(
    `import type { X } from "./api.ts";
import { used } from "npm:zod";
export default async function run(ctx: X): Promise<number> {
  await import("file:///etc/passwd");
  return used as number;
}`,
    "p.ts",
  );
  assert.doesNotMatch(js, /\bimport\s*\(/);
  assert.doesNotMatch(js, /^\s*import /m);
  assert.match(js, /require\(['"]npm:zod['"]\)/);
  assert.match(js, /require\("file:\/\/\/etc\/passwd"\)/);
  assert.match(js, /exports\.default = run/);
  assert.doesNotMatch(js, /: X|Promise<number>/);
});

Deno.test("toSandboxJs() names the file, line and column of a syntax error", () => {
  assert.throws(
    () => toSandboxJs("const x: = 1;", "bad.ts"),
    /^SyntaxError: Cannot parse bad\.ts: Unexpected token \(1:10\)/,
  );
});
