/**
 * `deno task parsers:table`: the refusal table of `tests/parser_table_test.ts`, timed. Every
 * KIND is fed every input of `tests/support/parser_inputs.ts`, each case in a Worker with a
 * watchdog (`--hang-ms`, default 10000): a case still running then counts as a hang and its
 * Worker is replaced. Prints the counts (tried, clean, accepted, wrong, crash, hang), the
 * cases that were not clean, and the slowest cases. Times depend on the machine's load; the
 * CI test asserts outcomes only.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { type ParseKind, parseKinds } from "../probes/parse/mod.ts";
import { allParserInputs } from "../tests/support/parser_inputs.ts";
import type { Outcome } from "../tests/support/parser_table.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    "hang-ms": { type: "string", default: "10000" },
    slowest: { type: "string", default: "10" },
  },
});
const hangMs = Number(values["hang-ms"]);
const inputs = allParserInputs();
const url = new URL("./parser_table_worker.ts", import.meta.url);
let worker = new Worker(url, { type: "module" });
const ready = () => new Promise((r) => setTimeout(r, 0));

type Result = { outcome: Outcome | { verdict: "hang"; detail: string }; ms: number };

function runOne(kind: ParseKind, index: number): Promise<Result> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      worker.terminate();
      worker = new Worker(url, { type: "module" });
      resolve({ outcome: { verdict: "hang", detail: `over ${hangMs} ms` }, ms: hangMs });
    }, hangMs);
    worker.onmessage = (e: MessageEvent<Result>) => {
      clearTimeout(timer);
      resolve(e.data);
    };
    worker.postMessage({ kind, index });
  });
}

const counts: Record<string, number> = { clean: 0, accepted: 0, wrong: 0, crash: 0, hang: 0 };
const bad: string[] = [];
const times: { ms: number; what: string }[] = [];
for (const kind of parseKinds() as ParseKind[]) {
  for (let i = 0; i < inputs.length; i++) {
    await ready();
    const { outcome, ms } = await runOne(kind, i);
    counts[outcome.verdict]++;
    const what = `${kind} <- ${inputs[i].name} (${inputs[i].size} chars)`;
    times.push({ ms, what });
    if (outcome.verdict !== "clean") bad.push(`${outcome.verdict}: ${what}: ${outcome.detail}`);
  }
  console.error(`${kind}: done`);
}
worker.terminate();
const tried = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(`tried ${tried}: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")}`);
for (const b of bad) console.log(`  ${b}`);
console.log(`slowest cases:`);
for (const t of times.sort((a, b) => b.ms - a.ms).slice(0, Number(values.slowest))) {
  console.log(`  ${t.ms.toFixed(0).padStart(7)} ms  ${t.what}`);
}
