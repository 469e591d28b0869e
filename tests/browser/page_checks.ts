/**
 * What every page must pass in a real browser: axe-core finds no serious or critical
 * accessibility violation; nothing scrolls sideways at a phone's 360 px; and the page looks
 * as its reference image in `docs/screenshots/` does, within a small pixel tolerance. A
 * missing reference is written (and fails on CI, where it must already exist); set
 * `UPDATE_SCREENSHOTS=1` to rewrite them after a deliberate change.
 *
 * @module
 */
import AxeBuilder from "@axe-core/playwright";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { Buffer } from "node:buffer";
import type { Page } from "playwright-core";

/** Where the reference images live (they double as the documentation's screenshots). */
export const REFERENCES = new URL("../../docs/screenshots/", import.meta.url);

/** The widths every page is checked at: a small phone and a desk. */
export const WIDTHS = [360, 1280] as const;

/** How much of a page a reference keeps, by width: enough to judge, small enough to commit. */
const CLIP_HEIGHT: Record<number, number> = { 360: 1600, 1280: 1000 };

/** Share of pixels that may differ (anti-aliasing, a glyph's hinting). */
const TOLERANCE = 0.004;

/** axe's serious and critical violations on the page, as readable lines. */
export async function axeProblems(page: Page): Promise<string[]> {
  // deno-lint-ignore no-explicit-any
  const results = await new AxeBuilder({ page: page as any }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) =>
      `${v.impact} ${v.id}: ${v.help} — ${
        v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")
      }`
    );
}

/** How far the page scrolls sideways (0 when it fits), and the widest element when it does. */
export async function sideScroll(page: Page): Promise<{ overflow: number; culprit: string }> {
  // A string, run in the page (this file is type-checked without the DOM's types).
  return await page.evaluate(`(() => {
    const doc = document.documentElement;
    const overflow = doc.scrollWidth - doc.clientWidth;
    let culprit = "";
    if (overflow > 0) {
      let widest = 0;
      for (const el of document.querySelectorAll("body *")) {
        const r = el.getBoundingClientRect();
        if (r.right > widest && r.right > doc.clientWidth) {
          widest = r.right;
          culprit = el.tagName.toLowerCase() + "." + el.className + " (" + Math.round(r.right) + ")";
        }
      }
    }
    return { overflow, culprit };
  })()`);
}

/**
 * Compares the top of the page with `docs/screenshots/NAME.png`.
 *
 * @returns null when it matches, else what differs
 */
export async function compareWithReference(page: Page, name: string): Promise<string | null> {
  const width = page.viewportSize()?.width ?? 1280;
  const full = await page.evaluate<number>("document.documentElement.scrollHeight");
  const height = Math.min(full, CLIP_HEIGHT[width] ?? 1000);
  const shot = await page.screenshot({
    clip: { x: 0, y: 0, width, height },
    animations: "disabled",
    caret: "hide",
  });
  const file = new URL(`${name}.png`, REFERENCES);
  let ref: Uint8Array | null = null;
  try {
    ref = await Deno.readFile(file);
  } catch {
    ref = null;
  }
  if (ref === null || Deno.env.get("UPDATE_SCREENSHOTS") === "1") {
    await Deno.mkdir(REFERENCES, { recursive: true });
    await Deno.writeFile(file, shot);
    return ref === null && Deno.env.get("CI") === "true"
      ? `no reference image ${name}.png (written now; commit it)`
      : null;
  }
  const a = PNG.sync.read(Buffer.from(ref));
  const b = PNG.sync.read(Buffer.from(shot));
  if (a.width !== b.width || a.height !== b.height) {
    await Deno.writeFile(new URL(`${name}.actual.png`, REFERENCES), shot);
    return `${name}: size ${b.width}×${b.height}, reference ${a.width}×${a.height}`;
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  const share = n / (a.width * a.height);
  if (share <= TOLERANCE) return null;
  await Deno.writeFile(new URL(`${name}.actual.png`, REFERENCES), shot);
  await Deno.writeFile(new URL(`${name}.diff.png`, REFERENCES), PNG.sync.write(diff));
  return `${name}: ${(share * 100).toFixed(2)} % of pixels differ (see ${name}.diff.png)`;
}

/** Every check of one page at its current width; returns the problems found. */
export async function checkPage(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  for (const p of await axeProblems(page)) problems.push(`${name}: ${p}`);
  const width = page.viewportSize()?.width ?? 0;
  if (width <= 360) {
    const s = await sideScroll(page);
    if (s.overflow > 0) problems.push(`${name}: scrolls sideways by ${s.overflow}px: ${s.culprit}`);
  }
  const visual = await compareWithReference(page, name);
  if (visual) problems.push(visual);
  return problems;
}

/**
 * The checks of a page whose content changes run to run (live measurements): axe at the
 * current width, then no sideways scrolling at 360 px; the viewport is restored afterwards.
 */
export async function checkLivePage(page: Page, name: string): Promise<string[]> {
  const problems = (await axeProblems(page)).map((p) => `${name}: ${p}`);
  const before = page.viewportSize() ?? { width: 1100, height: 900 };
  await page.setViewportSize({ width: 360, height: 800 });
  const s = await sideScroll(page);
  if (s.overflow > 0) problems.push(`${name}: scrolls sideways by ${s.overflow}px: ${s.culprit}`);
  problems.push(...(await axeProblems(page)).map((p) => `${name} (360 px): ${p}`));
  await page.setViewportSize(before);
  return problems;
}

/** {@link checkPage} in both languages and at both widths, for a page that is always the same. */
export async function checkStablePage(page: Page, url: string, name: string): Promise<string[]> {
  const problems: string[] = [];
  const before = page.viewportSize() ?? { width: 1100, height: 900 };
  for (const lang of ["ja", "en"] as const) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${url}${url.includes("?") ? "&" : "?"}lang=${lang}`);
      problems.push(...await checkPage(page, `${name}-${lang}-${width}`));
    }
  }
  await page.setViewportSize(before);
  return problems;
}
