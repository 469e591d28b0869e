/**
 * `kiriwake probes`: lists every probe with its segment, data categories and description.
 *
 * @module
 */
import { EXIT } from "../util/errors.ts";
import { BUILTIN_PROBES } from "../probes/mod.ts";
import { parseCommandArgs } from "../util/args.ts";
import type { Command } from "../session/command.ts";

/** The `probes` command. */
export const probesCommand: Command = (args, io, ctx) => {
  const { values } = parseCommandArgs("probes", args, { json: { type: "boolean" } });
  const rows = BUILTIN_PROBES.map((p) => ({
    id: p.id,
    segment: p.segment,
    title: p.title[ctx.lang],
    description: p.description[ctx.lang],
    dataCategories: [...p.dataCategories],
    dependsOn: [...p.dependsOn],
    platforms: [...p.platforms],
    timeoutMs: p.timeoutMs,
  }));
  if (values.json) io.out(JSON.stringify(rows, null, 2) + "\n");
  else {
    for (const r of rows) {
      io.out(
        `${r.id.padEnd(20)} ${r.segment.padEnd(9)} ${r.title}\n${" ".repeat(31)}${r.description}\n`,
      );
    }
  }
  return Promise.resolve(EXIT.ok);
};
