/**
 * One send, both faces: {@link commitSend} turns a consented plan into a queue entry (on
 * disk first, so it is never lost) and records it in the report; {@link deliver} makes one
 * attempt to hand an entry to the collector and records what became of it — sent with a
 * receipt, refused for good, or still queued with the next attempt scheduled.
 *
 * @module
 */
import type { Brand } from "../../brand/schema.ts";
import { forUpload } from "../../report/send_record.ts";
import type { SendRecord } from "../../report/send_schema.ts";
import {
  DEFAULT_MAX_UPLOAD_BYTES,
  type Upload,
  UPLOAD_SCHEMA_ID,
} from "../../report/upload_schema.ts";
import { sha256Hex } from "../../util/crypto.ts";
import { InvalidInputError } from "../../util/errors.ts";
import type { Localized } from "../../util/text.ts";
import { nextAttemptAt } from "./backoff.ts";
import { type Requester, upload } from "./collector_client.ts";
import { mirrorSend } from "./mirror.ts";
import { destinationsOf, type SendPlan } from "./plan.ts";
import { SendQueue } from "./queue.ts";
import { newDeletionToken, newSendId, SEND_ENTRY_SCHEMA, type SendEntry } from "./queue_entry.ts";

/** What sending needs from its surroundings. */
export interface SendEnv {
  brand: Brand;
  /** The per-user data folder (the queue). */
  dataDir: string;
  now(): Date;
  /** Replaces the network in tests. */
  request?: Requester;
}

/** How the customer consented. */
export interface SendConsent {
  method: SendRecord["method"];
}

/**
 * Queues a consented send: writes the entry (the exact upload, the consent, a fresh
 * deletion token), then records it as queued in the report. Sends nothing yet.
 *
 * @throws {InvalidInputError} when the upload would be larger than the collector accepts
 */
export async function commitSend(
  env: SendEnv,
  plan: SendPlan,
  consent: SendConsent,
): Promise<{ entry: SendEntry; warning?: Localized }> {
  const now = env.now();
  const token = newDeletionToken();
  const record: SendRecord = {
    id: newSendId(),
    destination: plan.route.urls[0],
    consentedAt: now.toISOString(),
    method: consent.method,
    ...(plan.ticket ? { ticket: plan.ticket } : {}),
    status: "queued",
  };
  const body: Upload = {
    schema: UPLOAD_SCHEMA_ID,
    report: forUpload(plan.report, record) as unknown as Record<string, unknown>,
    ...(plan.ticket ? { ticket: plan.ticket } : {}),
    ...(plan.licenceText ? { licence: plan.licenceText } : {}),
    deletion: { sha256: await sha256Hex(token) },
  };
  const text = JSON.stringify(body);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > DEFAULT_MAX_UPLOAD_BYTES) {
    throw new InvalidInputError({
      ja: `レポートが大きすぎて送れません (${bytes} バイト)`,
      en: `The report is too large to send (${bytes} bytes)`,
    });
  }
  const entry: SendEntry = {
    schema: SEND_ENTRY_SCHEMA,
    id: record.id,
    reportId: plan.report.id,
    digest: plan.report.digest.value,
    reportPath: plan.reportPath,
    urls: plan.route.urls,
    brandPin: plan.route.brandPin,
    record,
    deletionToken: token,
    upload: text,
    attempts: 0,
    nextAttemptAt: now.toISOString(),
  };
  await new SendQueue(env.dataDir).put(entry);
  const m = await mirrorSend(plan.reportPath, entry, record);
  return { entry, ...("warning" in m ? { warning: m.warning } : {}) };
}

/** What one delivery attempt came to. */
export type Delivery =
  | { kind: "sent"; entry: SendEntry; duplicate: boolean; warning?: Localized }
  | { kind: "rejected"; entry: SendEntry; problem: string; warning?: Localized }
  | { kind: "queued"; entry: SendEntry; problem: string }
  /** Another process is delivering it right now. */
  | { kind: "busy"; entry: SendEntry };

/**
 * Tries to deliver `entry` once, through each of its URLs in turn, and records the outcome
 * in the queue and the report. Requires `--allow-net` and write access to the data folder.
 */
export async function deliver(
  env: SendEnv,
  entry: SendEntry,
  signal?: AbortSignal,
): Promise<Delivery> {
  const queue = new SendQueue(env.dataDir);
  const release = await queue.lock(entry.id);
  if (!release) return { kind: "busy", entry };
  try {
    // Another process may have finished it between our listing and our lock.
    const current = await queue.get(entry.id);
    if (!current || current.upload === undefined) {
      const done = (await queue.history()).entries.find((e) => e.id === entry.id) ?? entry;
      return done.record.status === "sent"
        ? { kind: "sent", entry: done, duplicate: true }
        : { kind: "rejected", entry: done, problem: done.record.note ?? done.record.status };
    }
    let last: { problem: string; retryAfterS?: number } = { problem: "no collector URL" };
    for (const dest of destinationsOf(env.brand, current)) {
      const out = await upload(dest, current.upload!, current, env.now(), env.request, signal);
      if (out.kind === "accepted") {
        const record: SendRecord = {
          ...current.record,
          destination: dest.url,
          status: "sent",
          receipt: out.answer.receipt,
          sentAt: out.answer.receivedAt,
        };
        const done = await queue.finish({ ...current, record, attempts: current.attempts + 1 });
        const m = await mirrorSend(done.reportPath, done, record);
        return { kind: "sent", entry: done, duplicate: out.answer.duplicate, ...warned(m) };
      }
      if (out.kind === "rejected") {
        const note = clean(out.problem);
        const record: SendRecord = { ...current.record, status: "rejected", note };
        const done = await queue.finish({ ...current, record, attempts: current.attempts + 1 });
        const m = await mirrorSend(done.reportPath, done, record);
        return { kind: "rejected", entry: done, problem: note, ...warned(m) };
      }
      last = out;
    }
    const now = env.now();
    const attempts = current.attempts + 1;
    const waiting: SendEntry = {
      ...current,
      attempts,
      lastAttemptAt: now.toISOString(),
      nextAttemptAt: nextAttemptAt(attempts, now, last.retryAfterS).toISOString(),
      lastProblem: clean(last.problem),
    };
    await queue.put(waiting);
    return { kind: "queued", entry: waiting, problem: waiting.lastProblem! };
  } finally {
    await release();
  }
}

/**
 * Tries every waiting entry — only those due (`nextAttemptAt` passed) unless `force` — one
 * after the other, calling `onResult` after each. Returns what happened to each.
 */
export async function deliverPending(
  env: SendEnv,
  opts: { force?: boolean; signal?: AbortSignal; onResult?: (d: Delivery) => void } = {},
): Promise<Delivery[]> {
  const { entries } = await new SendQueue(env.dataDir).pending();
  const now = env.now().getTime();
  const out: Delivery[] = [];
  for (const e of entries) {
    if (opts.signal?.aborted) break;
    if (!opts.force && Date.parse(e.nextAttemptAt) > now) continue;
    const d = await deliver(env, e, opts.signal);
    out.push(d);
    opts.onResult?.(d);
  }
  return out;
}

function warned(m: { warning: Localized } | object): { warning?: Localized } {
  return "warning" in m ? { warning: m.warning as Localized } : {};
}

/** Text from the network, made safe to store and show: no control characters, bounded. */
export function clean(text: string): string {
  return text.replace(/\p{C}/gu, " ").slice(0, 480);
}
