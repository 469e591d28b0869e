/**
 * The evidence view of each built-in probe, by id, and the component that shows a probe's
 * data: its purpose-built view when there is one and the data fits it, the generic view
 * otherwise (plugins, or a report from another version).
 *
 * @module
 */
import type { BuiltinProbeId } from "../../../probes/mod.ts";
import type { ProbeResult } from "../../../probes/types.ts";
import type { Lang } from "../../../util/text.ts";
import { DnsCompareView, DnsConfigView, DnsResolveView } from "./dns.tsx";
import { GenericData } from "./generic.tsx";
import { GatewayView, InterfacesView, ProxyView } from "./net.tsx";
import { PathTraceView } from "./path_trace.tsx";
import { ProxyCheckView } from "./proxy_check.tsx";
import { PingView } from "./ping.tsx";
import { SpeedView } from "./speed.tsx";
import { AccessView, ClockView, PathMtuView, SystemInfoView } from "./system.tsx";
import type { EvidenceView } from "./types.ts";
import { CaptiveView, HttpTimingView, Ipv6CompareView, TcpConnectView, TlsView } from "./web.tsx";
import { WifiView } from "./wifi.tsx";

/** One view per built-in probe: the compiler fails when a probe is added without one. */
export const EVIDENCE_VIEWS: Readonly<Record<BuiltinProbeId, EvidenceView>> = {
  "system.info": SystemInfoView,
  "net.interfaces": InterfacesView,
  "net.gateway": GatewayView,
  "dns.resolve": DnsResolveView,
  "tcp.connect": TcpConnectView,
  "http.timing": HttpTimingView,
  "wifi.link": WifiView,
  "dns.config": DnsConfigView,
  "dns.compare": DnsCompareView,
  "isp.access": AccessView,
  "ipv6.compare": Ipv6CompareView,
  "net.proxy": ProxyView,
  "net.proxy.check": ProxyCheckView,
  "http.captive": CaptiveView,
  "system.clock": ClockView,
  "tls.inspect": TlsView,
  "lan.gateway.ping": PingView,
  "internet.ping": PingView,
  "path.trace": PathTraceView,
  "path.mtu": PathMtuView,
  "isp.throughput": SpeedView,
};

/** The purpose-built view of a built-in probe's result, or null (plugins, unknown shapes). */
export function purposeView(result: ProbeResult, lang: Lang) {
  if (result.source !== "builtin") return null;
  const view = (EVIDENCE_VIEWS as Record<string, EvidenceView | undefined>)[result.id];
  if (!view || Object.keys(result.data).length === 0) return null;
  try {
    return view({ result, lang });
  } catch {
    // A report from another version with a shape the view cannot read: show it generically.
    return null;
  }
}

/** A probe's data as evidence: its own view, else the generic one. */
export function ProbeEvidence(props: { result: ProbeResult; lang: Lang }) {
  const own = purposeView(props.result, props.lang);
  if (own) return <div class="evidence-view">{own}</div>;
  return <GenericData data={props.result.data} lang={props.lang} />;
}
