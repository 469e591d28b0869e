/**
 * `dns.resolve`: resolves the configured names through the system resolver (getaddrinfo:
 * what applications see) and, on the wire, through each configured resolver for A and AAAA,
 * timing every lookup and keeping each answer's response code and flags.
 *
 * @module
 */
import { z } from "zod";
import { resolverLookup, systemLookup, type WireLookupResult } from "../lib/lookup.ts";
import { defineProbe, SkipProbe } from "../types.ts";

/** The header flags of a DNS answer (`probes/lib/dns_message.ts`). */
export const dnsFlagsSchema = z.object({
  aa: z.boolean(),
  tc: z.boolean(),
  rd: z.boolean(),
  ra: z.boolean(),
  ad: z.boolean(),
  cd: z.boolean(),
}).strict();

const lookupSchema = z.object({
  name: z.string(),
  /** `system`, or the configured resolver's name. */
  resolver: z.string(),
  /** `system` (getaddrinfo), or the configured resolver's kind. */
  kind: z.enum(["system", "provider", "public"]),
  server: z.string().nullable(),
  type: z.enum(["A", "AAAA", "any"]),
  ok: z.boolean(),
  ms: z.number(),
  answers: z.array(z.string()),
  error: z.string().optional(),
  /** The answer's response code (`NOERROR`, `SERVFAIL`, …); null: the OS resolver, or no answer. */
  rcode: z.string().nullable(),
  flags: dnsFlagsSchema.nullable(),
  /** How the answer came; null for the OS resolver. */
  transport: z.enum(["udp", "tcp"]).nullable(),
});
const schema = z.object({ lookups: z.array(lookupSchema), slowMs: z.number() });
/** Data of `dns.resolve`. */
export type DnsResolveData = z.infer<typeof schema>;
type Lookup = z.infer<typeof lookupSchema>;

/** The `dns.resolve` probe. Requires `--allow-net` (and `--allow-sys` for the system resolver). */
export const dnsResolveProbe = defineProbe({
  id: "dns.resolve",
  title: { ja: "名前解決 (DNS)", en: "Name resolution (DNS)" },
  description: {
    ja: "指定した名前をシステムの DNS と各 DNS サーバーで引き、時間と答えを調べます",
    en: "Resolves the configured names through the system and each DNS server, timing each",
  },
  segment: "dns",
  dataCategories: ["measurements"],
  dependsOn: [],
  timeoutMs: 20_000,
  platforms: ["windows", "darwin", "linux"],
  schema,
  async run(ctx) {
    const { names, resolvers, useSystemResolver, timeoutMs, slowMs } = ctx.config.dns;
    if (names.length === 0 || (!useSystemResolver && resolvers.length === 0)) {
      throw new SkipProbe({
        ja: "調べる名前が設定されていません",
        en: "No names or resolvers configured",
      });
    }
    const jobs: Array<() => Promise<Lookup>> = [];
    for (const name of names) {
      if (useSystemResolver) {
        jobs.push(async () => {
          const r = await systemLookup(name, timeoutMs, ctx.signal);
          return {
            name,
            resolver: "system",
            kind: "system",
            server: null,
            type: "any",
            ...toFields(r),
            rcode: null,
            flags: null,
            transport: null,
          };
        });
      }
      for (const res of resolvers) {
        for (const type of ["A", "AAAA"] as const) {
          jobs.push(async () => {
            const r = await resolverLookup(name, type, res, timeoutMs, ctx.signal);
            return {
              name,
              resolver: res.name,
              kind: res.kind,
              server: `${res.address}#${res.port}`,
              type,
              ...toFields(r),
              ...wireFields(r),
            };
          });
        }
      }
    }
    const lookups: Lookup[] = [];
    // All at once: lookups are independent and a silent server must not serialise the rest.
    await Promise.all(jobs.map(async (job) => {
      lookups.push(await job());
      ctx.progress({ fraction: lookups.length / jobs.length });
      ctx.checkpoint({ lookups: [...lookups], slowMs });
    }));
    lookups.sort((a, b) =>
      a.name.localeCompare(b.name) || a.resolver.localeCompare(b.resolver) ||
      a.type.localeCompare(b.type)
    );
    const failed = lookups.filter((l) => !l.ok);
    const slow = lookups.filter((l) => l.ok && l.ms > slowMs);
    const status = failed.length === lookups.length
      ? "fail"
      : failed.length || slow.length
      ? "warn"
      : "ok";
    return {
      status,
      summary: status === "fail"
        ? { ja: "どの名前も解決できませんでした", en: "No name could be resolved" }
        : {
          ja: `${
            lookups.length - failed.length
          }/${lookups.length} 件の問い合わせに成功 (遅い: ${slow.length})`,
          en: `${
            lookups.length - failed.length
          }/${lookups.length} lookups answered (slow: ${slow.length})`,
        },
      data: { lookups, slowMs },
      evidence: [{
        label: "lookups",
        text: lookups.map((l) =>
          `${l.name} ${l.type} @${l.server ?? "system"}: ${l.rcode ?? ""}${l.rcode ? " " : ""}${
            l.ok ? l.answers.join(",") || "(no data)" : l.error
          }${flagText(l.flags)}${l.transport === "tcp" ? " tcp" : ""} ${l.ms}ms`
        ).join("\n"),
      }],
    };
  },
});

function toFields(r: { ok: boolean; addresses: string[]; ms: number; error?: string }) {
  return { ok: r.ok, ms: r.ms, answers: r.addresses, ...(r.error ? { error: r.error } : {}) };
}

function wireFields(r: WireLookupResult) {
  return { rcode: r.rcode, flags: r.flags, transport: r.transport };
}

/** ` [ra ad]`: the flags set, as dig prints them. */
export function flagText(flags: z.infer<typeof dnsFlagsSchema> | null): string {
  if (!flags) return "";
  const set = (["aa", "tc", "rd", "ra", "ad", "cd"] as const).filter((f) => flags[f]);
  return set.length ? ` [${set.join(" ")}]` : "";
}
