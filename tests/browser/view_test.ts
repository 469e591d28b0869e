/**
 * `kiriwake view` in a real browser: received reports (a fault, a warning, one with hostile
 * strings planted everywhere a probe or plugin can write), the list, the verdict, the
 * details with charts, the comparison, and proof that nothing planted runs.
 *
 * @module
 */
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { HOSTILE, sampleReport } from "../../report/html/testing.ts";
import { launch, screenshot, skipWithoutBrowser, watchProblems } from "./browser.ts";
import { startCli } from "./cli_process.ts";

async function writeReport(dir: string, report: unknown): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, "report.json");
  await Deno.writeTextFile(path, JSON.stringify(report, null, 2));
  return path;
}

Deno.test({
  name: "kiriwake view: list, verdict, details, compare, language; hostile strings stay text",
  ignore: skipWithoutBrowser(),
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const tmp = await Deno.makeTempDir({ prefix: "kw-view-" });
    const received = join(tmp, "received");
    await writeReport(
      join(received, "morning"),
      await sampleReport({ fault: "slow", at: new Date("2026-11-24T01:00:00Z") }),
    );
    await writeReport(
      join(received, "evening"),
      await sampleReport({ fault: "dns", at: new Date("2026-11-24T11:00:00Z") }),
    );
    const hostile = await writeReport(join(tmp, "other"), await sampleReport({ hostile: true }));
    const cli = await startCli(["view", "--no-open", "--lang", "ja", received, hostile], {
      KIRIWAKE_CONFIG_DIR: join(tmp, "conf"),
      PATH: Deno.env.get("PATH") ?? "",
    });
    const b = await launch();
    try {
      const page = await b.newPage();
      const problems = watchProblems(page);
      await page.goto(cli.url);
      assert.equal(await page.locator(".report-list li").count(), 3);
      await screenshot(page, "10-view-list-ja");

      await page.locator(".report-list li", { hasText: "名前解決 (DNS) ができません" })
        .locator("a").click();
      await page.waitForSelector(".headline.tone-fail");
      assert.equal(await page.locator(".station.v-fail").count(), 1);
      await screenshot(page, "11-view-verdict-fault-ja");
      await page.setViewportSize({ width: 400, height: 800 });
      await screenshot(page, "11b-view-verdict-narrow-ja");
      await page.setViewportSize({ width: 1100, height: 900 });

      await page.click("text=測定の詳細を見る");
      await page.waitForSelector("section.chart");
      assert.ok(
        await page.locator("section.chart svg").count() >= 4,
        "latency, hops, throughput, phases",
      );
      await screenshot(page, "12-view-details-ja");
      await page.locator("section.chart").first().screenshot({
        path: join(new URL("../screenshots/", import.meta.url).pathname, "12a-chart-latency.png"),
      });

      await page.goto(`${cli.origin}/compare`);
      await page.click("form[action='/compare'] button");
      await page.waitForSelector(".compare-table");
      assert.ok(await page.locator("td.changed").count() >= 1, "the DNS change is marked");
      await screenshot(page, "13-compare-ja");

      await page.click(".nav .lang");
      await page.waitForSelector("html[lang=en]");
      await screenshot(page, "14-compare-en");

      // The hostile report: every planted string shows as text, nothing runs or loads.
      await page.goto(`${cli.origin}/`);
      const hrefs = await page.locator(".report-list a").evaluateAll((as) =>
        as.map((a) => a.getAttribute("href") ?? "")
      );
      // The named file's directory is root 1 (the named directory is root 0).
      const hostileRef = hrefs.find((h) => h.includes("f=1%3A"));
      assert.ok(hostileRef, "the named hostile file is listed");
      await page.goto(cli.origin + hostileRef!.replace("/report?", "/report/details?"));
      await page.waitForSelector(".probes");
      const text = await page.textContent("main") ?? "";
      assert.ok(
        text.includes("<img src=x onerror=alert(1)>"),
        "the planted markup is shown as text",
      );
      assert.equal(await page.locator("main img").count(), 0);
      assert.equal(await page.locator("script").count(), 0);
      const html = await page.content();
      assert.ok(!html.includes(HOSTILE), "never unescaped in the DOM");
      await screenshot(page, "15-hostile-details-en");
      assert.deepEqual(problems, []);
    } catch (e) {
      for (const p of b.browser.contexts().flatMap((c) => c.pages())) {
        await screenshot(p, "failed-view");
      }
      throw e;
    } finally {
      await b.close();
      await cli.stop();
      await Deno.remove(tmp, { recursive: true });
    }
  },
});
