/**
 * `dns.compare`: resolves the same names, A and AAAA, through the configured resolvers (from
 * `dns.config`) and through public ones, on the wire, so "the provider's DNS is slow, silent,
 * answers differently, or fails one record type" is told apart from "DNS is fine" and from
 * "no DNS at all gets through". Every lookup keeps its response code, flags and time: a grid
 * of resolver × name × type.
 *
 * @module
 */
import { z } from "zod";
import type { DnsConfigData } from "./dns_config.ts";
import { dnsFlagsSchema, flagText } from "./dns_resolve.ts";
import { resolverLookup } from "../lib/lookup.ts";
import { QUERY_TYPES } from "../lib/dns_message.ts";
import { defineProbe, type ProbeContext, type ProbeOutcome } from "../types.ts";
import { SkipProbe } from "../types.ts";

const lookupSchema = z.object({
  name: z.string(),
  type: z.enum(QUERY_TYPES),
  /** NOERROR (with or without records). */
  ok: z.boolean(),
  ms: z.number(),
  answers: z.array(z.string()),
  /** `no-data`, `nxdomain`, `servfail`, `refused`, `timeout`, … */
  error: z.string().optional(),
  rcode: z.string().nullable(),
  flags: dnsFlagsSchema.nullable(),
  transport: z.enum(["udp", "tcp"]),
}).strict();

const resolverSchema = z.object({
  name: z.string(),
  address: z.string(),
  port: z.number(),
  kind: z.enum(["configured", "public"]),
  lookups: z.array(lookupSchema),
  okCount: z.number(),
  medianMs: z.number().nullable(),
}).strict();

const dataSchema = z.object({
  resolvers: z.array(resolverSchema),
  verdict: z.enum([
    "fine",
    "configured-slow",
    "configured-broken",
    "configured-fails-type",
    "configured-differs",
    "all-broken",
    "no-configured",
  ]),
  notes: z.array(z.string()),
}).strict();

/** The data `dns.compare` records. */
export type DnsCompareData = z.infer<typeof dataSchema>;
type ResolverResult = z.infer<typeof resolverSchema>;
type Lookup = z.infer<typeof lookupSchema>;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// answers no honest resolver gives for a public name: sinkholes and private ranges
const BOGUS = /^(0\.|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

async function measure(
  ctx: ProbeContext,
  r: { name: string; address: string; port: number; kind: "configured" | "public" },
): Promise<ResolverResult> {
  const { names, timeoutMs } = ctx.config.dnsCompare;
  const lookups: Lookup[] = [];
  // One name after another (both types at once): a resolver is asked what a browser asks.
  for (const name of names) {
    lookups.push(
      ...await Promise.all(QUERY_TYPES.map(async (type) => {
        const l = await resolverLookup(name, type, r, timeoutMs, ctx.signal);
        return {
          name,
          type,
          ok: l.ok,
          ms: l.ms,
          answers: [...l.addresses].sort(),
          ...(l.error ? { error: l.error } : {}),
          rcode: l.rcode,
          flags: l.flags,
          transport: l.transport,
        };
      })),
    );
  }
  const ok = lookups.filter((l) => l.ok);
  return { ...r, lookups, okCount: ok.length, medianMs: median(ok.map((l) => l.ms)) };
}

const key = (l: { name: string; type?: string }) => `${l.name} ${l.type ?? "A"}`;

/** Judges the comparison; pure, so every verdict is testable without a network. */
export function judgeDns(resolvers: ResolverResult[], slowMs: number): DnsCompareData["verdict"] {
  const conf = resolvers.filter((r) => r.kind === "configured");
  const pub = resolvers.filter((r) => r.kind === "public");
  const pubOk = pub.some((r) => r.okCount > 0);
  if (conf.length === 0) return pubOk ? "no-configured" : "all-broken";
  const publicAnswered = (l: { name: string; type?: string }) =>
    pub.some((p) => p.lookups.some((o) => key(o) === key(l) && o.ok));
  // NXDOMAIN or a sinkhole for a name public DNS resolves is an answer, just a wrong one
  const differs = conf.some((c) =>
    c.lookups.some((l) =>
      publicAnswered(l) &&
      ((!l.ok && l.error === "nxdomain" && !c.lookups.some((o) => o.name === l.name && o.ok)) ||
        (l.ok && l.type !== "AAAA" && l.answers.length > 0 &&
          l.answers.every((a) => BOGUS.test(a))))
    )
  );
  if (differs) return "configured-differs";
  const confOk = conf.filter((r) => r.okCount > 0);
  if (confOk.length === 0) return pubOk ? "configured-broken" : "all-broken";
  // One record type fails wherever it is asked, the other works, public DNS answers both.
  const failsType = conf.some((c) =>
    QUERY_TYPES.some((t) => {
      const mine = c.lookups.filter((l) => (l.type ?? "A") === t);
      const other = c.lookups.filter((l) => (l.type ?? "A") !== t);
      return mine.length > 0 && other.length > 0 && mine.every((l) => !l.ok) &&
        other.every((l) => l.ok) && mine.some(publicAnswered);
    })
  );
  if (failsType) return "configured-fails-type";
  const confMedian = median(confOk.map((r) => r.medianMs!)) ?? 0;
  const pubMedian = median(pub.filter((r) => r.okCount > 0).map((r) => r.medianMs!));
  if (confMedian > slowMs && (pubMedian === null || pubMedian <= slowMs)) return "configured-slow";
  if (conf.some((r) => r.okCount < r.lookups.length) && pubOk) return "configured-broken";
  return "fine";
}

const SUMMARY: Record<
  DnsCompareData["verdict"],
  { status: "ok" | "warn" | "fail"; ja: string; en: string }
> = {
  "fine": {
    status: "ok",
    ja: "設定された DNS は正常に応答しています",
    en: "The configured DNS answers normally",
  },
  "configured-slow": {
    status: "warn",
    ja: "設定された DNS の応答が公開 DNS より遅いです",
    en: "The configured DNS is slow compared with public DNS",
  },
  "configured-broken": {
    status: "fail",
    ja: "設定された DNS が応答しません (公開 DNS は応答)",
    en: "The configured DNS does not answer (public DNS does)",
  },
  "configured-fails-type": {
    status: "warn",
    ja: "設定された DNS が一部の種類 (A または AAAA) の問い合わせに失敗します（公開 DNS は応答）",
    en: "The configured DNS fails lookups of one record type (A or AAAA) that public DNS answers",
  },
  "configured-differs": {
    status: "warn",
    ja: "設定された DNS の回答が公開 DNS と食い違います (フィルタや乗っ取りの可能性)",
    en: "The configured DNS answers differently from public DNS (filtering or hijacking?)",
  },
  "all-broken": {
    status: "fail",
    ja: "どの DNS サーバーにも届きません",
    en: "No DNS server answers at all",
  },
  "no-configured": {
    status: "warn",
    ja: "設定された DNS サーバーが分からないため公開 DNS のみ測りました",
    en: "No configured DNS server is known; only public DNS was measured",
  },
};

/** The probe. */
export const dnsCompareProbe = defineProbe({
  id: "dns.compare",
  title: { ja: "DNS の比較", en: "DNS comparison" },
  description: {
    ja: "設定された DNS と公開 DNS で同じ名前を引き、速さと回答を比べます",
    en:
      "Resolves the same names through the configured and public resolvers and compares time and answers",
  },
  segment: "dns",
  dataCategories: ["measurements"],
  dependsOn: ["dns.config"],
  timeoutMs: 30_000,
  platforms: ["windows", "darwin", "linux"],
  schema: dataSchema,
  async run(ctx): Promise<ProbeOutcome<DnsCompareData>> {
    if (ctx.config.dnsCompare.names.length === 0) {
      throw new SkipProbe({
        ja: "比べる名前が設定されていません",
        en: "No names configured to compare",
      });
    }
    const cfg = ctx.deps["dns.config"]?.data as Partial<DnsConfigData> | undefined;
    const notes: string[] = [];
    const configured = (cfg?.servers ?? []).filter((s) => {
      if (s.includes("%")) {
        notes.push(`${s}: link-local resolver with a zone is not queried directly`);
      }
      return !s.includes("%");
    });
    const targets = [
      ...configured.map((a) => ({
        name: a,
        address: a,
        port: ctx.config.dnsCompare.configuredPort,
        kind: "configured" as const,
      })),
      ...ctx.config.dnsCompare.publicResolvers.map((p) => ({ ...p, kind: "public" as const })),
    ];
    let done = 0;
    const resolvers = await Promise.all(targets.map(async (t) => {
      const r = await measure(ctx, t);
      ctx.progress({ fraction: ++done / targets.length, note: t.name });
      return r;
    }));
    const verdict = judgeDns(resolvers, ctx.config.dnsCompare.slowMs);
    const s = SUMMARY[verdict];
    const times = resolvers.map((r) =>
      `${r.name}: ${r.medianMs === null ? "—" : `${r.medianMs} ms`}`
    ).join(", ");
    return {
      status: s.status,
      summary: { ja: `${s.ja} (${times})`, en: `${s.en} (${times})` },
      data: { resolvers, verdict, notes },
      evidence: [{
        label: "dns.compare",
        text: resolvers.flatMap((r) =>
          r.lookups.map((l) =>
            `@${r.name} (${r.kind}) ${l.name} ${l.type}: ${l.rcode ?? l.error ?? "?"} ${
              l.answers.join(",") || (l.rcode ? "(no data)" : "")
            }${flagText(l.flags)}${l.transport === "tcp" ? " tcp" : ""} ${l.ms}ms`
          )
        ).join("\n"),
      }],
    };
  },
});
