import assert from "node:assert/strict";
import { mkdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { lexicallyInside, resolveWithin } from "./path_within.ts";

Deno.test("lexicallyInside() refuses every way up or out", () => {
  for (
    const bad of [
      "",
      "..",
      "../x",
      "a/../../x",
      "a/..",
      "/etc/passwd",
      "\\x",
      "C:\\x",
      "c:/x",
      "a//b",
      "a\\..\\..\\x",
      "a\0b",
      "x".repeat(1025),
    ]
  ) {
    assert.equal(lexicallyInside(bad), false, JSON.stringify(bad));
  }
  for (const good of ["report.json", "a/report.json", "2026-11-24/report.json", "..report.json"]) {
    assert.equal(lexicallyInside(good), true, good);
  }
});

Deno.test("resolveWithin() follows links only when they stay inside", async () => {
  const root = await Deno.makeTempDir({ prefix: "kw-guard-" });
  const outside = await Deno.makeTempDir({ prefix: "kw-guard-out-" });
  try {
    await mkdir(join(root, "a"));
    await Deno.writeTextFile(join(root, "a", "r.json"), "{}");
    await Deno.writeTextFile(join(outside, "s.json"), "{}");
    await symlink(join(root, "a", "r.json"), join(root, "inner-link.json"));
    await symlink(join(outside, "s.json"), join(root, "outer-link.json"));
    assert.equal(await resolveWithin(root, "a/r.json"), join(root, "a", "r.json"));
    assert.equal(await resolveWithin(root, "inner-link.json"), join(root, "inner-link.json"));
    assert.equal(await resolveWithin(root, "outer-link.json"), null);
    assert.equal(await resolveWithin(root, "missing.json"), null);
    assert.equal(await resolveWithin(root, "a"), join(root, "a"));
    assert.equal(await resolveWithin(join(root, "a"), "../outer-link.json"), null);
  } finally {
    await Deno.remove(root, { recursive: true });
    await Deno.remove(outside, { recursive: true });
  }
});
