/**
 * Words and numbers for people: the one-line summary of a server, the on-net/off-net
 * comparison, evidence lines, and the JSON `kiriwake speedtest --json` prints.
 *
 * @module
 */
import type { DirectionResult, ServerResult, ThroughputData } from "./schema.ts";
import type { Localized } from "../util/text.ts";

/** Off-net below this share of on-net goodput points beyond the access line. */
export const BEYOND_ACCESS_RATIO = 0.7;

/** Compares the first measured on-net and off-net servers. */
export function compareServers(servers: readonly ServerResult[]): ThroughputData["comparison"] {
  const measured = (s: ServerResult) => s.download?.mbps != null || s.upload?.mbps != null;
  const on = servers.find((s) => s.kind === "on-net" && measured(s));
  const off = servers.find((s) => s.kind === "off-net" && measured(s));
  if (!on || !off) return null;
  const ratio = (a: number | null | undefined, b: number | null | undefined) =>
    a != null && b != null && b > 0 ? Math.round((a / b) * 100) / 100 : null;
  const downloadRatio = ratio(off.download?.mbps, on.download?.mbps);
  const uploadRatio = ratio(off.upload?.mbps, on.upload?.mbps);
  const ratios = [downloadRatio, uploadRatio].filter((r): r is number => r !== null);
  const onIdle = on.idle?.latencyMs;
  const offIdle = off.idle?.latencyMs;
  return {
    onNet: on.name,
    offNet: off.name,
    downloadRatio,
    uploadRatio,
    latencyDeltaMs: onIdle != null && offIdle != null
      ? Math.round((offIdle - onIdle) * 10) / 10
      : null,
    finding: ratios.length === 0
      ? "unknown"
      : ratios.some((r) => r < BEYOND_ACCESS_RATIO)
      ? "beyond-access"
      : "same",
  };
}

const f = (x: number | null | undefined, d = 1) =>
  x == null ? "–" : x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(d);

/** One line for a customer about one server. */
export function serverSummary(s: ServerResult): Localized {
  if (s.download?.mbps == null && s.upload?.mbps == null) {
    return {
      ja: `${s.name}: 測定できませんでした (${s.outcome}${s.error ? `: ${s.error}` : ""})`,
      en: `${s.name}: not measured (${s.outcome}${s.error ? `: ${s.error}` : ""})`,
    };
  }
  const bb = s.bufferbloat.grade;
  const added = Math.max(
    s.bufferbloat.downloadAddedMs ?? -Infinity,
    s.bufferbloat.uploadAddedMs ?? -Infinity,
  );
  const level = { Low: "低", Medium: "中", High: "高" } as Record<string, string>;
  const rpm = (ja: boolean) =>
    s.rpm.value == null
      ? "RPM –"
      : ja
      ? `${f(s.rpm.value)} RPM (確からしさ ${level[s.rpm.confidence ?? ""] ?? "–"})`
      : `${f(s.rpm.value)} RPM (${(s.rpm.confidence ?? "–").toLowerCase()} confidence)`;
  const load = Number.isFinite(added) ? `+${f(Math.max(0, added))} ms` : "–";
  return {
    ja: `${s.name}: 下り ${f(s.download?.mbps)} Mbps・上り ${f(s.upload?.mbps)} Mbps、遅延 ${
      f(s.idle?.latencyMs)
    } ms (負荷時 ${load}、バッファブロート ${bb ?? "–"})、${rpm(true)}`,
    en: `${s.name}: download ${f(s.download?.mbps)} Mbit/s, upload ${
      f(s.upload?.mbps)
    } Mbit/s, latency ${f(s.idle?.latencyMs)} ms (${load} under load, bufferbloat ${bb ?? "–"}), ${
      rpm(false)
    }`,
  };
}

/** The comparison in words, or null. */
export function comparisonSummary(c: ThroughputData["comparison"]): Localized | null {
  if (!c || c.finding === "unknown") return null;
  const pct = (r: number | null) => (r === null ? "–" : `${Math.round(r * 100)}%`);
  const both = `${pct(c.downloadRatio)} / ${pct(c.uploadRatio)}`;
  return c.finding === "beyond-access"
    ? {
      ja:
        `プロバイダ外 (${c.offNet}) はプロバイダ内 (${c.onNet}) の ${both} の速度: 混雑はアクセス回線より先 (相互接続・トランジット) にあります`,
      en:
        `Off-net (${c.offNet}) reaches ${both} of on-net (${c.onNet}) down/up: the bottleneck lies beyond the access line (peering or transit)`,
    }
    : {
      ja:
        `プロバイダ外 (${c.offNet}) とプロバイダ内 (${c.onNet}) は同程度 (${both}): 速度を決めているのはアクセス回線か端末側です`,
      en:
        `Off-net (${c.offNet}) and on-net (${c.onNet}) are alike (${both} down/up): the access line or the device sets the speed`,
    };
}

function directionLine(d: DirectionResult | null): string {
  if (!d) return "not run";
  const r = d.responsiveness;
  return `${f(d.mbps, 2)} Mbit/s x${d.streams} (${d.capacity.confidence}) stop=${d.stopReason}` +
    ` loaded=${f(d.loadedLatency.medianMs, 2)} ms/${d.loadedLatency.samples} RPM=${
      f(r.rpm)
    } (${r.confidence})` +
    ` probes=${((d.probes.share ?? 0) * 100).toFixed(2)}%` +
    (d.error ? ` error=${d.error.kind}: ${d.error.message}` : "");
}

/** Evidence text: what each server measured, for support staff. */
export function evidenceText(data: ThroughputData): string {
  const lines = [
    `budget: ${data.budget.usedBytes} of ${data.budget.maxBytes} bytes${
      data.budget.metered ? " (metered)" : ""
    }`,
  ];
  for (const s of data.servers) {
    lines.push(`${s.name} (${s.kind}) ${s.url}: ${s.outcome}${s.error ? ` — ${s.error}` : ""}`);
    if (s.idle) {
      lines.push(
        `  idle ${f(s.idle.latencyMs, 2)} ms jitter ${
          f(s.idle.jitterMs, 2)
        } ms (${s.idle.samples} samples)`,
      );
    }
    lines.push(`  down ${directionLine(s.download)}`, `  up   ${directionLine(s.upload)}`);
    const aim = Object.entries(s.aim).map(([k, v]) => `${k}=${v.classification}`).join(" ");
    lines.push(`  bufferbloat ${s.bufferbloat.grade ?? "–"} ${aim}`);
  }
  return lines.join("\n");
}

/** What `kiriwake speedtest --json` prints for one server. */
export function speedtestJson(s: ServerResult) {
  const dir = (d: DirectionResult | null, added: number | null, grade: string | null) =>
    d && {
      mbps: d.mbps,
      bytes: d.bytes,
      streams: d.streams,
      confidence: d.capacity.confidence,
      stopReason: d.stopReason,
      loadedLatencyMs: d.loadedLatency.medianMs,
      loadedJitterMs: d.loadedLatency.jitterMs,
      rpm: d.responsiveness.rpm,
      rpmConfidence: d.responsiveness.confidence,
      probeShare: d.probes.share,
      bufferbloat: { addedMs: added, grade },
      ...(d.error ? { error: d.error } : {}),
    };
  return {
    server: s.url,
    name: s.name,
    kind: s.kind,
    outcome: s.outcome,
    ...(s.error ? { error: s.error } : {}),
    download: dir(s.download, s.bufferbloat.downloadAddedMs, s.bufferbloat.download),
    upload: dir(s.upload, s.bufferbloat.uploadAddedMs, s.bufferbloat.upload),
    latency: { idleMs: s.idle?.latencyMs ?? null, jitterMs: s.idle?.jitterMs ?? null },
    rpm: { value: s.rpm.value, confidence: s.rpm.confidence },
    grades: {
      bufferbloat: s.bufferbloat.grade,
      streaming: s.aim.streaming?.classification ?? null,
      gaming: s.aim.gaming?.classification ?? null,
      videoCalls: s.aim.rtc?.classification ?? null,
    },
    bytesUsed: s.bytesUsed,
  };
}
