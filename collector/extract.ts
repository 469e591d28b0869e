/**
 * The search columns of a stored report, read out of a validated report: what the support
 * desk filters by (verdicts, access type, OS, version) and the numbers of the crowd
 * baseline (throughput, loaded latency, loss). Missing probes give nulls, never errors: a
 * partial report is stored like any other.
 *
 * **Device key** ("this customer's other reports"): the first 32 hex digits of a SHA-256
 * over the tenant, the OS and the device's own identity — the lowest burned-in MAC address
 * of its interfaces (`net.interfaces`; universally administered, so not a randomised or
 * virtual one), or else its host name (`system.info`). Both exist in a report only when the
 * customer consented to identifiers: a customer who refused identifiers is never linked
 * across reports by device (the support desk can still link by the verified licence id or
 * the ticket). The tenant is part of the hash, so one device under two tenants gives two
 * keys. A host name alone can be shared (two "MacBook-Pro"s), hence the MAC first.
 *
 * @module
 */
import type { Report } from "../report/schema.ts";
import type { Segment } from "../probes/types.ts";
import type { Verdict } from "../diagnosis/schema.ts";
import { sha256Hex } from "../util/crypto.ts";
import { mask } from "../util/redact.ts";

/** The columns extracted from a report. */
export interface ReportColumns {
  reportId: string;
  createdAt: string;
  /** Hour of `createdAt` in the collector's time zone (0–23). */
  hourOfDay: number;
  verdicts: Record<Segment, Verdict>;
  headlineSegment: Segment | null;
  /** The most likely access type of `isp.access` (e.g. `pppoe`), or null. */
  accessType: string | null;
  os: string;
  osRelease: string | null;
  arch: string;
  kitVersion: string;
  brand: string;
  partial: boolean;
  downMbps: number | null;
  upMbps: number | null;
  idleLatencyMs: number | null;
  loadedLatencyMs: number | null;
  lossPercent: number | null;
  deviceKey: string | null;
}

// deno-lint-ignore no-explicit-any
type Loose = any;

/**
 * Extracts the columns of `report` (already validated) for `tenant`.
 *
 * @param timeZone IANA zone of the hour of day, e.g. `Asia/Tokyo`
 */
export async function extractColumns(
  report: Report,
  tenant: string,
  timeZone: string,
): Promise<ReportColumns> {
  const probe = (id: string): Loose => report.probes.find((p) => p.id === id)?.data;
  const segments = report.diagnosis.segments;
  const speed = throughputOf(probe("isp.throughput"));
  return {
    reportId: report.id,
    createdAt: report.createdAt,
    hourOfDay: hourIn(report.createdAt, timeZone),
    verdicts: {
      device: segments.device.verdict,
      lan: segments.lan.verdict,
      isp: segments.isp.verdict,
      dns: segments.dns.verdict,
      internet: segments.internet.verdict,
      service: segments.service.verdict,
    },
    headlineSegment: report.diagnosis.headline.segment,
    accessType: accessTypeOf(probe("isp.access")),
    os: report.environment.os,
    osRelease: report.environment.osRelease ?? null,
    arch: report.environment.arch,
    kitVersion: report.tool.version,
    brand: report.tool.brand.id,
    partial: report.partial,
    ...speed,
    lossPercent: lossOf(probe("internet.ping")),
    deviceKey: await deviceKeyOf(tenant, report, probe("net.interfaces"), probe("system.info")),
  };
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) of an ISO time in `timeZone`. */
export function hourIn(iso: string, timeZone: string): number {
  let f = hourFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" });
    hourFormats.set(timeZone, f);
  }
  return Number(f.format(new Date(iso))) % 24;
}

/** The access type with the highest confidence, or null when none was inferred. */
export function accessTypeOf(data: Loose): string | null {
  const candidates = Array.isArray(data?.candidates) ? data.candidates : [];
  let best: { type: string; confidence: number } | null = null;
  for (const c of candidates) {
    if (typeof c?.type !== "string" || typeof c?.confidence !== "number") continue;
    if (!best || c.confidence > best.confidence) best = c;
  }
  return best?.type ?? null;
}

/** Throughput and latency of the first measured server (on-net servers are measured first). */
export function throughputOf(data: Loose): {
  downMbps: number | null;
  upMbps: number | null;
  idleLatencyMs: number | null;
  loadedLatencyMs: number | null;
} {
  const servers: Loose[] = Array.isArray(data?.servers) ? data.servers : [];
  const s = servers.find((x) => num(x?.download?.mbps) !== null || num(x?.upload?.mbps) !== null);
  const loaded = [
    num(s?.download?.loadedLatency?.medianMs),
    num(s?.upload?.loadedLatency?.medianMs),
  ]
    .filter((v): v is number => v !== null);
  return {
    downMbps: num(s?.download?.mbps),
    upMbps: num(s?.upload?.mbps),
    idleLatencyMs: num(s?.idle?.latencyMs),
    loadedLatencyMs: loaded.length ? Math.max(...loaded) : null,
  };
}

/** The mean packet loss over the anchors that answered at all, or null. */
export function lossOf(data: Loose): number | null {
  const targets: Loose[] = Array.isArray(data?.targets) ? data.targets : [];
  const losses = targets.map((t) => num(t?.lossPercent)).filter((v): v is number => v !== null);
  return losses.length ? losses.reduce((a, b) => a + b, 0) / losses.length : null;
}

async function deviceKeyOf(
  tenant: string,
  report: Report,
  interfaces: Loose,
  info: Loose,
): Promise<string | null> {
  if (report.redaction.refused.includes("identifiers")) return null;
  const identity = burnedInMac(interfaces) ?? hostName(info);
  if (!identity) return null;
  const parts = ["kiriwake.device/v1", tenant, report.environment.os, identity];
  return (await sha256Hex(parts.join("\u0000"))).slice(0, 32);
}

/** The lowest universally administered, non-zero MAC of the interfaces, as `mac:…`. */
export function burnedInMac(data: Loose): string | null {
  const list: Loose[] = Array.isArray(data?.interfaces) ? data.interfaces : [];
  const macs = list.map((i) => i?.mac).filter((m): m is string =>
    typeof m === "string" && /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(m)
  ).map((m) => m.toLowerCase().replaceAll("-", ":"))
    // Bit 1 of the first octet: locally administered (random, virtual); bit 0: multicast.
    .filter((m) => (parseInt(m.slice(0, 2), 16) & 0b11) === 0 && m !== "00:00:00:00:00:00")
    .sort();
  return macs.length ? `mac:${macs[0]}` : null;
}

function hostName(info: Loose): string | null {
  const host = info?.hostname;
  if (typeof host !== "string" || host.trim() === "" || host.includes(mask("hostname"))) {
    return null;
  }
  return `host:${host.trim().toLowerCase()}`;
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}
