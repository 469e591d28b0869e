/**
 * `kiriwake send`: the report to the provider's support desk, with the customer's consent
 * asked at that moment (or `--yes`), a receipt code to read out on the phone, and a queue on
 * disk when the line is down.
 *
 * ```
 * kiriwake send REPORT [--ticket T] [--to URL] [--yes] [--json] [--dry-run]
 * kiriwake send --pending | --list | --cancel ID | --withdraw RECEIPT   [--json]
 * ```
 *
 * Exit 0: sent (or the queue is empty); 1: queued, not delivered yet; 2: usage; 3: no
 * consent to send; 4: the report is invalid or the collector refused it.
 *
 * @module
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Command, CommandContext, Io } from "../session/command.ts";
import { commitSend, deliver, type SendEnv } from "../session/send/deliver.ts";
import { planSend, type SendPlan } from "../session/send/plan.ts";
import { parseCommandArgs } from "../util/args.ts";
import { dataFolder } from "../session/send/data_folder.ts";
import { EXIT, InvalidInputError, RefusedError, UsageError } from "../util/errors.ts";
import { askSendConsent, printDryRun } from "./send_prompt.ts";
import { deliveryJson, printDelivery } from "./send_result.ts";
import { queueCommand } from "./send_queue.ts";

const OPTIONS = {
  ticket: { type: "string" },
  to: { type: "string" },
  yes: { type: "boolean" },
  json: { type: "boolean" },
  "dry-run": { type: "boolean" },
  pending: { type: "boolean" },
  list: { type: "boolean" },
  cancel: { type: "string" },
  withdraw: { type: "string" },
} as const;

/** The `send` command. */
export const sendCommand: Command = async (args, io, ctx) => {
  const { values, positionals } = parseCommandArgs("send", args, OPTIONS, 1);
  const env: SendEnv = {
    brand: ctx.brand,
    dataDir: dataFolder(ctx.brand.id, io.env),
    now: ctx.now,
  };
  const queueOps = [values.pending, values.list, values.cancel, values.withdraw]
    .filter((v) => v !== undefined && v !== false).length;
  if (queueOps > 1 || (queueOps === 1 && positionals.length > 0)) {
    throw usage();
  }
  if (queueOps === 1) return await queueCommand(io, ctx, env, values);
  if (positionals.length !== 1) throw usage();

  const plan = await planSend({
    brand: ctx.brand,
    configDir: ctx.configDir,
    reportPath: await reportFile(positionals[0]),
    to: values.to,
    ticket: values.ticket,
  });
  if (values["dry-run"]) {
    printDryRun(io, ctx.lang, plan, values.json ?? false);
    return EXIT.ok;
  }
  const method = values.yes ? "flag" : await consent(io, ctx, plan);
  const { entry, warning } = await commitSend(env, plan, { method });
  if (warning) io.err(`${ctx.lang === "ja" ? "注意" : "Note"}: ${warning[ctx.lang]}\n`);
  const d = await deliver(env, entry);
  if (values.json) io.out(JSON.stringify(deliveryJson(d), null, 2) + "\n");
  else printDelivery(io, ctx.lang, d);
  if (d.kind === "rejected") {
    throw new InvalidInputError({
      ja: `提供者がこのレポートを受け付けませんでした: ${d.problem}`,
      en: `The provider's collector refused this report: ${d.problem}`,
    });
  }
  return d.kind === "sent" ? EXIT.ok : EXIT.faultFound;
};

/** Asks on the terminal; refuses where nobody can answer. */
async function consent(io: Io, ctx: CommandContext, plan: SendPlan): Promise<"prompt"> {
  if (!io.stdinIsTty) {
    throw new RefusedError({
      ja:
        "送信には、その場でのお客さまの同意が必要です。端末から実行するか、--yes を付けてください",
      en:
        "Sending needs your consent at the moment of sending: run it on a terminal, or pass --yes",
    });
  }
  if (!await askSendConsent(io, ctx.lang, plan)) {
    throw new RefusedError({
      ja: "送信しませんでした (同意がありません)",
      en: "Nothing was sent: you did not consent",
    });
  }
  return "prompt";
}

/** A report file, or the `report.json` in a report folder. */
async function reportFile(path: string): Promise<string> {
  const s = await stat(path).catch((e) => {
    throw new InvalidInputError({
      ja: `"${path}" を開けません: ${(e as Error).message}`,
      en: `Cannot open "${path}": ${(e as Error).message}`,
    });
  });
  return s.isDirectory() ? join(path, "report.json") : path;
}

function usage(): UsageError {
  return new UsageError({
    ja:
      "send: 使い方は kiriwake send REPORT [--ticket T] [--to URL] [--yes] [--json] [--dry-run]、または send --pending | --list | --cancel ID | --withdraw 受付番号 です",
    en:
      "send: usage is kiriwake send REPORT [--ticket T] [--to URL] [--yes] [--json] [--dry-run], or send --pending | --list | --cancel ID | --withdraw RECEIPT",
  });
}
