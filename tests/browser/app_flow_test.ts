/**
 * App mode end to end in a real browser: `kiriwake app` against loopback targets, from the
 * terms to the verdict, then the details, the language switch, the downloads and Quit.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { startLoopbackTargets } from "../support/loopback_targets.ts";
import { launch, screenshot, skipWithoutBrowser, watchProblems } from "./browser.ts";
import { startApp } from "./cli_process.ts";
import { checkLivePage, checkStablePage } from "./page_checks.ts";

Deno.test({
  name: "kiriwake app: terms → consent → start → live progress → verdict → details → save",
  ignore: skipWithoutBrowser(),
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const targets = await startLoopbackTargets();
    const { cli, tmp, out } = await startApp(targets.config, "kw-app-");
    const b = await launch();
    try {
      const page = await b.newPage();
      const problems = watchProblems(page);
      await page.goto(cli.url);
      assert.equal(new URL(page.url()).search, "", "the token is dropped from the address");
      await screenshot(page, "01-app-home-ja");
      // Home and terms look the same every time: axe, 360 px and reference images.
      const checks = await checkStablePage(page, `${cli.origin}/`, "app-home");
      checks.push(...await checkStablePage(page, `${cli.origin}/terms`, "terms"));
      await page.goto(`${cli.origin}/?lang=ja`);

      await page.click("#to-terms");
      await page.waitForSelector("#terms-text");
      assert.match(await page.textContent("#terms-text") ?? "", /利用規約/);
      const identifiers = page.locator('input[value="identifiers"]');
      assert.equal(await identifiers.isChecked(), false, "identifiers start unticked");
      await screenshot(page, "02-terms-ja");
      await page.click("#agree");

      await page.waitForSelector("#start");
      await screenshot(page, "03-ready-ja");
      await page.click("#start");
      // The script follows the events and moves on to the verdict by itself.
      await page.waitForURL(/\/report\?f=/, { timeout: 60_000 });
      await page.waitForSelector(".headline h1");
      const saved = [...Deno.readDirSync(out)].filter((e) => e.isDirectory);
      assert.equal(saved.length, 1);
      const report = JSON.parse(await Deno.readTextFile(join(out, saved[0].name, "report.json")));
      assert.equal(report.partial, false);
      // Loopback answers, but how fast depends on the machine's load: compare with the file.
      assert.equal(await page.textContent(".headline h1"), report.diagnosis.headline.text.ja);
      for (const [segment, v] of Object.entries(report.diagnosis.segments)) {
        const station = segment === "lan" ? "router" : segment;
        assert.equal(
          await page.locator(`.station.v-${(v as { verdict: string }).verdict}`).count() >= 1,
          true,
          station,
        );
      }
      assert.equal(await page.locator(".station.v-ok").count() >= 3, true);
      await screenshot(page, "04-verdict-ja");
      checks.push(...await checkLivePage(page, "live-verdict"));

      await page.click("text=測定の詳細を見る");
      await page.waitForSelector(".probes");
      await screenshot(page, "05-details-ja");
      checks.push(...await checkLivePage(page, "live-details"));

      await page.click(".nav .lang");
      await page.waitForSelector("html[lang=en]");
      assert.match(await page.textContent("h1.page-title") ?? "", /Measurement details/);
      await page.click("text=Back to the verdict");
      assert.equal(await page.textContent(".headline h1"), report.diagnosis.headline.text.en);
      await screenshot(page, "06-verdict-en");

      const [dl] = await Promise.all([
        page.waitForEvent("download"),
        page.click("text=Report (single HTML file)"),
      ]);
      const html = await Deno.readTextFile(await dl.path());
      assert.ok(html.includes(report.digest.value), "the single file is of this report");
      assert.doesNotMatch(html, /<script/i, "the single file has no script");
      assert.doesNotMatch(html, /(src|href)="https?:/i, "the single file loads nothing");

      for (const f of ["report.json", "report.txt", "report.html"]) {
        assert.ok(Deno.statSync(join(out, saved[0].name, f)).isFile, `${f} saved`);
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(checks, [], "axe, 360 px and reference images");

      await page.click("footer button");
      await page.waitForSelector("text=You can close this window");
      assert.equal((await cli.child.status).code, 0, "Quit stops the server");
    } catch (e) {
      for (const p of b.browser.contexts().flatMap((c) => c.pages())) {
        await screenshot(p, "failed-app-flow");
      }
      throw e;
    } finally {
      await b.close();
      await cli.stop();
      await targets.close();
      await Deno.remove(tmp, { recursive: true });
    }
  },
});
