/**
 * The one static registry of built-in probes. Everything else — the CLI's `probes` list,
 * manifest id checks, docs — derives from it. Static imports are also what `deno compile`
 * embeds. A new probe is one new file in `probes/` plus one line here.
 *
 * @module
 */
import { dnsResolveProbe } from "./builtin/dns_resolve.ts";
import { httpTimingProbe } from "./builtin/http_timing.ts";
import { netGatewayProbe } from "./builtin/net_gateway.ts";
import { netInterfacesProbe } from "./builtin/net_interfaces.ts";
import { systemInfoProbe } from "./builtin/system_info.ts";
import { tcpConnectProbe } from "./builtin/tcp_connect.ts";
import type { Probe } from "./types.ts";
import { dnsCompareProbe } from "./builtin/dns_compare.ts";
import { dnsConfigProbe } from "./builtin/dns_config.ts";
import { httpCaptiveProbe } from "./builtin/http_captive.ts";
import { ipv6CompareProbe } from "./builtin/ipv6_compare.ts";
import { ispAccessProbe } from "./builtin/isp_access.ts";
import { netProxyProbe } from "./builtin/net_proxy.ts";
import { systemClockProbe } from "./builtin/system_clock.ts";
import { throughputProbe } from "./builtin/isp_throughput.ts";
import { tlsInspectProbe } from "./builtin/tls_inspect.ts";
import { wifiLinkProbe } from "./builtin/wifi_link.ts";
import { internetPingProbe } from "./builtin/internet_ping.ts";
import { lanGatewayPingProbe } from "./builtin/lan_gateway_ping.ts";
import { pathMtuProbe } from "./builtin/path_mtu.ts";
import { pathTraceProbe } from "./builtin/path_trace.ts";

/** Every built-in probe, in the order they are listed. */
export const BUILTIN_PROBES: readonly Probe[] = [
  systemInfoProbe,
  netInterfacesProbe,
  netGatewayProbe(),
  dnsResolveProbe,
  tcpConnectProbe,
  httpTimingProbe,
  // issue 3b
  wifiLinkProbe,
  dnsConfigProbe,
  dnsCompareProbe,
  ispAccessProbe,
  ipv6CompareProbe,
  netProxyProbe,
  httpCaptiveProbe,
  systemClockProbe,
  tlsInspectProbe,
  // issue 3a
  lanGatewayPingProbe,
  internetPingProbe,
  pathTraceProbe,
  pathMtuProbe,
  // issue 7
  throughputProbe,
];

/** Ids of the built-in probes; plugin ids must not clash with them. */
export const BUILTIN_IDS: ReadonlySet<string> = new Set(BUILTIN_PROBES.map((p) => p.id));
