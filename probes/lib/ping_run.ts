/**
 * One ping measurement as the ping probes record it: run the OS's ping through `ctx.exec`,
 * parse it whatever the locale, and judge loss, RTT and jitter against limits. A missing
 * command, a denied permission or unreadable output becomes a result with a reason.
 *
 * @module
 */
import { z } from "zod";
import { describeFailure, type ExecResult } from "./exec.ts";
import { ipFamily } from "../parse/address.ts";
import { ParseError } from "../parse/parse_error.ts";
import { parsePing, type PingResult } from "../parse/ping.ts";
import { pingBudgetMs, pingCommand, type PingSpec } from "./ping_command.ts";
import type { Evidence, Platform, ProbeContext } from "../types.ts";
import type { Localized } from "../../util/text.ts";

const localized = z.object({ ja: z.string(), en: z.string() }).strict();

/** The recorded result for one pinged target. */
export const pingTargetSchema = z.object({
  name: z.string().optional(),
  target: z.string(),
  family: z.union([z.literal(4), z.literal(6)]),
  /** `skipped`: this family has no route here; `error`: the command could not run or be read. */
  status: z.enum(["ok", "warn", "fail", "skipped", "error"]),
  reason: localized.optional(),
  sent: z.number().nullable(),
  received: z.number(),
  lossPercent: z.number().nullable(),
  rtt: z.object({ minMs: z.number(), avgMs: z.number(), maxMs: z.number() }).strict().nullable(),
  /** Mean |ΔRTT| of consecutive replies (RFC 3550 D, unsmoothed), ms. */
  jitterMs: z.number().nullable(),
  /** ICMP errors and ping's own complaints, first few. */
  errors: z.array(z.object({ kind: z.string(), from: z.string().nullable(), text: z.string() })),
  /**
   * RTT of each echo in sequence order, ms; null = no reply. Length = packets sent (empty
   * when nothing was sent or ping printed no per-echo lines).
   */
  samples: z.array(z.number().nullable()),
  /** Milliseconds between echoes as sent (the interval), so samples can be drawn over time. */
  intervalMs: z.number(),
  /** ICMP payload bytes, when not the OS default (a near-MTU series). */
  payloadBytes: z.number().int().optional(),
  /** Set when the echoes carried Don't Fragment. */
  dontFragment: z.boolean().optional(),
  command: z.string(),
}).strict();

/** One pinged target. */
export type PingTarget = z.infer<typeof pingTargetSchema>;

/** Limits a ping is judged against. */
export interface PingLimits {
  lossWarnPercent: number;
  rttWarnMs: number;
  jitterWarnMs: number;
}

/** The family of a target: given, else from the address, else IPv4. */
export function familyOf(address: string, family?: 4 | 6): 4 | 6 {
  return family ?? (ipFamily(address) === 6 ? 6 : 4);
}

/**
 * Pings `spec.target` and judges it. Never throws for command trouble.
 *
 * @returns the target's record, evidence, and the parse when there was one
 */
export async function runPing(
  ctx: ProbeContext,
  os: Platform,
  spec: PingSpec,
  limits: PingLimits,
  name?: string,
): Promise<{ record: PingTarget; evidence: Evidence; parsed: PingResult | null }> {
  const line = pingCommand(os, spec);
  const r = await ctx.exec(line.cmd, line.args, {
    signal: ctx.signal,
    timeoutMs: pingBudgetMs(os, spec),
  });
  const base = {
    ...(name ? { name } : {}),
    target: spec.target,
    family: spec.family,
    intervalMs: sendIntervalMs(os, spec),
    ...(spec.payloadBytes !== undefined ? { payloadBytes: spec.payloadBytes } : {}),
    ...(spec.dontFragment ? { dontFragment: true } : {}),
    command: r.command,
  };
  const evidence = { label: r.command, text: outputOf(r) };
  const empty = {
    sent: null,
    received: 0,
    lossPercent: null,
    rtt: null,
    jitterMs: null,
    errors: [],
    samples: [],
  };
  if (!r.ok && r.failure !== "exit-code" && r.failure !== "timeout") {
    return {
      record: { ...base, ...empty, status: "error", reason: describeFailure(r) },
      evidence,
      parsed: null,
    };
  }
  let parsed: PingResult;
  try {
    parsed = parsePing(outputOf(r), { os });
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const reason = r.failure ? describeFailure(r) : unreadable(line.cmd);
    return { record: { ...base, ...empty, status: "error", reason }, evidence, parsed: null };
  }
  return { record: { ...base, ...judge(parsed, limits, spec.family) }, evidence, parsed };
}

/** The judged part of a record, from a parsed run. */
export function judge(
  p: PingResult,
  limits: PingLimits,
  family: 4 | 6,
): Omit<
  PingTarget,
  "target" | "family" | "command" | "name" | "intervalMs" | "payloadBytes" | "dontFragment"
> {
  const measured = {
    sent: p.sent,
    received: p.received,
    lossPercent: p.lossPercent,
    rtt: p.rtt ? { minMs: p.rtt.minMs, avgMs: p.rtt.avgMs, maxMs: p.rtt.maxMs } : null,
    jitterMs: p.jitterMs,
    errors: p.errors.slice(0, 5).map((e) => ({ kind: e.kind, from: e.from, text: e.text })),
    samples: p.samples,
  };
  const fatal = p.errors.find((e) =>
    e.from === null && e.kind !== "frag-needed" && e.kind !== "other"
  );
  if (p.received === 0 && fatal?.kind === "no-route") {
    return { ...measured, status: "skipped", reason: noRoute(family) };
  }
  if (p.received === 0) {
    return {
      ...measured,
      status: fatal ? "error" : "fail",
      reason: fatal ? quoted(fatal.text) : noReply(p),
    };
  }
  const loss = p.lossPercent ?? 0;
  const slow = (p.rtt?.avgMs ?? 0) > limits.rttWarnMs;
  const jittery = (p.jitterMs ?? 0) > limits.jitterWarnMs;
  if (loss > limits.lossWarnPercent || slow || jittery) {
    return { ...measured, status: "warn", reason: warnReason(loss, slow, jittery, limits) };
  }
  return { ...measured, status: "ok" };
}

/**
 * The interval at which `pingCommand(os, spec)` sends its echoes: Linux honours the asked
 * interval from 200 ms up; macOS only from 1 s without admin rights (else its 1 s default);
 * Windows `ping.exe` has no interval option and sends about once a second.
 *
 * @example
 * ```ts
 * sendIntervalMs("linux", { target: "192.0.2.1", family: 4, count: 20, intervalMs: 200, waitMs: 1000 }); // 200
 * sendIntervalMs("darwin", { target: "192.0.2.1", family: 4, count: 20, intervalMs: 200, waitMs: 1000 }); // 1000
 * ```
 */
export function sendIntervalMs(os: Platform, spec: PingSpec): number {
  if (os === "linux") return Math.max(200, spec.intervalMs);
  if (os === "darwin") return spec.intervalMs >= 1000 ? spec.intervalMs : 1000;
  return 1000;
}

function outputOf(r: ExecResult): string {
  return r.stderr.trim() ? `${r.stdout}\n${r.stderr}` : r.stdout;
}

function unreadable(cmd: string): Localized {
  return { ja: `${cmd} の出力を読めませんでした`, en: `The output of ${cmd} could not be read` };
}

function noRoute(family: 4 | 6): Localized {
  return {
    ja: `この端末には IPv${family} の経路がありません`,
    en: `This device has no IPv${family} route`,
  };
}

function noReply(p: PingResult): Localized {
  const icmp = p.errors.find((e) => e.from !== null);
  if (icmp) {
    return {
      ja: `応答がなく、${icmp.from} がエラーを返しました: ${icmp.text}`,
      en: `No reply; ${icmp.from} answered with an error: ${icmp.text}`,
    };
  }
  return { ja: "応答がありません (100% 損失)", en: "No reply (100% loss)" };
}

function quoted(text: string): Localized {
  return { ja: `ping がエラーを出しました: ${text}`, en: `ping reported an error: ${text}` };
}

function warnReason(loss: number, slow: boolean, jittery: boolean, l: PingLimits): Localized {
  const ja: string[] = [];
  const en: string[] = [];
  if (loss > l.lossWarnPercent) {
    ja.push(`損失 ${loss}% (目安 ${l.lossWarnPercent}% 以下)`);
    en.push(`loss ${loss}% (over ${l.lossWarnPercent}%)`);
  }
  if (slow) {
    ja.push(`平均 RTT が ${l.rttWarnMs} ms を超えています`);
    en.push(`average RTT over ${l.rttWarnMs} ms`);
  }
  if (jittery) {
    ja.push(`ジッターが ${l.jitterWarnMs} ms を超えています`);
    en.push(`jitter over ${l.jitterWarnMs} ms`);
  }
  return { ja: ja.join("、"), en: en.join("; ") };
}
