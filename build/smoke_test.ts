/**
 * The release smoke, run here against `deno run main.ts` so every change exercises the same
 * script the release workflow runs with each compiled binary on its own OS.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { defaultSteps, loopbackConfig, smoke } from "./smoke.ts";
import { runConfigSchema } from "../probes/config.ts";
import { RUN_FLAGS } from "../tests/support/kit.ts";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));

Deno.test("loopbackConfig() is a valid run config that aims only at loopback", () => {
  const config = runConfigSchema.parse(loopbackConfig("http://127.0.0.1:8080/", 8080));
  assert.deepEqual(config.tcp.targets.map((t) => t.host), ["127.0.0.1"]);
  assert.ok(config.http.targets.every((t) => new URL(t.url).hostname === "127.0.0.1"));
  assert.deepEqual(config.ping.anchors.map((a) => a.address), ["127.0.0.1"]);
  assert.ok(!config.only!.includes("lan.gateway.ping"), "the real router is never pinged");
});

Deno.test("defaultSteps() adds the code-page step on Windows only", () => {
  assert.deepEqual(defaultSteps("linux"), ["version", "probes", "parse", "dry-run", "run", "view"]);
  assert.deepEqual(defaultSteps("windows").at(-1), "codepage");
});

Deno.test({
  name: "smoke.ts passes against deno run main.ts",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (...a: unknown[]) => lines.push(a.join(" "));
    let code;
    try {
      code = await smoke(["--expect", "source", "--", Deno.execPath(), ...RUN_FLAGS, MAIN]);
    } finally {
      console.log = log;
    }
    assert.equal(code, 0, lines.join("\n"));
    assert.equal(lines.at(-1), `${defaultSteps().length} passed, 0 failed`);
    console.log(lines.filter((l) => l.startsWith("ok")).map((l) => l.slice(0, 160)).join("\n"));
  },
});
