/**
 * The one static registry of built-in probes. Everything else — the CLI's `probes` list,
 * manifest id checks, docs — derives from it. Static imports are also what `deno compile`
 * embeds. A new probe is one new file in `probes/builtin/` plus one line here; its id then
 * becomes a {@link BuiltinProbeId} that rules and pages name with type checking.
 *
 * @module
 */
import { dnsResolveProbe } from "./builtin/dns_resolve.ts";
import { httpTimingProbe } from "./builtin/http_timing.ts";
import { netGatewayProbe } from "./builtin/net_gateway.ts";
import { netInterfacesProbe } from "./builtin/net_interfaces.ts";
import { systemInfoProbe } from "./builtin/system_info.ts";
import { tcpConnectProbe } from "./builtin/tcp_connect.ts";
import { dnsCompareProbe } from "./builtin/dns_compare.ts";
import { dnsConfigProbe } from "./builtin/dns_config.ts";
import { httpCaptiveProbe } from "./builtin/http_captive.ts";
import { ipv6CompareProbe } from "./builtin/ipv6_compare.ts";
import { ispAccessProbe } from "./builtin/isp_access.ts";
import { netProxyProbe } from "./builtin/net_proxy.ts";
import { netProxyCheckProbe } from "./builtin/net_proxy_check.ts";
import { systemClockProbe } from "./builtin/system_clock.ts";
import { ispThroughputProbe } from "./builtin/isp_throughput.ts";
import { tlsInspectProbe } from "./builtin/tls_inspect.ts";
import { wifiLinkProbe } from "./builtin/wifi_link.ts";
import { internetPingProbe } from "./builtin/internet_ping.ts";
import { lanGatewayPingProbe } from "./builtin/lan_gateway_ping.ts";
import { pathMtuProbe } from "./builtin/path_mtu.ts";
import { pathTraceProbe } from "./builtin/path_trace.ts";

/** Every built-in probe, in the order they are listed. */
export const BUILTIN_PROBES = [
  systemInfoProbe,
  netInterfacesProbe,
  netGatewayProbe,
  dnsResolveProbe,
  tcpConnectProbe,
  httpTimingProbe,
  wifiLinkProbe,
  dnsConfigProbe,
  dnsCompareProbe,
  ispAccessProbe,
  ipv6CompareProbe,
  netProxyProbe,
  netProxyCheckProbe,
  httpCaptiveProbe,
  systemClockProbe,
  tlsInspectProbe,
  lanGatewayPingProbe,
  internetPingProbe,
  pathTraceProbe,
  pathMtuProbe,
  ispThroughputProbe,
] as const;

/** The id of a built-in probe, e.g. `"dns.resolve"`. */
export type BuiltinProbeId = typeof BUILTIN_PROBES[number]["id"];

/** The data a built-in probe records, by its id. */
export type BuiltinData<Id extends BuiltinProbeId> =
  Extract<typeof BUILTIN_PROBES[number], { id: Id }> extends
    { run(ctx: never): Promise<{ data: infer T }> } ? T : never;

/**
 * True when `id` is a built-in probe's.
 *
 * @example
 * ```ts
 * import { isBuiltinId } from "./mod.ts";
 * isBuiltinId("dns.resolve"); // true
 * isBuiltinId("example-isp.portal"); // false
 * ```
 */
export function isBuiltinId(id: string): id is BuiltinProbeId {
  return BUILTIN_IDS.has(id);
}

/** Ids of the built-in probes; plugin ids must not clash with them. */
export const BUILTIN_IDS: ReadonlySet<string> = new Set(BUILTIN_PROBES.map((p) => p.id));
