import assert from "node:assert/strict";
import {
  type Lockfile,
  lockPackages,
  parseNpmSpecifier,
  runtimeImports,
  runtimeLock,
} from "./runtime_config.ts";
import { PRODUCTS } from "./products.ts";

const LOCK: Lockfile = {
  version: "5",
  specifiers: {
    "npm:dns2@3.1.1": "3.1.1",
    "npm:hono@4.13.19": "4.13.19",
    "npm:sucrase@3.35.1": "3.35.1",
    "npm:@scope/tool@1.0.0": "1.0.0",
  },
  npm: {
    "dns2@3.1.1": { integrity: "sha512-d" },
    "hono@4.13.19": { integrity: "sha512-h" },
    "sucrase@3.35.1": { integrity: "sha512-s", dependencies: ["fdir", "@jr/map"] },
    "fdir@6.5.0_picomatch@4.0.7": { integrity: "sha512-f", dependencies: ["picomatch@4.0.7"] },
    "picomatch@4.0.7": { integrity: "sha512-p" },
    "picomatch@2.3.2": { integrity: "sha512-p2" },
    "@jr/map@0.3.0": { integrity: "sha512-j" },
    "@scope/tool@1.0.0": { integrity: "sha512-t", dependencies: ["picomatch@2.3.2"] },
  },
  workspace: {
    dependencies: [
      "npm:@scope/tool@1.0.0",
      "npm:dns2@3.1.1",
      "npm:hono@4.13.19",
      "npm:sucrase@3.35.1",
    ],
  },
};

Deno.test("parseNpmSpecifier() reads plain, scoped, prefix and subpath specifiers", () => {
  assert.deepEqual(parseNpmSpecifier("npm:zod@4.6.7"), { name: "zod", req: "4.6.7" });
  assert.deepEqual(parseNpmSpecifier("npm:/hono@4.13.19/"), { name: "hono", req: "4.13.19" });
  assert.deepEqual(parseNpmSpecifier("npm:@electric-sql/pglite@0.5.17"), {
    name: "@electric-sql/pglite",
    req: "0.5.17",
  });
  assert.deepEqual(parseNpmSpecifier("npm:hono@4.13.19/jsx"), { name: "hono", req: "4.13.19" });
  assert.deepEqual(parseNpmSpecifier("npm:left-pad"), { name: "left-pad", req: "" });
  assert.equal(parseNpmSpecifier("./brand/brand.json"), null);
  assert.equal(parseNpmSpecifier("jsr:@std/path@1"), null);
});

Deno.test("runtimeImports() keeps runtime packages and local entries, drops test tools", () => {
  const imports = {
    zod: "npm:zod@4.6.7",
    hono: "npm:hono@4.13.19",
    "hono/": "npm:/hono@4.13.19/",
    dns2: "npm:dns2@3.1.1",
    "playwright-core": "npm:playwright-core@1.65.1",
    "fast-check": "npm:fast-check@4.10.2",
    "@local/": "./vendor/",
  };
  assert.deepEqual(runtimeImports(imports, ["zod", "hono"]), {
    zod: "npm:zod@4.6.7",
    hono: "npm:hono@4.13.19",
    "hono/": "npm:/hono@4.13.19/",
    "@local/": "./vendor/",
  });
});

Deno.test("runtimeLock() keeps the named packages and their whole dependency closure", () => {
  const cut = runtimeLock(LOCK, { hono: "npm:/hono@4.13.19/", sucrase: "npm:sucrase@3.35.1" });
  assert.deepEqual(Object.keys(cut.specifiers!), ["npm:hono@4.13.19", "npm:sucrase@3.35.1"]);
  assert.deepEqual(Object.keys(cut.npm!), [
    "@jr/map@0.3.0",
    "fdir@6.5.0_picomatch@4.0.7",
    "hono@4.13.19",
    "picomatch@4.0.7",
    "sucrase@3.35.1",
  ]);
  assert.equal(cut.npm!["hono@4.13.19"].integrity, "sha512-h", "integrity is kept");
  assert.deepEqual(cut.workspace!.dependencies, ["npm:hono@4.13.19", "npm:sucrase@3.35.1"]);
  assert.deepEqual(lockPackages(cut), [
    "@jr/map@0.3.0",
    "fdir@6.5.0",
    "hono@4.13.19",
    "picomatch@4.0.7",
    "sucrase@3.35.1",
  ]);
});

Deno.test("runtimeLock() follows versioned dependencies of scoped packages", () => {
  const cut = runtimeLock(LOCK, { tool: "npm:@scope/tool@1.0.0" });
  assert.deepEqual(Object.keys(cut.npm!), ["@scope/tool@1.0.0", "picomatch@2.3.2"]);
});

Deno.test("runtimeLock() names what the lockfile lacks", () => {
  assert.throws(
    () => runtimeLock(LOCK, { zod: "npm:zod@4.6.7" }),
    /deno\.lock has no specifier "npm:zod@4\.6\.7"; run deno install/,
  );
  const broken = structuredClone(LOCK);
  delete broken.npm!["@jr/map@0.3.0"];
  assert.throws(
    () => runtimeLock(broken, { sucrase: "npm:sucrase@3.35.1" }),
    /no npm entry "@jr\/map" .*needed by sucrase@3\.35\.1|matches 0 entries/,
  );
});

Deno.test("the kit's runtime packages are all in deno.json, and no test tool is one of them", async () => {
  const denoJson = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
  const names = Object.values(denoJson.imports as Record<string, string>)
    .map((t) => parseNpmSpecifier(t)?.name);
  for (const p of PRODUCTS.kit.packages) assert.ok(names.includes(p), `${p} in deno.json`);
  for (
    const test of [
      "playwright-core",
      "dns2",
      "fast-check",
      "@axe-core/playwright",
      "pixelmatch",
      "pngjs",
    ]
  ) {
    assert.ok(!PRODUCTS.kit.packages.includes(test as never), test);
    assert.ok(!PRODUCTS.collector.packages.includes(test as never), test);
  }
  // The real lockfile cuts cleanly for the kit.
  const lock = JSON.parse(await Deno.readTextFile(new URL("../deno.lock", import.meta.url)));
  const cut = runtimeLock(lock, runtimeImports(denoJson.imports, PRODUCTS.kit.packages));
  assert.ok(!lockPackages(cut).some((p) => /^(playwright-core|dns2)@/.test(p)));
});
