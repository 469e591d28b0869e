import assert from "node:assert/strict";
import { sampleReport } from "./html/testing.ts";
import { digestOf } from "./digest.ts";
import { reportSchema } from "./schema.ts";
import { forUpload, receiptsOf, sendsOf, withSend } from "./send_record.ts";
import type { SendRecord } from "./send_schema.ts";
import { verifyReportText } from "./verify.ts";

const record = (id: string, over: Partial<SendRecord> = {}): SendRecord => ({
  id: id.padStart(16, "0"),
  destination: "https://support.example.jp/kiriwake",
  consentedAt: "2026-12-03T09:00:00.000Z",
  method: "prompt",
  status: "queued",
  ...over,
});

Deno.test("withSend() records sends without changing the digest, and the report verifies", async () => {
  const report = await sampleReport();
  const before = await digestOf(report);
  const queued = withSend(report, record("1"));
  const sent = withSend(
    queued,
    record("1", { status: "sent", receipt: "KW-3467-9ACE", sentAt: "2026-12-03T09:05:00.000Z" }),
  );
  const again = withSend(sent, record("2", { ticket: "T-123" }));
  assert.deepEqual(sendsOf(again).map((s) => [s.id.slice(-1), s.status]), [["1", "sent"], [
    "2",
    "queued",
  ]]);
  assert.deepEqual(receiptsOf(again), ["KW-3467-9ACE"]);
  assert.equal(await digestOf(again), before);
  reportSchema.parse(again);
  const read = await verifyReportText(JSON.stringify(again), "report.json");
  assert.equal(sendsOf(read).length, 2);
});

Deno.test("the digest still covers everything else in consent", async () => {
  const report = withSend(await sampleReport(), record("1"));
  const widened = { ...report, consent: { ...report.consent, refused: [] } };
  await assert.rejects(() => verifyReportText(JSON.stringify(widened), "r.json"), /digest/);
});

Deno.test("a report with a malformed send block is refused by name", async () => {
  const report = withSend(await sampleReport(), record("1"));
  const bad = JSON.parse(JSON.stringify(report));
  bad.consent.send.sends[0].status = "lost";
  await assert.rejects(
    () => verifyReportText(JSON.stringify(bad), "r.json"),
    /consent\.send\.sends\[0\]\.status/,
  );
});

Deno.test("forUpload() carries only the send being made", async () => {
  const report = withSend(
    withSend(await sampleReport(), record("1", { status: "sent", receipt: "KW-3467-9ACE" })),
    record("2"),
  );
  const up = forUpload(report, sendsOf(report)[1]);
  assert.deepEqual(sendsOf(up).map((s) => s.id.slice(-1)), ["2"]);
  assert.equal(await digestOf(up), report.digest.value);
});
