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

/** Every built-in probe, in the order they are listed. */
export const BUILTIN_PROBES: readonly Probe[] = [
  systemInfoProbe,
  netInterfacesProbe,
  netGatewayProbe,
  dnsResolveProbe,
  tcpConnectProbe,
  httpTimingProbe,
];

/** Ids of the built-in probes; plugin ids must not clash with them. */
export const BUILTIN_IDS: ReadonlySet<string> = new Set(BUILTIN_PROBES.map((p) => p.id));
