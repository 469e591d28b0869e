import assert from "node:assert/strict";
import { renderReportHtml } from "./render.tsx";
import { HOSTILE, sampleReport } from "./testing.ts";
import { withSend } from "../send_record.ts";
import { renderText } from "../text.ts";

const sent = async () =>
  withSend(
    withSend(await sampleReport(), {
      id: "00000000000000a1",
      destination: "https://support.example.jp/kiriwake",
      consentedAt: "2026-12-03T09:00:00.000Z",
      method: "prompt",
      status: "sent",
      receipt: "KW-3467-9ACE",
      sentAt: "2026-12-03T09:01:00.000Z",
      ticket: "T-42",
    }),
    {
      id: "00000000000000a2",
      destination: `https://x.example/${encodeURIComponent(HOSTILE)}`,
      consentedAt: "2026-12-03T10:00:00.000Z",
      method: "browser",
      status: "queued",
    },
  );

Deno.test("renderReportHtml() shows the receipt code large, and queued sends", async () => {
  const report = await sent();
  for (const lang of ["ja", "en"] as const) {
    const html = await renderReportHtml(report, lang);
    assert.ok(html.includes(`<p class="receipt" lang="en">KW-3467-9ACE</p>`));
    assert.ok(html.includes("T-42"));
    assert.ok(html.includes(lang === "ja" ? "送信待ちです" : "Waiting to be sent"));
  }
  const none = await renderReportHtml(await sampleReport(), "en");
  assert.ok(!none.includes(`class="receipt"`), "a report never sent has no send section");
});

Deno.test("renderReportHtml() escapes a hostile destination", async () => {
  const report = await sent();
  const bad = {
    ...report,
    consent: {
      ...report.consent,
      send: {
        sends: report.consent.send!.sends.map((s) => ({ ...s, destination: HOSTILE })),
      },
    },
  };
  const html = await renderReportHtml(bad, "en");
  assert.ok(!html.includes(HOSTILE));
  assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
});

Deno.test("renderText() puts the receipt near the top of report.txt", async () => {
  const report = await sent();
  const en = renderText(report, "en").split("\n");
  const at = en.findIndex((l) => l.includes("KW-3467-9ACE"));
  assert.ok(at > 0 && at < 4, en.slice(0, 6).join("\n"));
  assert.match(en[at], /^Sent to support — receipt KW-3467-9ACE .*ticket T-42/);
  assert.ok(en.some((l) => l.startsWith("Waiting to be sent")));
  assert.match(renderText(report, "ja"), /受付番号 KW-3467-9ACE/);
  assert.ok(!renderText(await sampleReport(), "en").includes("receipt"));
});
