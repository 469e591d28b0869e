import assert from "node:assert/strict";
import { BRAND } from "../brand/brand.ts";
import { main } from "../main.ts";
import { memoryIo } from "../session/command.ts";
import { versionInfo, versionLine } from "./version.ts";

Deno.test("versionInfo() says a run from source is one, with no build time or commit", () => {
  const v = versionInfo(BRAND, false);
  assert.deepEqual(
    { build: v.build, builtAt: v.builtAt, commit: v.commit, brand: v.brand, terms: v.termsVersion },
    { build: "source", builtAt: null, commit: null, brand: "kiriwake", terms: BRAND.terms.version },
  );
  assert.equal(v.deno, Deno.version.deno);
  assert.equal(v.target, Deno.build.target);
  assert.match(
    versionLine(v),
    new RegExp(
      `^kiriwake \\d+\\.\\d+\\.\\d+ \\(brand kiriwake, terms ${
        BRAND.terms.version.replace(".", "\\.")
      }; from source; `,
    ),
  );
});

Deno.test("versionLine() names the build time and the short commit of a compiled build", () => {
  const v = {
    ...versionInfo(BRAND, true),
    builtAt: "2026-12-01T09:00:00.000Z",
    commit: "0123456789abcdef0123",
  };
  assert.match(versionLine(v), /; built 2026-12-01T09:00:00\.000Z from 0123456789ab; /);
});

Deno.test("kiriwake --version --json prints every field", async () => {
  const io = memoryIo("");
  assert.equal(await main(["--version", "--json"], io), 0);
  const v = JSON.parse(io.stdout);
  assert.deepEqual(Object.keys(v), [
    "product",
    "version",
    "brand",
    "provider",
    "termsVersion",
    "build",
    "builtAt",
    "commit",
    "deno",
    "target",
  ]);
  assert.equal(v.build, "source");
});
