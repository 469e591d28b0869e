/**
 * Every adversarial case, class by class (issue 19; the parsers of class 8 have their own
 * suite in `probes/parse/`).
 *
 * @module
 */
import type { Case } from "./harness.ts";
import { nestingCases } from "./cases_nesting.ts";
import { fileCases } from "./cases_files.ts";
import { integrityCases } from "./cases_integrity.ts";
import { argvCases } from "./cases_argv.ts";
import { outCases } from "./cases_out.ts";
import { smallCases } from "./cases_small.ts";
import { groupCases, sandboxCases } from "./cases_plugins.ts";
import { webCases } from "./cases_web.ts";

/** All cases, generated afresh. */
export function allCases(): Case[] {
  return [
    ...nestingCases(),
    ...webCases(),
    ...sandboxCases(),
    ...groupCases(),
    ...outCases(),
    ...argvCases(),
    ...fileCases(),
    ...integrityCases(),
    ...smallCases(),
  ];
}
