/**
 * `kiriwake send --pending | --list | --cancel ID | --withdraw RECEIPT`: the queue from the
 * terminal — send what waits now (through whatever connection this is), see what waits and
 * what was sent, cancel a waiting report, withdraw a sent one.
 *
 * @module
 */
import type { CommandContext, Io } from "../session/command.ts";
import { deliverPending, type SendEnv } from "../session/send/deliver.ts";
import { cancelSend, sendOverview, withdrawSend } from "../session/send/manage.ts";
import type { SendEntry } from "../session/send/queue_entry.ts";
import { EXIT, InvalidInputError } from "../util/errors.ts";
import { terminalSafe } from "./send_prompt.ts";
import { deliveryJson, printDelivery } from "./send_result.ts";

/** The flags of the queue operations. */
export interface QueueFlags {
  pending?: boolean;
  list?: boolean;
  cancel?: string;
  withdraw?: string;
  json?: boolean;
}

/** Runs one queue operation. */
export async function queueCommand(
  io: Io,
  ctx: CommandContext,
  env: SendEnv,
  flags: QueueFlags,
): Promise<number> {
  const { lang } = ctx;
  const ja = lang === "ja";
  if (flags.pending) {
    const results = await deliverPending(env, {
      force: true,
      onResult: (d) => flags.json ? undefined : printDelivery(io, lang, d),
    });
    const left = (await sendOverview(env.dataDir)).pending.entries.length;
    if (flags.json) {
      io.out(JSON.stringify({ results: results.map(deliveryJson), waiting: left }, null, 2) + "\n");
    } else if (results.length === 0) {
      io.err(ja ? "送信待ちのレポートはありません。\n" : "No report is waiting to be sent.\n");
    }
    return left === 0 ? EXIT.ok : EXIT.faultFound;
  }
  if (flags.cancel !== undefined) {
    const { entry, warning } = await cancelSend(env, flags.cancel);
    if (warning) io.err(`${ja ? "注意" : "Note"}: ${warning[lang]}\n`);
    if (flags.json) io.out(JSON.stringify({ cancelled: entry.id }) + "\n");
    else io.err(ja ? `送信を取りやめました: ${entry.id}\n` : `Cancelled: ${entry.id}\n`);
    return EXIT.ok;
  }
  if (flags.withdraw !== undefined) {
    const w = await withdrawSend(env, flags.withdraw);
    const receipt = w.entry.record.receipt;
    if (flags.json) {
      io.out(
        JSON.stringify({
          receipt,
          result: w.kind,
          ...("problem" in w ? { problem: w.problem } : {}),
        }) + "\n",
      );
    }
    if (w.kind === "withdrawn") {
      if (!flags.json) {
        io.err(ja ? `取り下げました: ${receipt}\n` : `Withdrawn: ${receipt}\n`);
      }
      if (w.warning) io.err(`${ja ? "注意" : "Note"}: ${w.warning[lang]}\n`);
      return EXIT.ok;
    }
    if (w.kind === "unknown") {
      throw new InvalidInputError({
        ja:
          `提供者のサーバーに受付番号 ${receipt} のレポートはありません (保存期間を過ぎて削除された可能性があります)`,
        en:
          `The provider's collector has no report with receipt ${receipt} (it may have been deleted after its retention period)`,
      });
    }
    io.err(
      ja
        ? `取り下げられませんでした: ${w.problem}\n回線が戻ってから、もう一度お試しください。\n`
        : `Could not withdraw: ${w.problem}\nTry again when the line is back.\n`,
    );
    return EXIT.faultFound;
  }
  const o = await sendOverview(env.dataDir);
  if (flags.json) {
    const row = (e: SendEntry) => ({
      sendId: e.id,
      reportId: e.reportId,
      report: e.reportPath,
      destination: e.record.destination,
      status: e.record.status,
      receipt: e.record.receipt ?? null,
      consentedAt: e.record.consentedAt,
      sentAt: e.record.sentAt ?? null,
      attempts: e.attempts,
      ...(e.record.status === "queued"
        ? { nextAttemptAt: e.nextAttemptAt, lastProblem: e.lastProblem ?? null }
        : {}),
    });
    io.out(
      JSON.stringify(
        {
          waiting: o.pending.entries.map(row),
          finished: o.history.entries.map(row),
          damaged: [...o.pending.damaged, ...o.history.damaged],
        },
        null,
        2,
      ) + "\n",
    );
    return EXIT.ok;
  }
  io.out(ja ? "送信待ち:\n" : "Waiting to be sent:\n");
  if (o.pending.entries.length === 0) io.out(ja ? "  なし\n" : "  none\n");
  for (const e of o.pending.entries) {
    io.out(
      `  ${e.id}  ${terminalSafe(e.reportId)}  → ${e.record.destination}  ${
        ja
          ? `試行 ${e.attempts} 回、次 ${e.nextAttemptAt}`
          : `${e.attempts} tries, next ${e.nextAttemptAt}`
      }${e.lastProblem ? `\n      ${e.lastProblem}` : ""}\n`,
    );
  }
  io.out(ja ? "送信の記録:\n" : "Sent and finished:\n");
  if (o.history.entries.length === 0) io.out(ja ? "  なし\n" : "  none\n");
  for (const e of o.history.entries) {
    io.out(
      `  ${(e.record.receipt ?? "-").padEnd(16)}  ${e.record.status.padEnd(9)}  ${
        terminalSafe(e.reportId)
      }  ${e.record.sentAt ?? e.record.consentedAt}\n`,
    );
  }
  for (const d of [...o.pending.damaged, ...o.history.damaged]) {
    io.err(
      ja
        ? `注意: 読めない送信記録があります (削除していません): ${d.path}: ${d.why}\n`
        : `Note: a send record cannot be read (left in place): ${d.path}: ${d.why}\n`,
    );
  }
  return EXIT.ok;
}
