/**
 * Browser tests' support: Debian's chromium driven by playwright-core, headless, with a
 * fresh profile; a test that needs it fails when `CI=true` and it is missing, and is
 * skipped with the reason printed otherwise.
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import { type Browser, chromium, type Page } from "playwright-core";

/** The chromium this suite drives. */
export const CHROMIUM = Deno.env.get("KIRIWAKE_CHROMIUM") ?? "/usr/bin/chromium";

/** Where screenshots go (git-ignored). */
export const SCREENSHOTS = new URL("../screenshots/", import.meta.url);

/** Why the browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  try {
    Deno.statSync(CHROMIUM);
    return null;
  } catch {
    return `chromium not found at ${CHROMIUM}`;
  }
}

/** `ignore` for Deno.test: skip locally without chromium (saying why), never on CI. */
export function skipWithoutBrowser(): boolean {
  const why = browserMissing();
  if (why === null) return false;
  if (Deno.env.get("CI") === "true") return false; // let the test run and fail loudly
  console.warn(`skipping browser tests: ${why}`);
  return true;
}

/** A launched browser with a fresh profile, closed by `close()`. */
export interface TestBrowser {
  browser: Browser;
  newPage(opts?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Launches chromium headless. */
export async function launch(): Promise<TestBrowser> {
  const why = browserMissing();
  if (why) throw new Error(`Browser tests need chromium: ${why}`);
  // launch() gives every browser a fresh temporary profile (it refuses --user-data-dir).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        viewport: { width: opts.width ?? 1100, height: opts.height ?? 900 },
        locale: "ja-JP",
      });
      const page = await context.newPage();
      // Any dialog means script ran that should not have: fail the test that opened it.
      page.on("dialog", (d) => {
        throw new Error(`Unexpected dialog: ${d.message()}`);
      });
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}

/** Saves a full-page screenshot as `tests/screenshots/NAME.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

/** Collects CSP violations and console errors of a page, for asserting none happened. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  return problems;
}
