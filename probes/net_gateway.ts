/**
 * `net.gateway`: the default routes, IPv4 and IPv6 — the first hop every packet to the
 * internet takes. Without one, nothing beyond the LAN can work.
 *
 * @module
 */
import { z } from "zod";
import { describeFailure } from "./exec.ts";
import { type DefaultRoute, parseIpRouteJson, parseProcNetRoute } from "./parse/ip_route_json.ts";
import type { Evidence, Probe, ProbeContext } from "./types.ts";

const route = z.object({
  family: z.union([z.literal(4), z.literal(6)]),
  gateway: z.string(),
  interface: z.string().nullable(),
  metric: z.number().nullable(),
});
const schema = z.object({ routes: z.array(route), source: z.string() });
/** Data of `net.gateway`; `lan.gateway.ping` and `isp.access` read it. */
export type NetGatewayData = z.infer<typeof schema>;

/** The `net.gateway` probe. Requires `--allow-run=ip` (or read access to `/proc/net/route`). */
export const netGatewayProbe: Probe<NetGatewayData> = {
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
  platforms: ["linux"],
  schema,
  async run(ctx) {
    const { routes, source, evidence } = await linuxRoutes(ctx);
    const v4 = routes.filter((r) => r.family === 4).length;
    const v6 = routes.filter((r) => r.family === 6).length;
    return {
      status: routes.length > 0 ? "ok" : "fail",
      summary: routes.length > 0
        ? {
          ja: `IPv4 ${v4} 件、IPv6 ${v6} 件のデフォルト ルート`,
          en: `${v4} IPv4 and ${v6} IPv6 default routes`,
        }
        : { ja: "デフォルト ゲートウェイがありません", en: "There is no default gateway" },
      data: { routes, source },
      evidence,
    };
  },
};

async function linuxRoutes(
  ctx: ProbeContext,
): Promise<{ routes: DefaultRoute[]; source: string; evidence: Evidence[] }> {
  const routes: DefaultRoute[] = [];
  const evidence: Evidence[] = [];
  for (const family of [4, 6] as const) {
    const r = await ctx.exec("ip", ["-j", `-${family}`, "route", "show", "default"], {
      signal: ctx.signal,
      timeoutMs: 5000,
    });
    if (!r.ok) {
      if (family === 6) break;
      // No iproute2 (or not allowed): the kernel's table still answers for IPv4.
      const text = await Deno.readTextFile("/proc/net/route").catch(() => null);
      if (text === null) throw new Error(describeFailure(r).en);
      evidence.push({ label: "/proc/net/route", text });
      return { routes: parseProcNetRoute(text), source: "/proc/net/route", evidence };
    }
    evidence.push({ label: r.command, text: r.stdout });
    routes.push(...parseIpRouteJson(r.stdout, family));
  }
  return { routes, source: "ip -j route", evidence };
}
