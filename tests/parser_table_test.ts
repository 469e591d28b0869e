/**
 * The refusal table in CI: every KIND of `probes/parse/mod.ts` fed every fixture of every
 * kind, empty and blank text, binary garbage, 64 KiB lines shaped to make backtracking
 * patterns slow, and huge outputs — generated at run time. Each case must parse its own
 * kind's output to the expected parse or end in a ParseError; any other outcome fails.
 * Time is not asserted (the machine is shared); the inputs' sizes are, so no case shrinks.
 * `deno task parsers:table` runs the same table with a timer and a watchdog per case.
 */
import assert from "node:assert/strict";
import { parseKinds } from "../probes/parse/mod.ts";
import { MAX_LINE_CHARS } from "../probes/parse/input_limits.ts";
import type { ParseKind } from "../probes/parse/mod.ts";
import {
  allParserInputs,
  HUGE_PING_REPLIES,
  LONG_LINE,
  longLineInputs,
} from "./support/parser_inputs.ts";
import { runCase } from "./support/parser_table.ts";

const inputs = allParserInputs();

Deno.test("parser table: the inputs are as large as they claim", () => {
  assert.ok(inputs.filter((i) => i.kind !== null).length >= 150, "fixtures missing");
  const long = longLineInputs();
  assert.ok(long.length >= 60);
  for (const l of long) assert.ok(l.size === LONG_LINE || l.size === MAX_LINE_CHARS, l.name);
  const ping = inputs.find((i) => i.name.startsWith("iputils ping,"))!;
  assert.ok(ping.text.split("\n").length > HUGE_PING_REPLIES);
  assert.ok(inputs.some((i) => i.name.startsWith("just past") && i.size > 16 * 1024 * 1024));
});

for (const kind of parseKinds() as ParseKind[]) {
  Deno.test(`parser table: ${kind} parses its own output and refuses everything else`, () => {
    const failures: string[] = [];
    for (const input of inputs) {
      const o = runCase(kind, input);
      if (o.verdict !== "clean") failures.push(`${o.verdict} ${input.name}: ${o.detail}`);
    }
    assert.deepEqual(failures, []);
  });
}
