/**
 * The adversarial suite in CI: every case of every class (issue 19) against this checkout,
 * each ending clean — the documented exit code and one error line, no hang, nothing lost,
 * nothing left running or in the temporary folder. One test per class; a failure lists
 * every case that did not end clean, with why.
 *
 * `deno task adversarial` runs the same cases as a census (and against other checkouts).
 */
import { allCases } from "./cases.ts";
import { HERE, runCases } from "./harness.ts";

const cases = allCases();
const classes = [...new Set(cases.map((c) => c.cls))];

for (const cls of classes) {
  const mine = cases.filter((c) => c.cls === cls);
  Deno.test({
    name: `adversarial ${cls}: ${mine.length} cases end clean`,
    // The cases use /proc, named pipes, process groups and sh.
    ignore: Deno.build.os !== "linux",
    sanitizeResources: false,
    sanitizeOps: false,
    async fn() {
      const outcomes = await runCases(mine, HERE, 2);
      const bad = outcomes
        .map((o, i) => ({ o, c: mine[i] }))
        .filter(({ o }) => o.verdict !== "clean")
        .map(({ o, c }) => `  ${o.verdict}: ${c.name} — ${o.detail}`);
      if (bad.length > 0) {
        throw new Error(
          `${bad.length} of ${mine.length} cases did not end clean:\n${bad.join("\n")}`,
        );
      }
    },
  });
}
