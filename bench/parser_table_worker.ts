/**
 * Runs one case of the refusal table for `bench/parser_table.ts`, in a Worker so a case
 * that hangs can be stopped. Messages in: `{ kind, index }`; out: the outcome and its time.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import type { ParseKind } from "../probes/parse/mod.ts";
import { allParserInputs } from "../tests/support/parser_inputs.ts";
import { runCase } from "../tests/support/parser_table.ts";

const inputs = allParserInputs();

self.onmessage = (e: MessageEvent<{ kind: ParseKind; index: number }>) => {
  const t0 = performance.now();
  const outcome = runCase(e.data.kind, inputs[e.data.index]);
  self.postMessage({ outcome, ms: performance.now() - t0 });
};
