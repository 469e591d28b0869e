import assert from "node:assert/strict";
import { renderReportHtml, STANDALONE_CSP } from "./render.tsx";
import { CSS, CSS_HASH_SOURCE } from "./styles.ts";
import { HOSTILE, sampleReport } from "./testing.ts";

Deno.test("renderReportHtml() is one self-contained file: no script, nothing fetched, a CSP", async () => {
  const report = await sampleReport();
  for (const lang of ["ja", "en"] as const) {
    const html = await renderReportHtml(report, lang);
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="' + lang + '">'));
    const attr = STANDALONE_CSP.replaceAll("'", "&#39;");
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${attr}">`));
    assert.ok(STANDALONE_CSP.startsWith("default-src 'none'; style-src " + CSS_HASH_SOURCE));
    assert.ok(html.includes(`<style>${CSS}</style>`), "the stylesheet its hash allows");
    assert.doesNotMatch(html, /<script|<link rel="stylesheet"|<iframe|<img/i);
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i);
    assert.ok(html.includes(report.digest.value));
    assert.ok(html.includes(report.diagnosis.headline.text[lang]));
    assert.equal((html.match(/<svg/g) ?? []).length >= 5, true, "path and charts are drawn");
  }
});

Deno.test("renderReportHtml() escapes every string a probe or plugin supplied", async () => {
  const html = await renderReportHtml(await sampleReport({ hostile: true }), "en");
  assert.ok(!html.includes(HOSTILE));
  assert.ok(!html.includes("<img src=x"));
  assert.ok(!html.includes("<script>alert"));
  assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
});

Deno.test("renderReportHtml() marks a partial report", async () => {
  const html = await renderReportHtml(await sampleReport({ partial: true }), "ja");
  assert.ok(html.includes("途中までの結果です"));
});

Deno.test("renderReportHtml() never shows a redacted identifier", async () => {
  const report = await sampleReport({
    identifiers: [{ kind: "ssid", value: "home-5G" }, { kind: "public-ip", value: "198.51.100.7" }],
  });
  for (const lang of ["ja", "en"] as const) {
    const html = await renderReportHtml(report, lang);
    assert.ok(!html.includes("home-5G") && !html.includes("198.51.100.7"));
    assert.ok(html.includes("[redacted:ssid]"));
  }
});

Deno.test("renderReportHtml() gives a stopped check with nothing found so far no green tick", async () => {
  const full = await renderReportHtml(await sampleReport({ fault: "none" }), "en");
  assert.ok(full.includes(`class="headline tone-ok"`), "a complete healthy check is ok");
  const html = await renderReportHtml(await sampleReport({ fault: "none", partial: true }), "en");
  assert.ok(!html.includes(`class="headline tone-ok"`));
  assert.ok(html.includes("The check was stopped early"));
});
