import assert from "node:assert/strict";
import { join } from "node:path";
import { main } from "../main.ts";
import { sampleReport } from "../report/html/testing.ts";
import { memoryIo } from "../session/command.ts";

// The commands read no config directory before failing; any path will do.
const CTX = { configDir: "/nonexistent/kiriwake-config" };

Deno.test("kiriwake view: no file is a usage error (exit 2)", async () => {
  const io = memoryIo();
  assert.equal(await main(["view", "--lang", "en"], io, CTX), 2);
  assert.match(io.stderr, /usage is kiriwake view report\.json/);
});

Deno.test("kiriwake view: an altered or missing report is refused before serving (exit 4)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kw-viewcli-" });
  try {
    const report = await sampleReport();
    report.diagnosis.headline.text.en = "All fine, honest";
    const path = join(dir, "report.json");
    await Deno.writeTextFile(path, JSON.stringify(report));
    const io = memoryIo();
    assert.equal(await main(["view", "--no-open", "--lang", "en", path], io, CTX), 4);
    assert.match(io.stderr, /digest: the content does not match its SHA-256/);
    assert.equal(io.stdout, "", "no URL: nothing was served");

    const io2 = memoryIo();
    assert.equal(
      await main(["view", "--no-open", "--lang", "en", join(dir, "nope.json")], io2, CTX),
      4,
    );
    assert.match(io2.stderr, /Cannot open ".*nope\.json"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
