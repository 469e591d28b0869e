import assert from "node:assert/strict";
import { renderReportHtml } from "./render.tsx";
import { sampleWatchReport } from "../../watch/testing.ts";
import { HOSTILE } from "./testing.ts";
import { renderText } from "../text.ts";

Deno.test("renderReportHtml() shows a watch: timelines per segment, events, busy hours", async () => {
  const report = await sampleWatchReport();
  const html = await renderReportHtml(report, "en");
  assert.match(html, /<section class="panel watch"/);
  assert.equal(
    (html.match(/class="chart-svg timeline"/g) ?? []).length,
    4,
    "lan, isp, dns, internet",
  );
  assert.match(html, /class="band band-fail"/, "the drop is shaded");
  assert.match(html, /class="busy"/, "busy hours are tinted");
  assert.match(html, /21:20–21:40/);
  assert.match(html, /Slower only in the busy hours \(20–24\)/);
  assert.match(html, /Throughput over time/);
  assert.doesNotMatch(html, /<script/);
  const ja = await renderReportHtml(report, "ja");
  assert.match(ja, /時間を通した監視/);
  assert.match(ja, /回線が切れていました/);
  assert.match(ja, /混雑時間帯とそれ以外/);
});

Deno.test("renderReportHtml() escapes every label of a watch", async () => {
  const report = await sampleWatchReport();
  const w = structuredClone(report.watch!);
  w.series[0].label = HOSTILE;
  w.events[0].detail.en = HOSTILE;
  const html = await renderReportHtml({ ...report, watch: w }, "en");
  assert.ok(!html.includes(HOSTILE), "a hostile label appears raw");
  assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
});

Deno.test("renderText() lists the watch's events and the busy-hours comparison", async () => {
  const text = renderText(await sampleWatchReport(), "en");
  assert.match(text, /Watch: 144 samples every 10 min/);
  assert.match(text, /Watch verdict: The line dropped/);
  assert.match(
    text,
    /\[Fault\] The router answered; the provider and everything beyond it were dark 21:20–21:40/,
  );
  assert.match(text, /Provider \/ line: Slower only in the busy hours \(20–24\)/);
  const ja = renderText(await sampleWatchReport(), "ja");
  assert.match(ja, /監視: .*、10 分ごとに 144 回/);
  assert.match(ja, /プロバイダー \/ 回線: 混雑時間帯 \(20–24 時\) だけ遅くなり/);
});
