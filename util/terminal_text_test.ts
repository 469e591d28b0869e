import assert from "node:assert/strict";
import {
  CLEAR_LINE,
  jsonSafeForTerminal,
  terminalSafe,
  terminalSafeKeepingProgress,
} from "./terminal_text.ts";

Deno.test("terminalSafe() removes every sequence a terminal would act on, keeping the text", () => {
  const cases: [string, string][] = [
    ["a\x1b[31mred\x1b[0m b", "ared b"],
    ["\x1b[2J\x1b[Hclear", "clear"],
    ["\x1b]0;title\x07x", "x"],
    ["\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\", "link"],
    ["\x1bPdcs payload\x1b\\after", "after"],
    ["\u009b31mC1\u009dosc\u009c", "C1"],
    ["over\rwrite", "overwrite"],
    ["bidi \u202eevil\u202c and \u2066iso\u2069", "bidi evil and iso"],
    ["bell\x07 nul\0 del\x7f", "bell nul del"],
    ["tab\tand\nnewline", "tab\tand\nnewline"],
    ["日本語のテキスト", "日本語のテキスト"],
    ["lone \x1b", "lone "],
  ];
  for (const [input, want] of cases) assert.equal(terminalSafe(input), want, JSON.stringify(input));
});

Deno.test("terminalSafeKeepingProgress() keeps only the progress bar's own sequence", () => {
  assert.equal(
    terminalSafeKeepingProgress(`${CLEAR_LINE}[##] 1/2 x\x1b[2Jy\n`),
    `${CLEAR_LINE}[##] 1/2 xy\n`,
  );
});

Deno.test("jsonSafeForTerminal() escapes C1 and bidi controls and keeps the same JSON value", () => {
  const value = { s: "a\u009b2Jb\u202ec\x7f", n: 1 };
  const safe = jsonSafeForTerminal(JSON.stringify(value));
  assert.doesNotMatch(safe, /[\u007f-\u009f\u202a-\u202e]/);
  assert.deepEqual(JSON.parse(safe), value);
});
