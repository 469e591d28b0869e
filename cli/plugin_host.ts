/**
 * `kiriwake __plugin-host`: hidden; the kit starts it to run one module plugin in a
 * sandboxed Worker (see `plugins/host.ts`). Not for people: it reads a job from stdin.
 *
 * @module
 */
import { InvalidInputError } from "../util/errors.ts";
import { hostJobSchema, runHost } from "../plugins/host.ts";
import { formatIssues } from "../util/zod_issues.ts";
import { parseCommandArgs } from "../util/args.ts";
import type { Command } from "../session/command.ts";

/** The hidden plugin-host command. */
export const pluginHostCommand: Command = async (args, io) => {
  parseCommandArgs("__plugin-host", args, {});
  const line = await io.readLine();
  let parsed;
  try {
    parsed = hostJobSchema.safeParse(JSON.parse(line ?? ""));
  } catch (e) {
    throw new InvalidInputError({
      ja: `プラグイン ホスト: ジョブが JSON ではありません: ${(e as Error).message}`,
      en: `Plugin host: the job is not JSON: ${(e as Error).message}`,
    });
  }
  if (!parsed.success) {
    const issues = formatIssues(parsed.error.issues);
    throw new InvalidInputError({
      ja: `プラグイン ホスト: ジョブが不正です: ${issues}`,
      en: `Plugin host: invalid job: ${issues}`,
    });
  }
  const closed = (async () => {
    while ((await io.readLine()) !== null) { /* the kit sends nothing more; wait for EOF */ }
  })();
  return await runHost(parsed.data, { out: io.out, closed });
};
