import assert from "node:assert/strict";
import { main } from "./main.ts";
import { memoryIo } from "./session/command.ts";

Deno.test("main() reports an error as one inert line with its exit code", async () => {
  const io = memoryIo();
  const dir = await Deno.makeTempDir();
  try {
    const code = await main(
      ["report", "verify", `${dir}/x\x1b]0;owned\x07\x1b[2J.json`, "--lang", "en"],
      io,
      {
        configDir: dir,
      },
    );
    assert.equal(code, 4);
    assert.equal(io.stderr.trim().split("\n").length, 1, io.stderr);
    assert.match(io.stderr, /^Error: Report ".*x\.json" does not exist\n$/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
