import assert from "node:assert/strict";
import { localEntries, npmPackages, parseEmbeddedList, parseSize } from "./embedded_list.ts";

const OUTPUT = `Check main.ts
Compile main.ts to out

Embedded Files

kiriwake-x86_64-unknown-linux-gnu
├─┬ .deno_compile_node_modules (9.07MB - 8.96MB unique)
│ └─┬ localhost (9.07MB - 8.96MB unique)
│   ├─┬ @jridgewell (383.77KB - 359.45KB unique)
│   │ ├── gen-mapping/* (91.95KB - 85.03KB unique)
│   │ └── trace-mapping/* (144.78KB - 133.61KB unique)
│   ├── hono/4.13.19/* (1.27MB - 1.27MB unique)
│   └── zod/4.6.7/* (5.93MB - 5.86MB unique)
├── brand/* (27.63KB)
├─┬ cli (185.73KB)
│ ├── consent_gate.ts (3.9KB)
│ └── terms.ts (23.3KB)
├── dist/.build-1a2b/build_info.json (60B)
├── main.ts (10.05KB)
└─┬ web (182.82KB)
  ├── app.tsx (13.26KB)
  └─┬ pages (73.35KB)
    └── forms.tsx (816B)

Files: 11.27MB
Metadata: 2.86KB
Remote modules: 12B
`;

Deno.test("parseEmbeddedList() reads every leaf with its full path and size", () => {
  const list = parseEmbeddedList(OUTPUT);
  assert.deepEqual(list.entries.map((e) => [e.path, e.wholeDir]), [
    [".deno_compile_node_modules/localhost/@jridgewell/gen-mapping", true],
    [".deno_compile_node_modules/localhost/@jridgewell/trace-mapping", true],
    [".deno_compile_node_modules/localhost/hono/4.13.19", true],
    [".deno_compile_node_modules/localhost/zod/4.6.7", true],
    ["brand", true],
    ["cli/consent_gate.ts", false],
    ["cli/terms.ts", false],
    ["dist/.build-1a2b/build_info.json", false],
    ["main.ts", false],
    ["web/app.tsx", false],
    ["web/pages/forms.tsx", false],
  ]);
  assert.equal(list.entries.find((e) => e.path === "web/pages/forms.tsx")!.bytes, 816);
  assert.equal(list.filesBytes, Math.round(11.27 * 1024 * 1024));
  assert.deepEqual(npmPackages(list), [
    "@jridgewell/gen-mapping",
    "@jridgewell/trace-mapping",
    "hono",
    "zod",
  ]);
  assert.equal(localEntries(list).length, 7);
});

Deno.test("parseSize() reads deno's units as powers of 1024", () => {
  assert.equal(parseSize("12B"), 12);
  assert.equal(parseSize("3.9KB"), Math.round(3.9 * 1024));
  assert.equal(parseSize("22.55MB"), Math.round(22.55 * 1048576));
  assert.throws(() => parseSize("3 parsecs"), SyntaxError);
});

Deno.test("parseEmbeddedList() refuses output without the tree, or with a line it cannot read", () => {
  assert.throws(() => parseEmbeddedList("Compile main.ts\n"), /No "Embedded Files"/);
  assert.throws(
    () => parseEmbeddedList("Embedded Files\n\nbin\n├── main.ts\n"),
    /Cannot read embedded-files line "├── main\.ts"/,
  );
});
