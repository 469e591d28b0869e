import assert from "node:assert/strict";
import { join } from "node:path";
import { InputFileError, readInputFile, readInputText } from "./read_input.ts";

async function kind(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "read";
  } catch (e) {
    assert.ok(e instanceof InputFileError, String(e));
    return e.kind;
  }
}

Deno.test("readInputFile() reads a regular file within the cap, and refuses a larger one", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const p = join(dir, "a.json");
    await Deno.writeTextFile(p, "x".repeat(100));
    assert.equal((await readInputFile(p, 100)).length, 100);
    assert.equal(await kind(readInputFile(p, 99)), "too-large");
    const sparse = join(dir, "sparse");
    const f = await Deno.open(sparse, { write: true, create: true });
    await f.truncate(10 * 1024 ** 3);
    f.close();
    assert.equal(await kind(readInputFile(sparse, 1024)), "too-large");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name: "readInputFile() refuses pipes, devices, directories and link loops at once",
  ignore: Deno.build.os === "windows",
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      const fifo = join(dir, "fifo");
      assert.ok((await new Deno.Command("mkfifo", { args: [fifo] }).output()).success);
      await Deno.symlink(join(dir, "b"), join(dir, "a"));
      await Deno.symlink(join(dir, "a"), join(dir, "b"));
      const t0 = performance.now();
      assert.equal(await kind(readInputFile(fifo, 1024)), "not-file");
      assert.equal(await kind(readInputFile("/dev/zero", 1024)), "not-file");
      assert.equal(await kind(readInputFile(dir, 1024)), "not-file");
      assert.equal(await kind(readInputFile(join(dir, "a"), 1024)), "loop");
      assert.equal(await kind(readInputFile(join(dir, "none"), 1024)), "missing");
      assert.ok(performance.now() - t0 < 2000);
      const e = await readInputFile(fifo, 1024).then(
        () => assert.fail("read"),
        (e) => e as InputFileError,
      );
      assert.match(e.message, /^is not a regular file \(a pipe, socket or device\)$/);
      assert.ok(e.ja.length > 0);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("readInputText() refuses bytes that are not UTF-8 and drops a byte-order mark", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const p = join(dir, "t");
    await Deno.writeFile(p, new Uint8Array([0xef, 0xbb, 0xbf, 0x61]));
    assert.equal(await readInputText(p, 10), "a");
    await Deno.writeFile(p, new Uint8Array([0x82, 0xa0]));
    assert.equal(await kind(readInputText(p, 10)), "not-text");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
