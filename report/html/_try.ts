import { renderReportHtml } from "./render.tsx";
import { sampleReport } from "./testing.ts";
import { chromium } from "playwright-core";
const r = await sampleReport({ fault: Deno.args[0] as "dns" ?? "slow" });
const lang = (Deno.args[1] ?? "ja") as "ja";
const t0 = performance.now();
const html = await renderReportHtml(r, lang, { verified: true });
console.log("render ms", performance.now() - t0, html.length);
await Deno.writeTextFile("/tmp/kwweb_sample.html", html);
const dir = await Deno.makeTempDir();
const ctx = await chromium.launchPersistentContext(dir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1100, height: 900 },
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await ctx.newPage();
page.on("console", (m) => console.log("console:", m.text()));
await page.goto("file:///tmp/kwweb_sample.html");
const ys = (Deno.args[2] ?? "0").split(",").map(Number);
for (const [i, y] of ys.entries()) {
  await page.screenshot({
    path: `/tmp/kwweb_shot${i}.png`,
    fullPage: true,
    clip: { x: 0, y, width: 1100, height: 1400 },
  });
}
await ctx.close();
