import assert from "node:assert/strict";
import { join } from "node:path";
import {
  MAX_LISTED_REPORTS,
  readReportList,
  remainingReports,
  rememberReport,
  reportListPath,
} from "./report_list.ts";

Deno.test("rememberReport() keeps each path once, most recent last, bounded", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kw-list-" });
  try {
    const at = new Date("2026-11-24T00:00:00Z");
    await rememberReport(dir, "/r/a.json", at);
    await rememberReport(dir, "/r/b.json", at);
    await rememberReport(dir, "/r/a.json", at);
    assert.deepEqual((await readReportList(dir)).map((r) => r.path), ["/r/b.json", "/r/a.json"]);
    for (let i = 0; i < 5; i++) await rememberReport(dir, `/r/${i}`, at, 3);
    assert.deepEqual((await readReportList(dir)).map((r) => r.path), ["/r/2", "/r/3", "/r/4"]);
    assert.ok(MAX_LISTED_REPORTS >= 100, "the default keeps a useful history");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("remainingReports() lists only reports still on disk and prunes the rest", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kw-list-" });
  try {
    const kept = join(dir, "kept.json");
    const gone = join(dir, "gone.json");
    await Deno.writeTextFile(kept, "{}");
    await Deno.writeTextFile(gone, "{}");
    await rememberReport(dir, kept, new Date());
    await rememberReport(dir, gone, new Date());
    await Deno.remove(gone);
    assert.deepEqual((await remainingReports(dir)).map((r) => r.path), [kept]);
    assert.deepEqual((await readReportList(dir)).map((r) => r.path), [kept]);
    await Deno.writeTextFile(reportListPath(dir), '{"schema":"x"}');
    await assert.rejects(readReportList(dir), /is not a list of reports/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
