/**
 * `ipv6.compare`: the same dual-stack targets over IPv4 and over IPv6 — connect time, HTTP
 * time and success — which separates a congested tunnel or termination point of one
 * family from a problem of the line itself.
 *
 * @module
 */
import { lookup } from "node:dns/promises";
import { z } from "zod";
import { timeHttp } from "../lib/http_phases.ts";
import { defineProbe, type ProbeContext, type ProbeOutcome } from "../types.ts";
import { SkipProbe } from "../types.ts";

const attemptSchema = z.object({
  family: z.union([z.literal(4), z.literal(6)]),
  address: z.string().nullable(),
  ok: z.boolean(),
  connectMs: z.number().nullable(),
  httpMs: z.number().nullable(),
  status: z.number().nullable(),
  error: z.string().optional(),
}).strict();

const dataSchema = z.object({
  targets: z.array(z.object({ url: z.string(), v4: attemptSchema, v6: attemptSchema }).strict()),
}).strict();

/** The data `ipv6.compare` records. */
export type Ipv6CompareData = z.infer<typeof dataSchema>;
type Attempt = z.infer<typeof attemptSchema>;

async function attempt(
  ctx: ProbeContext,
  url: URL,
  family: 4 | 6,
  pinned: string | undefined,
  timeoutMs: number,
): Promise<Attempt> {
  const base = { family, address: null, ok: false, connectMs: null, httpMs: null, status: null };
  let address: string;
  try {
    address = pinned ?? (await lookup(url.hostname.replace(/^\[|\]$/g, ""), { family })).address;
  } catch (e) {
    return { ...base, error: `no IPv${family} address: ${(e as Error).message}` };
  }
  // Connected to the address itself: node:http in Deno does not keep to a `lookup` that pins
  // one family, and measured whichever family its own lookup preferred.
  const t = await timeHttp(url, {
    timeoutMs,
    signal: ctx.signal,
    pinned: { address, dnsMs: null },
    maxBodyBytes: 1 << 20,
  });
  if (!t.ok) return { ...base, address, connectMs: t.connectMs, error: t.error ?? "failed" };
  return {
    family,
    address,
    ok: (t.status ?? 0) < 500,
    connectMs: t.connectMs,
    httpMs: t.totalMs,
    status: t.status,
  };
}

/** The probe. */
export const ipv6CompareProbe = defineProbe({
  id: "ipv6.compare",
  title: { ja: "IPv4 と IPv6 の比較", en: "IPv4 vs IPv6" },
  description: {
    ja: "同じ宛先に IPv4 と IPv6 で接続し、接続時間と HTTP 時間を比べます",
    en: "Reaches the same targets over IPv4 and IPv6 and compares connect and HTTP times",
  },
  segment: "isp",
  dataCategories: ["measurements"],
  dependsOn: [],
  timeoutMs: 30_000,
  platforms: ["windows", "darwin", "linux"],
  schema: dataSchema,
  async run(ctx): Promise<ProbeOutcome<Ipv6CompareData>> {
    const { targets, timeoutMs } = ctx.config.dualStack;
    if (targets.length === 0) {
      throw new SkipProbe({
        ja: "比べる宛先が設定されていません",
        en: "No dual-stack targets configured",
      });
    }
    const results = [];
    for (const t of targets) {
      const url = new URL(t.url);
      const [v4, v6] = await Promise.all([
        attempt(ctx, url, 4, t.v4, timeoutMs),
        attempt(ctx, url, 6, t.v6, timeoutMs),
      ]);
      results.push({ url: t.url, v4, v6 });
    }
    const v4ok = results.filter((r) => r.v4.ok).length;
    const v6ok = results.filter((r) => r.v6.ok).length;
    const slow6 = results.filter((r) =>
      r.v4.ok && r.v6.ok && r.v6.httpMs! > 2 * r.v4.httpMs! && r.v6.httpMs! - r.v4.httpMs! > 100
    );
    const slow4 = results.filter((r) =>
      r.v4.ok && r.v6.ok && r.v4.httpMs! > 2 * r.v6.httpMs! && r.v4.httpMs! - r.v6.httpMs! > 100
    );
    const data = { targets: results };
    const evidence = results.map((r) => ({
      label: r.url,
      text: [r.v4, r.v6].map((a) =>
        `IPv${a.family} ${a.address ?? "-"}: ${
          a.ok ? `connect ${a.connectMs} ms, HTTP ${a.status} in ${a.httpMs} ms` : a.error
        }`
      ).join("\n"),
    }));
    const say = (status: "ok" | "warn" | "fail", ja: string, en: string) => ({
      status,
      summary: { ja, en },
      data,
      evidence,
    });
    if (v4ok === 0 && v6ok === 0) {
      return say("fail", "IPv4 でも IPv6 でも届きません", "Targets fail over both IPv4 and IPv6");
    }
    if (v6ok === 0) {
      return say("warn", "IPv6 では届きません (IPv4 は正常)", "IPv6 fails while IPv4 works");
    }
    if (v4ok === 0) {
      return say(
        "warn",
        "IPv4 では届きません (IPv6 は正常。IPv4 over IPv6 の変換装置の問題かもしれません)",
        "IPv4 fails while IPv6 works (an IPv4-over-IPv6 gateway problem?)",
      );
    }
    if (slow4.length) {
      return say(
        "warn",
        "IPv4 が IPv6 より大幅に遅いです (トンネルや PPPoE 終端の混雑の可能性)",
        "IPv4 is much slower than IPv6 (a congested tunnel or PPPoE termination?)",
      );
    }
    if (slow6.length) {
      return say("warn", "IPv6 が IPv4 より大幅に遅いです", "IPv6 is much slower than IPv4");
    }
    return say("ok", "IPv4 と IPv6 はどちらも正常です", "IPv4 and IPv6 both work comparably");
  },
});
