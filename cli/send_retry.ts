/**
 * The queue, at the start of the kit: reports that waited for the line go now — each tried
 * once, whatever its backoff (a start is rare, and the run has just found the line working),
 * within a bounded time — and the customer is told the receipt of each that arrived. Failures stay queued silently (they are retried later); nothing here can stop the
 * command that called it.
 *
 * @module
 */
import type { Io } from "../session/command.ts";
import { deliverPending, type SendEnv } from "../session/send/deliver.ts";
import type { Lang } from "../util/text.ts";
import { terminalSafe } from "./send_prompt.ts";

/** How long the start of the kit spends on the queue at most, ms. */
export const RETRY_BUDGET_MS = 30_000;

/** Tries the due queued sends; tells the customer on stderr what arrived. */
export async function retryQueuedSends(
  io: Io,
  lang: Lang,
  env: SendEnv,
  quiet = false,
): Promise<void> {
  try {
    await deliverPending(env, {
      force: true,
      signal: AbortSignal.timeout(RETRY_BUDGET_MS),
      onResult: (d) => {
        if (quiet || d.kind !== "sent") return;
        const r = d.entry.record.receipt;
        const id = terminalSafe(d.entry.reportId);
        io.err(
          lang === "ja"
            ? `送信待ちだったレポート ${id} を送信しました。受付番号: ${r}\n`
            : `The queued report ${id} has been sent. Receipt code: ${r}\n`,
        );
      },
    });
  } catch (e) {
    if (!quiet) {
      io.err(
        lang === "ja"
          ? `注意: 送信待ちのレポートを確認できませんでした (${(e as Error).message})\n`
          : `Note: could not look at the queued reports (${(e as Error).message})\n`,
      );
    }
  }
}
