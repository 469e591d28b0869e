/**
 * `deno task bench`: the speed engine's figures on this machine, side by side with iperf3.
 *
 * 1. Loopback: probe vs iperf3 with the same stream count (1 and 4), each direction; the
 *    probe's CPU time and peak memory.
 * 2. Shaped links (tbf in namespaces, 20/100/500 Mbit/s): probe/iperf3 and probe/TCP goodput
 *    ceiling, each direction.
 * 3. Bufferbloat at 20 Mbit/s: added latency under load with a deep queue (must show) and a
 *    shallow one (must not).
 *
 * Figures, not timed tests: other work on the machine moves them, so each is repeated
 * (`--runs N`, default 3) and shown with its spread. Sections 2–3 need root, iproute2 and
 * iperf3; without them they are skipped, saying why. Flags: `--runs N`, `--seconds S`
 * (iperf3 duration, default 10), `--only loopback|shaped|bloat`, `--rates 1,20,100,500`
 * (shaped rates in Mbit/s, default 20,100,500).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { netnsUnavailable } from "../tests/support/netns.ts";
import { loopbackSection } from "./loopback.ts";
import { run } from "./proc.ts";
import { bloatSection, shapedSection } from "./shaped.ts";
import { createTopology } from "./topology.ts";
import { fmt } from "./figures.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    runs: { type: "string", default: "3" },
    seconds: { type: "string", default: "10" },
    only: { type: "string" },
    rates: { type: "string", default: "20,100,500" },
  },
});
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const rates = values.rates.split(",").map((r) => Number(r) * 1e6);
if (rates.some((r) => !(r > 0))) {
  console.error(`--rates must be positive Mbit/s separated by commas: "${values.rates}"`);
  Deno.exit(2);
}
const wants = (s: string) => !values.only || values.only.split(",").includes(s);
const log = (line: string) => console.error(line);
const configDir = await Deno.makeTempDir({ prefix: "kiriwake-bench-" });
const o = { runs, seconds, configDir, log };

const iperfVersion =
  (await run(["iperf3", "--version"]).catch(() => null))?.stdout.split("\n")[0] ?? "not installed";
console.log(`# kiriwake speed bench — ${new Date().toISOString()}`);
console.log(
  `deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} CPUs, ${iperfVersion}, load ${
    (await Deno.readTextFile("/proc/loadavg").catch(() => "?")).trim()
  }`,
);
console.log(
  `${runs} run(s) each; iperf3 runs ${seconds} s with the first second omitted (-O 1).\n`,
);

const checks: string[] = [];
try {
  if (wants("loopback")) {
    console.log("## Loopback: probe vs iperf3, same streams");
    const r = await loopbackSection(o);
    console.log(r.text + "\n");
    checks.push(`loopback ≥ 0.9 of iperf3: median ${fmt(r.median)}, best ${fmt(r.best)}`);
  }
  const why = iperfVersion === "not installed"
    ? "iperf3 is not installed"
    : await netnsUnavailable();
  if (why && (wants("shaped") || wants("bloat"))) {
    console.log(`## Shaped links and bufferbloat: skipped (${why})\n`);
  } else if (wants("shaped") || wants("bloat")) {
    const topo = await createTopology();
    try {
      if (wants("shaped")) {
        console.log("## Shaped links (tbf, 20 ms queue): accuracy");
        const r = await shapedSection(topo, rates, o);
        console.log(r.text + "\n");
        checks.push(
          `shaped within ±3 % of iperf3: worst deviation ${fmt((r.worst ?? NaN) * 100, 1)} %`,
        );
      }
      if (wants("bloat")) {
        console.log("## Bufferbloat at 20 Mbit/s: deep vs shallow queue");
        const r = await bloatSection(topo, 20e6, [{ name: "deep", ms: 500 }, {
          name: "shallow",
          ms: 2,
        }], o);
        console.log(r.text + "\n");
        checks.push(
          `deep queue grades ${r.grades.deep.join(" ")} (must be C or worse); shallow ${
            r.grades.shallow.join(" ")
          } (must be A+/A)`,
        );
      }
    } finally {
      await topo.destroy();
    }
  }
} finally {
  await Deno.remove(configDir, { recursive: true });
}
console.log("## Targets");
for (const c of checks) console.log(`- ${c}`);
