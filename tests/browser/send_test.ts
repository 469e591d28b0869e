/**
 * Sending to support in a real browser: a customer opens a saved report, presses "send to
 * support", reads what leaves this computer and where it goes, agrees, and reads the receipt
 * code — which is the code the collector (a stand-in on loopback) stored the report under.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BRAND } from "../../brand/brand.ts";
import { sampleReport } from "../../report/html/testing.ts";
import { reportPaths, writeReport } from "../../report/store.ts";
import { fakeCollector } from "../../session/send/testing.ts";
import { launch, screenshot, skipWithoutBrowser, watchProblems } from "./browser.ts";
import { startCli } from "./cli_process.ts";

const BRANDED = fileURLToPath(new URL("../support/branded_main.ts", import.meta.url));

Deno.test({
  name: "send to support: verdict → what leaves → agree → the receipt code, large",
  ignore: skipWithoutBrowser(),
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const tmp = await Deno.makeTempDir({ prefix: "kw-send-browser-" });
    const fake = fakeCollector();
    const paths = reportPaths(join(tmp, "reports", "r1"));
    await Deno.mkdir(paths.dir, { recursive: true });
    await writeReport(paths, await sampleReport({ fault: "dns" }), "ja");
    const brandFile = join(tmp, "brand.json");
    await Deno.writeTextFile(
      brandFile,
      JSON.stringify({ ...structuredClone(BRAND), collector: { urls: [fake.url] } }),
    );
    const cli = await startCli(["view", "--no-open", "--lang", "ja", paths.json], {
      KIRIWAKE_TEST_BRAND: brandFile,
      KIRIWAKE_CONFIG_DIR: join(tmp, "conf"),
      KIRIWAKE_DATA_DIR: join(tmp, "data"),
      PATH: Deno.env.get("PATH") ?? "",
    }, BRANDED);
    const b = await launch();
    try {
      const page = await b.newPage();
      const problems = watchProblems(page);
      await page.goto(cli.url);
      await page.waitForSelector("#send-to-support");
      await screenshot(page, "30-send-button-ja");
      await page.click("#send-to-support");
      await page.waitForSelector("#agree-send");
      const consent = await page.textContent("main") ?? "";
      assert.ok(consent.includes(fake.url), "the destination is shown");
      assert.ok(consent.includes("含まれる情報"), "what leaves is shown");
      assert.equal(fake.uploads, 0, "nothing is sent before the customer agrees");
      await page.fill("#ticket", "T-2026-1203");
      await screenshot(page, "31-send-consent-ja");
      await page.click("#agree-send");
      await page.waitForSelector("#receipt");
      const receipt = (await page.textContent("#receipt"))!.trim();
      assert.ok(fake.stored.has(receipt), `${receipt} is what the collector stored`);
      assert.equal(fake.stored.get(receipt)!.ticket, "T-2026-1203");
      const size = await page.locator("#receipt").evaluate((e) =>
        // deno-lint-ignore no-explicit-any
        parseFloat((globalThis as any).getComputedStyle(e).fontSize)
      );
      assert.ok(size >= 32, `the receipt is large (${size}px)`);
      await screenshot(page, "32-send-receipt-ja");
      await page.click("text=レポート");
      await page.waitForSelector(".receipt");
      assert.equal((await page.textContent(".sends .receipt"))!.trim(), receipt);
      assert.deepEqual(problems, []);
    } finally {
      await b.close();
      await cli.stop();
      await fake.close();
      await Deno.remove(tmp, { recursive: true });
    }
  },
});
