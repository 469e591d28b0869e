/**
 * Class 5: `run --out DIR` never writes over a report already in `DIR` — an earlier run's,
 * or one a customer sent. The new report goes into a sub-folder, and the old bytes stay.
 *
 * @module
 */
import { onlyConfig, reportsUnder, runArgs, validReport } from "./fixtures.ts";
import { type Case, clean, expectExit, type Kit, type Outcome } from "./harness.ts";

const CLS = "5 out";

async function secondRun(k: Kit, plant: (out: string) => Promise<string>): Promise<Outcome> {
  const out = k.path("out");
  await Deno.mkdir(out, { recursive: true });
  const planted = await plant(out);
  const before = await Deno.readFile(planted);
  const config = await k.write("c.json", onlyConfig(["system.info"]));
  const r = await k.run(runArgs("--config", config, "--out", out, "--json"));
  const bad = expectExit(r, [0, 1]);
  if (bad) return bad;
  const after = await Deno.readFile(planted).catch(() => new Uint8Array());
  if (before.length !== after.length || before.some((b, i) => b !== after[i])) {
    return { verdict: "loss", detail: `${planted} was overwritten` };
  }
  const written = JSON.parse(r.stdout).report as string;
  if (written === planted || !reportsUnder(out).includes(written)) {
    return { verdict: "loss", detail: `the new report is not beside the old one (${written})` };
  }
  return clean(written);
}

/** The class's cases. */
export function outCases(): Case[] {
  return [
    {
      cls: CLS,
      name: "a second run into the same --out",
      run: (k) =>
        secondRun(k, async (out) => {
          const config = await k.write("c0.json", onlyConfig(["system.info"]));
          await k.run(runArgs("--config", config, "--out", out));
          return `${out}/report.json`;
        }),
    },
    {
      cls: CLS,
      name: "--out where a received report.json lies",
      run: (k) =>
        secondRun(k, async (out) => {
          const p = `${out}/report.json`;
          await Deno.writeTextFile(p, JSON.stringify(await validReport(), null, 2));
          return p;
        }),
    },
    {
      cls: CLS,
      name: "--out where only a report.txt lies",
      run: (k) =>
        secondRun(k, async (out) => {
          const p = `${out}/report.txt`;
          await Deno.writeTextFile(p, "the customer's summary\n");
          return p;
        }),
    },
    {
      cls: CLS,
      name: "--out where report.html is a link to another file",
      run: (k) =>
        secondRun(k, async (out) => {
          const target = await k.write("precious.html", "<p>precious</p>");
          await Deno.symlink(target, `${out}/report.html`);
          return target;
        }),
    },
  ];
}
