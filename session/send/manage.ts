/**
 * What the customer can do with sends afterwards: see the queue and the history, cancel a
 * report still waiting, and withdraw one the collector already holds (with the deletion
 * token kept on this device).
 *
 * @module
 */
import type { SendRecord } from "../../report/send_schema.ts";
import { parseReceipt } from "../../util/receipt.ts";
import { InvalidInputError, UsageError } from "../../util/errors.ts";
import type { Localized } from "../../util/text.ts";
import { withdraw } from "./collector_client.ts";
import { clean, type SendEnv } from "./deliver.ts";
import { mirrorSend } from "./mirror.ts";
import { destinationsOf } from "./plan.ts";
import { type Listing, SendQueue } from "./queue.ts";
import type { SendEntry } from "./queue_entry.ts";

/** The queue and the history. */
export interface SendOverview {
  pending: Listing;
  history: Listing;
}

/** Reads the queue and the history (newest last). */
export async function sendOverview(dataDir: string): Promise<SendOverview> {
  const q = new SendQueue(dataDir);
  return { pending: await q.pending(), history: await q.history() };
}

/**
 * Cancels waiting send `id`: it leaves the queue unsent and the report says so.
 *
 * @throws {UsageError} when no send with that id is waiting
 */
export async function cancelSend(
  env: SendEnv,
  id: string,
): Promise<{ entry: SendEntry; warning?: Localized }> {
  const queue = new SendQueue(env.dataDir);
  const entry = /^[0-9a-f]{16}$/.test(id) ? await queue.get(id) : null;
  if (!entry) {
    throw new UsageError({
      ja: `送信待ちの中に "${id}" はありません (kiriwake send --list で確かめられます)`,
      en: `No waiting send "${id}" (kiriwake send --list shows them)`,
    });
  }
  const release = await queue.lock(id);
  if (!release) {
    throw new UsageError({
      ja: "この送信はいま送っている最中です。少し待ってからもう一度お試しください",
      en: "This send is being delivered right now; try again in a moment",
    });
  }
  try {
    const record: SendRecord = {
      ...entry.record,
      status: "cancelled",
      note: `cancelled ${env.now().toISOString()}`,
    };
    const done = await queue.finish({ ...entry, record });
    const m = await mirrorSend(done.reportPath, done, record);
    return { entry: done, ...("warning" in m ? { warning: m.warning } : {}) };
  } finally {
    await release();
  }
}

/** What a withdrawal came to. */
export type Withdrawal =
  | { kind: "withdrawn"; entry: SendEntry; warning?: Localized }
  /** The collector knows no report with this receipt and token (already deleted?). */
  | { kind: "unknown"; entry: SendEntry }
  | { kind: "failed"; entry: SendEntry; problem: string };

/**
 * Withdraws the report sent with `receipt`: the collector deletes it, proven by the deletion
 * token this device kept. Requires `--allow-net`.
 *
 * @throws {UsageError} when `receipt` is not a receipt code, or no send of this device has it
 */
export async function withdrawSend(env: SendEnv, receipt: string): Promise<Withdrawal> {
  const code = parseReceipt(receipt);
  if (!code) {
    throw new UsageError({
      ja: `"${receipt}" は受付番号ではありません (例: KW-7F3K-93XM)`,
      en: `"${receipt}" is not a receipt code (e.g. KW-7F3K-93XM)`,
    });
  }
  const queue = new SendQueue(env.dataDir);
  const entry = (await queue.history()).entries.find((e) => e.record.receipt === code);
  if (!entry) {
    throw new UsageError({
      ja: `この端末から送った中に受付番号 ${code} はありません`,
      en: `No report sent from this device has receipt ${code}`,
    });
  }
  if (entry.record.status === "withdrawn") return { kind: "withdrawn", entry };
  const [dest] = destinationsOf(env.brand, {
    urls: [entry.record.destination],
    brandPin: entry.brandPin,
  });
  const out = await withdraw(dest, code, entry.deletionToken, env.now(), env.request);
  if (out.kind === "not-found") return { kind: "unknown", entry };
  if (out.kind !== "deleted") return { kind: "failed", entry, problem: clean(out.problem) };
  const record: SendRecord = {
    ...entry.record,
    status: "withdrawn",
    note: `withdrawn ${env.now().toISOString()}`,
  };
  const done = { ...entry, record };
  try {
    await queue.putDone(done);
  } catch (e) {
    throw new InvalidInputError({
      ja: `取り下げは完了しましたが、記録を保存できませんでした: ${(e as Error).message}`,
      en: `The report was withdrawn, but the record could not be saved: ${(e as Error).message}`,
    });
  }
  const m = await mirrorSend(done.reportPath, done, record);
  return { kind: "withdrawn", entry: done, ...("warning" in m ? { warning: m.warning } : {}) };
}
