/**
 * A watch report is sendable like any report: `kiriwake send` uploads it (the collector checks
 * the schema and the digest, watch part included), and the receipt goes into it.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { BRAND } from "../brand/brand.ts";
import { type Brand, loadBrand } from "../brand/schema.ts";
import { main } from "../main.ts";
import { sendsOf } from "../report/send_record.ts";
import { reportPaths, writeReport } from "../report/store.ts";
import { readVerifiedReport } from "../report/verify.ts";
import { memoryIo } from "../session/command.ts";
import { fakeCollector } from "../session/send/testing.ts";
import { sampleWatchReport } from "../watch/testing.ts";

Deno.test("send: a watch report goes to the collector whole, series and events included", async () => {
  const fake = fakeCollector();
  const dir = await Deno.makeTempDir({ prefix: "kw-watch-send-" });
  try {
    const paths = reportPaths(join(dir, "watch"));
    await Deno.mkdir(paths.dir);
    const watch = await sampleWatchReport();
    await writeReport(paths, watch, "en");
    const brand: Brand = loadBrand({ ...structuredClone(BRAND), collector: { urls: [fake.url] } });
    const io = memoryIo("", { env: { KIRIWAKE_DATA_DIR: join(dir, "data"), HOME: dir } });
    const code = await main(["send", paths.dir, "--yes", "--json", "--lang", "en"], io, {
      brand,
      configDir: join(dir, "cfg"),
    });
    assert.equal(code, 0, io.stderr);
    const { receipt, status } = JSON.parse(io.stdout);
    assert.equal(status, "sent");
    const stored = fake.stored.get(receipt)!;
    assert.deepEqual(stored.report.watch, watch.watch, "the collector has the watch part");
    const report = await readVerifiedReport(paths.json);
    assert.deepEqual(report.watch, watch.watch, "the watch part is unchanged");
    assert.equal(sendsOf(report)[0].receipt, receipt);
  } finally {
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
});
