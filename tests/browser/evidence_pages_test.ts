/**
 * Every report page, as support and customers see it, in both languages at a phone's and a
 * desk's width: the report list, the verdict, the details with each probe's evidence view,
 * the comparison and the single-file HTML — all made from reports that real lab runs wrote
 * (`tests/fixtures/reports/lab/`). Each page must pass axe with no serious or critical
 * violation, must not scroll sideways at 360 px, and must match its reference image.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, skipWithoutBrowser } from "./browser.ts";
import { startCli } from "./cli_process.ts";
import { checkPage, WIDTHS } from "./page_checks.ts";

/** The number of pages of a PDF (its page objects). */
function pdfPages(pdf: Uint8Array): number {
  const text = new TextDecoder("latin1").decode(pdf);
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

const LAB = new URL("../fixtures/reports/lab/", import.meta.url);

Deno.test({
  name: "evidence pages: list, verdict, details, compare, single file — axe, 360 px, references",
  ignore: skipWithoutBrowser(),
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const tmp = await Deno.makeTempDir({ prefix: "kw-evidence-" });
    const received = join(tmp, "received");
    for (
      const [dir, file] of [["a-healthy", "baseline-speed"], ["b-line-loss", "isp-access-loss"]]
    ) {
      await Deno.mkdir(join(received, dir), { recursive: true });
      await Deno.copyFile(new URL(`${file}.json`, LAB), join(received, dir, "report.json"));
    }
    const cli = await startCli(["view", "--no-open", "--lang", "ja", received], {
      KIRIWAKE_CONFIG_DIR: join(tmp, "conf"),
      PATH: Deno.env.get("PATH") ?? "",
      TZ: "UTC",
    });
    const b = await launch();
    const problems: string[] = [];
    try {
      const page = await b.newPage({ width: 1280, height: 900 });
      await page.goto(cli.url);
      const hrefs = await page.locator(".report-list a").evaluateAll((as) =>
        as.map((a) => a.getAttribute("href") ?? "")
      );
      const ref = (dir: string) =>
        decodeURIComponent(hrefs.find((h) => h.includes(encodeURIComponent(dir)))!.split("f=")[1]);
      const fault = encodeURIComponent(ref("b-line-loss"));
      const healthy = encodeURIComponent(ref("a-healthy"));
      for (const lang of ["ja", "en"] as const) {
        const single = join(tmp, `single-${lang}.html`);
        const res = await page.request.get(`${cli.origin}/download/html?f=${fault}&lang=${lang}`);
        await Deno.writeTextFile(single, await res.text());
        const pages: [string, string][] = [
          ["list", `${cli.origin}/?lang=${lang}`],
          ["verdict", `${cli.origin}/report?f=${fault}&lang=${lang}`],
          ["details", `${cli.origin}/report/details?f=${fault}&lang=${lang}`],
          ["compare", `${cli.origin}/compare?a=${healthy}&b=${fault}&lang=${lang}`],
          ["single-file", `file://${single}`],
        ];
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          for (const [name, url] of pages) {
            await page.goto(url);
            await page.waitForLoadState("load");
            problems.push(...await checkPage(page, `${name}-${lang}-${width}`));
          }
        }
      }
      // Paper: the customer's summary fits on two A4 pages; the appendix follows it.
      for (const lang of ["ja", "en"] as const) {
        await page.goto(`file://${join(tmp, `single-${lang}.html`)}`);
        const all = pdfPages(await page.pdf({ format: "A4", preferCSSPageSize: true }));
        await page.evaluate(
          `document.querySelectorAll(".appendix, .meta").forEach((e) => e.remove())`,
        );
        const summary = pdfPages(await page.pdf({ format: "A4", preferCSSPageSize: true }));
        assert.ok(summary <= 2, `${lang}: the summary takes ${summary} pages`);
        assert.ok(all > summary, `${lang}: the appendix follows (${all} pages in all)`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await b.close();
      await cli.stop();
      await Deno.remove(tmp, { recursive: true });
    }
  },
});
