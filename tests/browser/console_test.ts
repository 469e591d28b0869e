/**
 * The support desk console in a real browser (Debian's chromium): an agent signs in, types the
 * code a customer reads out, reads the report with its evidence, its place in the crowd and
 * the customer's earlier reports, compares two and exports; hostile report content and SQL in
 * the search fields stay text; a second tenant's agent sees none of it. Screenshots of every
 * console page go to `tests/screenshots/` (and to `docs/screenshots/` with
 * `UPDATE_SCREENSHOTS=1`).
 *
 * @module
 */
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { testCollector } from "../../collector/testing.ts";
import { TEST_PASSWORD, testConsole } from "../../collector/testing_console.ts";
import { memoryDatabase } from "../../collector/testing.ts";
import { HOSTILE } from "../../report/html/testing.ts";
import { serveCollector } from "../../web/collector/serve.ts";
import { HOSTILE_TICKET, SEED_NOW, seedConsole } from "../support/console_seed.ts";
import { launch, SCREENSHOTS, skipWithoutBrowser, watchProblems } from "./browser.ts";
import { checkLivePage } from "./page_checks.ts";

const DOCS = new URL("../../docs/screenshots/", import.meta.url);

/**
 * A screenshot of the top of the page (at most `height` px) in `tests/screenshots/`, and with
 * `UPDATE_SCREENSHOTS=1` a JPEG of it in `docs/screenshots/` (small enough to keep in git).
 */
async function shot(page: Page, name: string, height = 1400): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const full = await page.evaluate("document.documentElement.scrollHeight") as number;
  const clip = { x: 0, y: 0, width: page.viewportSize()!.width, height: Math.min(full, height) };
  await page.screenshot({
    path: new URL(`${name}.png`, SCREENSHOTS).pathname,
    fullPage: true,
    clip,
  });
  if (Deno.env.get("UPDATE_SCREENSHOTS") === "1") {
    await mkdir(DOCS, { recursive: true });
    const path = new URL(`${name}.jpg`, DOCS).pathname;
    await page.screenshot({ path, fullPage: true, clip, type: "jpeg", quality: 72 });
  }
}

/** A screenshot of one element, kept like {@link shot}. */
async function shotOf(page: Page, selector: string, name: string): Promise<void> {
  const el = page.locator(selector);
  await el.scrollIntoViewIfNeeded();
  await el.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname });
  if (Deno.env.get("UPDATE_SCREENSHOTS") === "1") {
    await el.screenshot({ path: new URL(`${name}.jpg`, DOCS).pathname, type: "jpeg", quality: 72 });
  }
}

async function signIn(page: Page, origin: string, login: string): Promise<void> {
  await page.goto(`${origin}/console`);
  await page.waitForSelector("form[action='/console/sign-in']");
  await page.fill("input[name=login]", login);
  await page.fill("input[name=password]", TEST_PASSWORD);
  await page.click("form[action='/console/sign-in'] button");
  await page.waitForSelector(".receipt-box");
}

Deno.test({
  name:
    "console in chromium: find by receipt, read, baseline, timeline, compare, export; tenants apart",
  ignore: skipWithoutBrowser(),
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const db = await memoryDatabase();
    const collector = await testCollector(db);
    const con = testConsole(db, {}, () => SEED_NOW);
    const seeded = await seedConsole(db, con);
    const served = serveCollector(collector, { hostname: "127.0.0.1", port: 0 }, () => {}, con);
    const origin = served.url;
    const b = await launch();
    try {
      const page = await b.newPage({ width: 1100, height: 900 });
      const problems = watchProblems(page);
      await page.goto(`${origin}/console`);
      await page.waitForSelector("form[action='/console/sign-in']");
      await shot(page, "console-sign-in-ja", 700);
      // Axe (no serious or critical violation) and no sideways scrolling at 360 px, page by page.
      const a11y = await checkLivePage(page, "sign-in");
      await signIn(page, origin, "aiko");
      a11y.push(...await checkLivePage(page, "search"));

      // The search page: incident banner, the list with path miniatures.
      assert.equal(await page.locator(".incident").count(), 1);
      assert.match(await page.locator(".incident").innerText(), /10\.64\.0\.1/);
      assert.ok(await page.locator(".results .mini-path").count() >= 20);
      await shot(page, "console-search-ja");

      // The customer reads out tonight's code; the agent types it as heard.
      const tonight = seeded.tanaka[2];
      const heard = tonight.receipt.toLowerCase().replace(/-/g, " ");
      await page.fill(".receipt-box input[name=receipt]", heard);
      await page.click(".receipt-box button");
      await page.waitForSelector(".report-head");
      assert.equal(new URL(page.url()).pathname, `/console/r/${tonight.receipt}`);
      assert.equal(await page.locator(".headline").count(), 1, "the verdict");
      assert.ok(await page.locator(".finding").count() >= 1, "the findings with evidence");
      assert.equal(await page.locator(".reading.k-congestion").count(), 1, "typical: congestion");
      assert.equal(await page.locator(".strips svg").count(), 4);
      assert.equal(await page.locator(".tl-list > li").count(), 3, "this customer's 3 reports");
      await shot(page, "console-report-ja", 2000);
      a11y.push(...await checkLivePage(page, "report"));
      await shotOf(page, "section:has(#baseline-title)", "console-baseline-ja");
      await shotOf(page, "section:has(#timeline-title)", "console-timeline-ja");

      // The evidence details, and the report as the customer saved it.
      await page.click(`a[href='/console/r/${tonight.receipt}/details']`);
      await page.waitForSelector(".probe");
      await page.goBack();
      const [json] = await Promise.all([
        page.waitForEvent("download"),
        page.click(`a[href='/console/r/${tonight.receipt}/report.json']`),
      ]);
      const saved = JSON.parse(await Deno.readTextFile((await json.path())!));
      assert.equal(saved.id, tonight.report.id);
      assert.equal(saved.digest.value, tonight.report.digest.value);

      // Compare with an earlier report of the same customer.
      await page.click(
        `a[href='/console/compare?a=${seeded.tanaka[0].receipt}&b=${tonight.receipt}']`,
      );
      await page.waitForSelector(".compare-table");
      assert.ok(await page.locator("td.changed").count() >= 1);
      await shot(page, "console-compare-ja");
      a11y.push(...await checkLivePage(page, "compare"));

      // The far-below neighbour reads as an individual fault.
      await page.goto(`${origin}/console/r/${seeded.broken.receipt}`);
      assert.equal(await page.locator(".reading.k-individual").count(), 1);
      await shotOf(page, "section:has(#baseline-title)", "console-baseline-individual-ja");

      // Export the search as CSV: acme's reports only.
      await page.goto(`${origin}/console?ticket=T-2041`);
      assert.equal(await page.locator(".results > li").count(), 3);
      const [csv] = await Promise.all([
        page.waitForEvent("download"),
        page.click("a[href^='/console/export.csv']"),
      ]);
      const lines = (await Deno.readTextFile((await csv.path())!)).trim().split("\r\n");
      assert.equal(lines.length, 4);
      for (const g of seeded.globex) assert.ok(!lines.join("\n").includes(g.receipt));

      // Hostile content is text: no dialog (browser.ts fails on one), no element made of it.
      await page.goto(`${origin}/console/r/${seeded.hostile.receipt}`);
      await page.waitForSelector(".report-head");
      assert.equal(await page.locator("img[src=x]").count(), 0);
      assert.ok((await page.locator("body").innerText()).includes(HOSTILE_TICKET));
      assert.ok((await page.locator(".headline").innerText()).includes(HOSTILE));
      await page.goto(`${origin}/console?ticket=${encodeURIComponent(HOSTILE_TICKET)}`);
      assert.equal(await page.locator(".results > li").count(), 1);
      assert.equal(await page.locator("img[src=x]").count(), 0);

      // SQL in the search fields through the form: values, never SQL.
      await page.goto(`${origin}/console`);
      await page.click("details.panel summary");
      await page.fill("input[name=ticket]", "' OR '1'='1");
      await page.fill("input[name=kit]", "0.1.0'; DROP TABLE reports; --");
      await page.click("details.panel button[type=submit]");
      await page.waitForSelector("h1.section-title");
      assert.equal(await page.locator(".results > li").count(), 0);
      await page.fill(".receipt-box input[name=receipt]", "KW' OR 1=1 --");
      await page.click(".receipt-box button");
      await page.waitForSelector(".banner.error");
      assert.deepEqual(problems, []);

      // The second tenant's agent sees none of it.
      const other = await b.newPage({ width: 1100, height: 900 });
      await signIn(other, origin, "gina");
      const listed = await other.locator(".results .code").allInnerTexts();
      assert.equal(listed.length, seeded.globex.length);
      for (const r of seeded.acmeReceipts) assert.ok(!listed.includes(r));
      assert.equal(await other.locator(".incident").count(), 0, "acme's incident is acme's");
      await other.fill(".receipt-box input[name=receipt]", tonight.receipt);
      await other.click(".receipt-box button");
      await other.waitForSelector(".banner.error");
      const direct = await other.goto(`${origin}/console/r/${tonight.receipt}`);
      assert.equal(direct?.status(), 404);
      const cmp = await other.goto(
        `${origin}/console/compare?a=${seeded.globex[0].receipt}&b=${tonight.receipt}`,
      );
      assert.equal(cmp?.status(), 404);
      const ownReport = await other.goto(`${origin}/console/r/${seeded.globex[0].receipt}`);
      assert.equal(ownReport?.status(), 200);
      assert.equal(await other.locator(".tl-list > li").count(), 4, "globex's device, not acme's");
      const body = await other.content();
      for (const r of seeded.acmeReceipts) assert.ok(!body.includes(r));

      // Admin pages (screenshots): the audit log, staff and tenants.
      const admin = await b.newPage({ width: 1100, height: 900 });
      await signIn(admin, origin, "boss");
      await admin.goto(`${origin}/console/audit`);
      const audit = await admin.locator("table").innerText();
      assert.match(audit, /aiko/);
      assert.doesNotMatch(audit, /gina/, "globex's reads are not in acme's log");
      assert.ok(audit.includes(HOSTILE_TICKET), "the hostile search, as text");
      assert.equal(await admin.locator("img[src=x]").count(), 0);
      await shot(admin, "console-audit-ja");
      a11y.push(...await checkLivePage(admin, "audit"));
      await admin.goto(`${origin}/console/staff`);
      await shot(admin, "console-staff-ja", 900);
      a11y.push(...await checkLivePage(admin, "staff"));
      const root = await b.newPage({ width: 1100, height: 900 });
      await signIn(root, origin, "root");
      await root.goto(`${origin}/console/tenants?lang=en`);
      await shot(root, "console-tenants-en", 700);
      await root.goto(`${origin}/console/r/${tonight.receipt}?lang=en`);
      await shot(root, "console-report-en", 1600);
      assert.deepEqual(a11y, [], "every console page: axe and 360 px");
    } finally {
      await b.close();
      await served.shutdown();
    }
  },
});
