/**
 * `net.gateway`: the default routes, IPv4 and IPv6 — the first hop every packet to the
 * internet takes. Without one, nothing beyond the LAN can work.
 *
 * Windows: `route print`; macOS: `netstat -rn`; Linux: `ip -j route` (else `/proc/net/route`
 * via `route -n`). Parsing is `probes/parse/routes.ts`.
 *
 * @module
 */
import { z } from "zod";
import { describeFailure, type ExecResult } from "../lib/exec.ts";
import { parseRoutes, type RoutesResult } from "../parse/routes.ts";
import { defineProbe, type Evidence, type Platform, type ProbeContext } from "../types.ts";

const route = z.object({
  family: z.union([z.literal(4), z.literal(6)]),
  gateway: z.string(),
  interface: z.string().nullable(),
  ifIndex: z.number().int().optional(),
  metric: z.number().nullable(),
});
const schema = z.object({
  routes: z.array(route),
  /** Default routes straight out of an interface (PPP, tunnels), without a gateway. */
  onLink: z.array(
    z.object({ family: z.union([z.literal(4), z.literal(6)]).nullable(), interface: z.string() }),
  ),
  source: z.string(),
});
/** Data of `net.gateway`; `lan.gateway.ping` and `isp.access` read it. */
export type NetGatewayData = z.infer<typeof schema>;

/** The command lines that list default routes on `os`, tried in order per family group. */
export function routeCommands(os: Platform): string[][][] {
  if (os === "windows") return [[["route", "print"]]];
  if (os === "darwin") return [[["netstat", "-rn"]]];
  return [
    [["ip", "-j", "-4", "route", "show", "default"], ["route", "-n"]],
    [["ip", "-j", "-6", "route", "show", "default"]],
  ];
}

/** The `net.gateway` probe. Requires `--allow-run` (`ip`/`route`, `netstat`, `route print`). */
export const netGatewayProbe = defineProbe({
  id: "net.gateway",
  title: { ja: "デフォルト ゲートウェイ", en: "Default gateway" },
  description: {
    ja: "IPv4 と IPv6 のデフォルト ルート (ルーターへの経路) を調べます",
    en: "The IPv4 and IPv6 default routes (the way to the router)",
  },
  segment: "lan",
  dataCategories: ["network"],
  dependsOn: [],
  timeoutMs: 8000,
  platforms: ["windows", "darwin", "linux"],
  schema,
  async run(ctx) {
    const { tables, sources, evidence } = await readTables(ctx, ctx.os);
    const routes = tables.flatMap((t) =>
      t.routes.map((r) => ({
        family: r.family,
        gateway: r.gateway,
        interface: r.interface ?? null,
        ...(r.ifIndex !== undefined ? { ifIndex: r.ifIndex } : {}),
        metric: r.metric ?? null,
      }))
    );
    const onLink = tables.flatMap((t) => t.onLink);
    const v4 = routes.filter((r) => r.family === 4).length;
    const v6 = routes.filter((r) => r.family === 6).length;
    const any = routes.length + onLink.length > 0;
    return {
      status: any ? "ok" : "fail",
      summary: any
        ? {
          ja: `IPv4 ${v4} 件、IPv6 ${v6} 件のデフォルト ルート`,
          en: `${v4} IPv4 and ${v6} IPv6 default routes`,
        }
        : { ja: "デフォルト ゲートウェイがありません", en: "There is no default gateway" },
      data: { routes, onLink, source: sources.join("; ") },
      evidence,
    };
  },
});

async function readTables(
  ctx: ProbeContext,
  os: Platform,
): Promise<{ tables: RoutesResult[]; sources: string[]; evidence: Evidence[] }> {
  const tables: RoutesResult[] = [];
  const sources: string[] = [];
  const evidence: Evidence[] = [];
  let lastFailure: ExecResult | null = null;
  for (const group of routeCommands(os)) {
    for (const [cmd, ...args] of group) {
      const r = await ctx.exec(cmd, args, { signal: ctx.signal, timeoutMs: 5000 });
      if (!r.ok) {
        lastFailure = r;
        continue;
      }
      evidence.push({ label: r.command, text: r.stdout });
      tables.push(parseRoutes(r.stdout, { os }));
      sources.push(r.command);
      break;
    }
  }
  if (tables.length === 0 && lastFailure) throw new Error(describeFailure(lastFailure).en);
  return { tables, sources, evidence };
}
