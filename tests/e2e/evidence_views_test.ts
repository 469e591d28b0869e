/**
 * Reports real runs wrote, through every view: a fresh run of the kit against loopback
 * targets, and the reports of the netns lab kept in `tests/fixtures/reports/lab/`. Every
 * built-in probe that measured gets its purpose-built view (not the generic fallback), both
 * languages render, and the Japanese pages speak Japanese: no untranslated identifier or
 * English word outside the values the page marks as measured, one width of brackets, one
 * word for confidence.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { BRAND } from "../../brand/brand.ts";
import { purposeView } from "../../report/html/evidence/mod.tsx";
import { renderReportHtml } from "../../report/html/render.tsx";
import { buildReport } from "../../report/build.ts";
import { type Report, reportSchema } from "../../report/schema.ts";
import { readVerifiedReport } from "../../report/verify.ts";
import { renderText } from "../../report/text.ts";
import { isBuiltinId } from "../../probes/mod.ts";
import { runAgainstLoopback } from "../support/loopback_run.ts";
import { asciiLeaks, translatableText, valueWords } from "../support/visible_text.ts";

const LAB = new URL("../fixtures/reports/lab/", import.meta.url);
const LAB_FILES = [
  "baseline-speed",
  "isp-access-loss",
  "dns-provider-servfail",
  "isp-bufferbloat",
  "dns-provider-aaaa-servfail",
  "internet-ipv4-broken-beyond-edge",
  "device-proxy-refuses-connect",
];

function assertPurposeViews(report: Report, where: string) {
  for (const p of report.probes) {
    if (!isBuiltinId(p.id) || Object.keys(p.data).length === 0) continue;
    for (const lang of ["ja", "en"] as const) {
      assert.ok(purposeView(p, lang), `${where}: ${p.id} falls back to the generic view (${lang})`);
    }
  }
}

async function assertJapanese(report: Report, where: string) {
  const html = await renderReportHtml(report, "ja");
  const texts = translatableText(html);
  const brand = [report.tool.brand.product, ...report.tool.brand.provider.split(" ")];
  const values = valueWords(report.probes.map((p) => p.data));
  assert.deepEqual(
    asciiLeaks(texts, [...brand, ...values]),
    [],
    `${where}: English or ids in the Japanese page`,
  );
  const wide = texts.filter((t) => /[（）]/.test(t));
  assert.deepEqual(wide, [], `${where}: full-width brackets (the pages use half-width ones)`);
  assert.deepEqual(texts.filter((t) => t.includes("確度")), [], `${where}: 確度 (say 確からしさ)`);
}

Deno.test("evidence views: a fresh loopback run, every probe in its own view, Japanese throughout", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kiriwake-views-" });
  try {
    const out = join(dir, "out");
    const { kit } = await runAgainstLoopback({
      configPath: join(dir, "config.json"),
      args: ["--accept-terms", BRAND.terms.version, "--consent", "all", "--out", out, "--json"],
      env: { KIRIWAKE_CONFIG_DIR: join(dir, "conf") },
    });
    assert.ok(kit.code === 0 || kit.code === 1, kit.stderr);
    const report = await readVerifiedReport(join(out, "report.json"));
    assertPurposeViews(report, "loopback run");
    await assertJapanese(report, "loopback run");
    for (const lang of ["ja", "en"] as const) {
      assert.ok((await renderReportHtml(report, lang)).includes(report.digest.value));
      assert.ok(renderText(report, lang).includes(report.id));
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("evidence views: every lab report renders, each probe in its own view", async () => {
  for (const name of LAB_FILES) {
    const report = reportSchema.parse(
      JSON.parse(await Deno.readTextFile(new URL(`${name}.json`, LAB))),
    );
    assertPurposeViews(report, name);
    for (const lang of ["ja", "en"] as const) {
      const html = await renderReportHtml(report, lang);
      assert.ok(html.includes(report.digest.value), name);
      assert.doesNotMatch(html, /<script/i);
    }
  }
});

Deno.test("evidence views: the lab's findings, diagnosed again by today's rules, read as Japanese", async () => {
  for (const name of LAB_FILES) {
    const old = reportSchema.parse(
      JSON.parse(await Deno.readTextFile(new URL(`${name}.json`, LAB))),
    );
    // The probes' own words are frozen in the file; the diagnosis and every page are today's.
    const { probes: _p, diagnosis: _d, redaction: _r, digest: _g, partial, finishedAt, ...meta } =
      old;
    const report = await buildReport(meta, {
      results: old.probes.map((p) => ({ ...p, summary: undefined, reason: undefined })),
      identifiers: [],
      finishedAt: finishedAt ? new Date(finishedAt) : null,
      partial,
    });
    await assertJapanese(report, name);
  }
});
