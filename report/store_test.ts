import assert from "node:assert/strict";
import { join } from "node:path";
import { InvalidInputError } from "../util/errors.ts";
import { prepareReportDir } from "./store.ts";

Deno.test("prepareReportDir() never chooses a folder that already holds a report", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const fresh = await prepareReportDir(join(dir, "a"), "--out", { orInside: "id1" });
    assert.equal(fresh.dir, join(dir, "a"));
    assert.equal(fresh.existing, undefined);
    for (const name of ["report.json", "report.txt", "report.html"]) {
      const d = join(dir, name.replace(".", "-"));
      await Deno.mkdir(d);
      await Deno.writeTextFile(join(d, name), "keep me");
      const p = await prepareReportDir(d, "--out", { orInside: "id2" });
      assert.equal(p.dir, join(d, "id2"));
      assert.equal(p.existing, join(d, name));
      await assert.rejects(
        () => prepareReportDir(d),
        (e: Error) => e instanceof InvalidInputError && /already holds a report/.test(e.message),
      );
      assert.equal(await Deno.readTextFile(join(d, name)), "keep me");
    }
    const link = join(dir, "link");
    await Deno.mkdir(link);
    await Deno.symlink(join(dir, "nowhere"), join(link, "report.json"));
    assert.equal((await prepareReportDir(link, "--out", { orInside: "x" })).dir, join(link, "x"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("prepareReportDir() lets a report replace only its own earlier version", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(join(dir, "report.json"), JSON.stringify({ id: "watch-1" }));
    assert.equal((await prepareReportDir(dir, "--out", { rewrites: "watch-1" })).dir, dir);
    await assert.rejects(
      () => prepareReportDir(dir, "--out", { rewrites: "watch-2" }),
      (e: Error) => e instanceof InvalidInputError && /already holds a report/.test(e.message),
    );
    // A link named report.json is never "the same report", whatever it points at.
    const other = join(dir, "other");
    await Deno.mkdir(other);
    await Deno.symlink(join(dir, "report.json"), join(other, "report.json"));
    await assert.rejects(() => prepareReportDir(other, "--out", { rewrites: "watch-1" }));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
