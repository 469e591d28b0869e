/**
 * The one static registry of built-in probes. Everything else — the CLI's `probes` list,
 * manifest id checks, docs — derives from it. Static imports are also what `deno compile`
 * embeds. A new probe is one new file in `probes/` plus one line here.
 *
 * @module
 */
import { dnsResolveProbe } from "./dns_resolve.ts";
import { httpTimingProbe } from "./http_timing.ts";
import { netGatewayProbe } from "./net_gateway.ts";
import { netInterfacesProbe } from "./net_interfaces.ts";
import { systemInfoProbe } from "./system_info.ts";
import { tcpConnectProbe } from "./tcp_connect.ts";
import type { Probe } from "./types.ts";
import { dnsCompareProbe } from "./dns_compare.ts";
import { dnsConfigProbe } from "./dns_config.ts";
import { httpCaptiveProbe } from "./http_captive.ts";
import { ipv6CompareProbe } from "./ipv6_compare.ts";
import { ispAccessProbe } from "./isp_access.ts";
import { netProxyProbe } from "./net_proxy.ts";
import { systemClockProbe } from "./system_clock.ts";
import { throughputProbe } from "./throughput.ts";
import { tlsInspectProbe } from "./tls_inspect.ts";
import { wifiLinkProbe } from "./wifi_link.ts";
import { internetPingProbe } from "./internet_ping.ts";
import { lanGatewayPingProbe } from "./lan_gateway_ping.ts";
import { pathMtuProbe } from "./path_mtu.ts";
import { pathTraceProbe } from "./path_trace.ts";

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
