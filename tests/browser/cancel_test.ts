/**
 * Cancel in a real browser: a run held up by a DNS server that never answers is cancelled
 * from the progress page; the partial report is saved and its verdict page says so.
 *
 * @module
 */
import assert from "node:assert/strict";
import { createSocket } from "node:dgram";
import { join } from "node:path";
import { startLoopbackTargets } from "../support/loopback_targets.ts";
import { launch, screenshot, skipWithoutBrowser, watchProblems } from "./browser.ts";
import { checkLivePage } from "./page_checks.ts";
import { startApp } from "./cli_process.ts";

Deno.test({
  name: "kiriwake app: cancel a running check; the partial report is saved and shown",
  ignore: skipWithoutBrowser(),
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const targets = await startLoopbackTargets();
    // A DNS server that takes every question and never answers: dns.resolve waits.
    const silent = createSocket("udp4");
    await new Promise<void>((r) => silent.bind(0, "127.0.0.1", r));
    const config = structuredClone(targets.config) as {
      dns: { resolvers: { port: number }[]; timeoutMs: number };
      timeouts?: Record<string, number>;
    };
    config.dns.resolvers[0].port = silent.address().port;
    config.dns.timeoutMs = 120_000;
    config.timeouts = { "dns.resolve": 120_000, "http.timing": 120_000 };
    const { cli, tmp, out } = await startApp(config, "kw-cancel-");
    const b = await launch();
    try {
      const page = await b.newPage();
      const problems = watchProblems(page);
      await page.goto(cli.url);
      await page.click("#to-terms");
      await page.click("#agree");
      await page.click("#start");
      await page.waitForSelector('li[data-probe="dns.resolve"].st-running', { timeout: 30_000 });
      await page.locator(".run-list li.st-ok, .run-list li.st-warn, .run-list li.st-skipped").nth(1)
        .waitFor();
      await screenshot(page, "07-progress-ja");

      await page.click("#cancel");
      await page.waitForURL(/\/report\?f=/, { timeout: 30_000 });
      assert.match(await page.textContent(".banner") ?? "", /途中までの結果/);
      await screenshot(page, "08-cancelled-verdict-ja");
      // What never ran is said per segment, and such a segment is never shown as fine.
      assert.ok(await page.locator(".segment .not-measured").count() >= 1);
      assert.equal(await page.locator(".segment.v-ok .not-measured").count(), 0);
      assert.equal(await page.locator(".headline.tone-ok").count(), 0);
      const checks = await checkLivePage(page, "cancelled-verdict");

      const [dir] = [...Deno.readDirSync(out)];
      const report = JSON.parse(await Deno.readTextFile(join(out, dir.name, "report.json")));
      assert.equal(report.partial, true);
      assert.equal(report.interrupted.reason, "cancelled in the browser");
      assert.equal(
        report.probes.find((p: { id: string }) => p.id === "dns.resolve").status,
        "error",
      );
      assert.deepEqual(problems, []);
      assert.deepEqual(checks, [], "axe and 360 px");
    } catch (e) {
      for (const p of b.browser.contexts().flatMap((c) => c.pages())) {
        await screenshot(p, "failed-cancel");
      }
      throw e;
    } finally {
      await b.close();
      await cli.stop();
      silent.close();
      await targets.close();
      await Deno.remove(tmp, { recursive: true });
    }
  },
});
