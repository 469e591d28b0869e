import assert from "node:assert/strict";
import { join } from "node:path";
import { BRAND } from "../../brand/brand.ts";
import { loadBrand } from "../../brand/schema.ts";
import { sampleReport } from "../../report/html/testing.ts";
import { sendsOf } from "../../report/send_record.ts";
import { reportPaths, writeReport } from "../../report/store.ts";
import { readVerifiedReport } from "../../report/verify.ts";
import { newReceipt, parseReceipt } from "../../util/receipt.ts";
import { commitSend, deliver, deliverPending, type SendEnv } from "./deliver.ts";
import { cancelSend, sendOverview, withdrawSend } from "./manage.ts";
import { planSend } from "./plan.ts";
import { SendQueue } from "./queue.ts";
import { fakeCollector } from "./testing.ts";

/** A saved report, a data folder, and a brand whose collector is `url`. */
async function setup(url: string, clock = { t: Date.parse("2026-12-03T09:00:00Z") }) {
  const dir = await Deno.makeTempDir({ prefix: "kw-send-" });
  const paths = reportPaths(join(dir, "reports", "r1"));
  await Deno.mkdir(paths.dir, { recursive: true });
  await writeReport(paths, await sampleReport(), "en");
  const brand = loadBrand({ ...structuredClone(BRAND), collector: { urls: [url] } });
  const env: SendEnv = { brand, dataDir: join(dir, "data"), now: () => new Date(clock.t) };
  const plan = () =>
    planSend({ brand, configDir: join(dir, "cfg"), reportPath: paths.json, ticket: "T-7" });
  return { dir, paths, env, plan, clock };
}

Deno.test("a send with the line down stays queued, then arrives with a receipt in the report", async () => {
  const fake = fakeCollector();
  const port = new URL(fake.url).port;
  await fake.close(); // the line is down: nothing listens
  const s = await setup(`http://127.0.0.1:${port}`);
  try {
    const { entry } = await commitSend(s.env, await s.plan(), { method: "flag" });
    assert.equal(sendsOf(await readVerifiedReport(s.paths.json))[0].status, "queued");
    const first = await deliver(s.env, entry);
    assert.equal(first.kind, "queued");
    assert.equal(first.entry.attempts, 1);
    assert.ok(Date.parse(first.entry.nextAttemptAt) >= s.clock.t + 24_000);
    // Not due yet: an automatic pass leaves it alone.
    assert.deepEqual(await deliverPending(s.env), []);
    const back = fakeCollector(Number(port));
    try {
      s.clock.t += 60_000;
      const [d] = await deliverPending(s.env);
      assert.equal(d.kind, "sent");
      const receipt = d.entry.record.receipt!;
      assert.equal(parseReceipt(receipt), receipt);
      const stored = back.stored.get(receipt)!;
      assert.equal(stored.ticket, "T-7");
      assert.equal((stored.report as { id: string }).id, entry.reportId);
      const report = await readVerifiedReport(s.paths.json);
      assert.deepEqual(sendsOf(report).map((r) => [r.status, r.receipt]), [["sent", receipt]]);
      assert.ok((await Deno.readTextFile(s.paths.text)).includes(receipt));
      assert.ok((await Deno.readTextFile(s.paths.html)).includes(receipt));
      const o = await sendOverview(s.env.dataDir);
      assert.equal(o.pending.entries.length, 0);
      assert.equal(o.history.entries[0].upload, undefined, "the copy is dropped once delivered");
    } finally {
      await back.close();
    }
  } finally {
    await Deno.remove(s.dir, { recursive: true });
  }
});

Deno.test("sending the same report again gives the same receipt (idempotent on id + digest)", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const a = await deliver(
      s.env,
      (await commitSend(s.env, await s.plan(), { method: "prompt" })).entry,
    );
    // The report now records the first send; the digest is unchanged, so it is the same report.
    const b = await deliver(
      s.env,
      (await commitSend(s.env, await s.plan(), { method: "prompt" })).entry,
    );
    assert.equal(a.kind, "sent");
    assert.equal(b.kind === "sent" && b.duplicate, true);
    assert.equal(a.entry.record.receipt, b.entry.record.receipt);
    assert.equal(fake.stored.size, 1);
    const uploaded = fake.stored.values().next().value!.report as {
      consent: { send: { sends: unknown[] } };
    };
    assert.equal(uploaded.consent.send.sends.length, 1, "only the send being made goes along");
  } finally {
    await fake.close();
    await Deno.remove(s.dir, { recursive: true });
  }
});

Deno.test("503 and 429 keep the report queued, honouring Retry-After; 422 gives up and says why", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const { entry } = await commitSend(s.env, await s.plan(), { method: "flag" });
    fake.mode = "unavailable";
    const a = await deliver(s.env, entry);
    assert.equal(a.kind, "queued");
    assert.equal(Date.parse(a.entry.nextAttemptAt) - s.clock.t, 120_000);
    fake.mode = "rate-limited";
    const b = await deliver(s.env, a.entry);
    assert.equal(b.kind, "queued");
    assert.match(b.kind === "queued" ? b.problem : "", /rate-limited/);
    fake.mode = "schema";
    const c = await deliver(s.env, b.entry);
    assert.equal(c.kind, "rejected");
    assert.equal(c.entry.record.status, "rejected");
    const report = await readVerifiedReport(s.paths.json);
    assert.match(sendsOf(report)[0].note ?? "", /schema/);
    assert.equal((await sendOverview(s.env.dataDir)).pending.entries.length, 0);
  } finally {
    await fake.close();
    await Deno.remove(s.dir, { recursive: true });
  }
});

Deno.test("deliver() leaves an entry another process is delivering alone", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const { entry } = await commitSend(s.env, await s.plan(), { method: "flag" });
    const release = await new SendQueue(s.env.dataDir).lock(entry.id);
    assert.equal((await deliver(s.env, entry)).kind, "busy");
    assert.equal(fake.uploads, 0);
    await release!();
    assert.equal((await deliver(s.env, entry)).kind, "sent");
    assert.equal(
      (await deliver(s.env, entry)).kind,
      "sent",
      "a finished entry reports its outcome",
    );
    assert.equal(fake.uploads, 1);
  } finally {
    await fake.close();
    await Deno.remove(s.dir, { recursive: true });
  }
});

Deno.test("a waiting send can be cancelled; a sent one withdrawn with the token kept here", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const waiting = (await commitSend(s.env, await s.plan(), { method: "flag" })).entry;
    await cancelSend(s.env, waiting.id);
    assert.equal(sendsOf(await readVerifiedReport(s.paths.json))[0].status, "cancelled");
    const sent = await deliver(
      s.env,
      (await commitSend(s.env, await s.plan(), { method: "flag" })).entry,
    );
    const receipt = sent.entry.record.receipt!;
    assert.ok(fake.stored.has(receipt));
    const w = await withdrawSend(s.env, receipt.toLowerCase().replaceAll("-", " "));
    assert.equal(w.kind, "withdrawn");
    assert.ok(!fake.stored.has(receipt));
    const statuses = sendsOf(await readVerifiedReport(s.paths.json)).map((r) => r.status);
    assert.deepEqual(statuses, ["cancelled", "withdrawn"]);
    await assert.rejects(() => withdrawSend(s.env, newReceipt("alnum")), /No report sent/);
    await assert.rejects(() => withdrawSend(s.env, "KW-0000-0000"), /not a receipt code/);
    await assert.rejects(() => cancelSend(s.env, waiting.id), /No waiting send/);
  } finally {
    await fake.close();
    await Deno.remove(s.dir, { recursive: true });
  }
});

Deno.test("a queued report survives its report folder being deleted", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const { entry } = await commitSend(s.env, await s.plan(), { method: "flag" });
    await Deno.remove(s.paths.dir, { recursive: true });
    const d = await deliver(s.env, entry);
    assert.equal(d.kind, "sent");
    assert.ok(d.kind === "sent" && d.warning, "the missing copy is only a warning");
    assert.ok(fake.stored.has(d.entry.record.receipt!));
  } finally {
    await fake.close();
    await Deno.remove(s.dir, { recursive: true });
  }
});
