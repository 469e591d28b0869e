/**
 * `isp.access`: the access-line type (PPPoE, IPv4 over IPv6, dual stack, IPv4 only, CGNAT,
 * double NAT) inferred from `net.interfaces`, `net.gateway` and `path.mtu`, with evidence
 * and confidence. A missing dependency lowers confidence; it does not stop the inference.
 *
 * @module
 */
import { z } from "zod";
import { inferAccess, type InferInput } from "../lib/isp_infer.ts";
import { defineProbe, type ProbeContext, type ProbeOutcome } from "../types.ts";
import type { Localized } from "../../util/text.ts";

const localized = z.object({ ja: z.string(), en: z.string() }).strict();
const dataSchema = z.object({
  candidates: z.array(
    z.object({ type: z.string(), confidence: z.number(), evidence: z.array(localized) }).strict(),
  ),
  inputs: z.object({
    pathMtuV4: z.number().nullable(),
    pathMtuV6: z.number().nullable(),
    interfaces: z.number(),
    gateways: z.number(),
  }).strict(),
  missing: z.array(z.string()),
}).strict();

/** The data `isp.access` records. */
export type IspAccessData = z.infer<typeof dataSchema>;

/** The access types `isp.access` can infer, in words (rules and pages name them with these). */
export const ACCESS_TYPES: Readonly<Record<string, Localized>> = {
  "pppoe": { ja: "PPPoE", en: "PPPoE" },
  "ipv4-over-ipv6": {
    ja: "IPv4 over IPv6 (DS-Lite / MAP-E)",
    en: "IPv4 over IPv6 (DS-Lite / MAP-E)",
  },
  "dual-stack": { ja: "IPv4/IPv6 デュアルスタック", en: "native dual stack" },
  "ipv4-only": { ja: "IPv4 のみ", en: "IPv4 only" },
  "cgnat": { ja: "キャリアグレード NAT", en: "carrier-grade NAT" },
  "double-nat": { ja: "二重 NAT", en: "double NAT" },
};

// deno-lint-ignore no-explicit-any
type Loose = any;

/** Reads a path MTU out of `path.mtu` data, accepting the plausible shapes (`v4: {pathMtu}`, `ipv4Mtu`, …). */
export function pathMtuOf(data: Loose, family: 4 | 6): number | null {
  if (!data || typeof data !== "object") return null;
  const keys = family === 4 ? ["v4", "ipv4", "inet"] : ["v6", "ipv6", "inet6"];
  for (const k of keys) {
    const v = data[k];
    if (typeof v === "number") return v;
    for (const f of ["pathMtu", "mtu", "value"]) if (v && typeof v[f] === "number") return v[f];
  }
  for (const f of [`pathMtuV${family}`, `mtuV${family}`, `ipv${family}Mtu`]) {
    if (typeof data[f] === "number") return data[f];
  }
  if (Array.isArray(data.results)) {
    const r = data.results.find((x: Loose) => x?.family === family);
    if (r && typeof (r.pathMtu ?? r.mtu) === "number") return r.pathMtu ?? r.mtu;
  }
  return null;
}

/** Gathers the inference input from dependency results. */
export function inputFrom(deps: ProbeContext["deps"]): { input: InferInput; missing: string[] } {
  const missing = ["net.interfaces", "net.gateway", "path.mtu"].filter((id) =>
    !deps[id] || !deps[id].data || Object.keys(deps[id].data).length === 0
  );
  const ifs = (deps["net.interfaces"]?.data as Loose)?.interfaces;
  const routes = (deps["net.gateway"]?.data as Loose)?.routes;
  const mtu = deps["path.mtu"]?.data;
  return {
    input: {
      interfaces: Array.isArray(ifs)
        ? ifs.map((i: Loose) => ({
          name: String(i.name ?? ""),
          up: i.up,
          mtu: i.mtu ?? null,
          addresses: Array.isArray(i.addresses) ? i.addresses : [],
        }))
        : [],
      gateways: Array.isArray(routes)
        ? routes.filter((r: Loose) => r?.gateway).map((r: Loose) => ({
          family: r.family,
          gateway: String(r.gateway),
        }))
        : [],
      pathMtuV4: pathMtuOf(mtu, 4),
      pathMtuV6: pathMtuOf(mtu, 6),
    },
    missing,
  };
}

/** The probe. */
export const ispAccessProbe = defineProbe({
  id: "isp.access",
  title: { ja: "回線方式の推定", en: "Access type (inferred)" },
  description: {
    ja: "アドレス、ゲートウェイ、経路 MTU から回線方式を推定します (断定ではありません)",
    en:
      "Infers the access line type from addresses, gateways and path MTU (an inference, not a certainty)",
  },
  segment: "isp",
  dataCategories: ["network"],
  dependsOn: ["net.interfaces", "net.gateway", "path.mtu"],
  timeoutMs: 5_000,
  platforms: ["windows", "darwin", "linux"],
  schema: dataSchema,
  run(ctx): Promise<ProbeOutcome<IspAccessData>> {
    const { input, missing } = inputFrom(ctx.deps);
    const candidates = inferAccess(input);
    const data: IspAccessData = {
      candidates,
      inputs: {
        pathMtuV4: input.pathMtuV4,
        pathMtuV6: input.pathMtuV6,
        interfaces: input.interfaces.length,
        gateways: input.gateways.length,
      },
      missing,
    };
    const best = candidates[0];
    if (!best) {
      const reason = {
        ja: "推定に使える情報がありません",
        en: "There is nothing to infer the access type from",
      };
      return Promise.resolve({ status: "skipped", reason, summary: reason, data });
    }
    const level = (c: number) =>
      c >= 0.75 ? ["高", "high"] : c >= 0.5 ? ["中", "medium"] : ["低", "low"];
    const [ja, en] = level(best.confidence);
    return Promise.resolve({
      status: candidates.some((c) => c.type === "double-nat" && c.confidence >= 0.5)
        ? "warn"
        : "ok",
      summary: {
        ja: `推定: ${ACCESS_TYPES[best.type].ja} (確からしさ ${ja})`,
        en: `Likely ${
          ACCESS_TYPES[best.type].en
        } (confidence ${en}); an inference, not a certainty`,
      },
      data,
      evidence: [{
        label: "isp.access",
        text: candidates.map((c) =>
          `${c.type} ${c.confidence}: ${c.evidence.map((e) => e.en).join("; ")}`
        ).join("\n"),
      }],
    });
  },
});
