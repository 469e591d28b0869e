/**
 * Sample reports for tests, screenshots and the bench: a full run with every chartable data
 * shape (ping samples, a route trace, throughput over time, request phases), a DNS fault,
 * and optionally hostile strings planted in every field a probe or plugin can fill.
 *
 * @module
 */
import type { ProbeResult } from "../../probes/types.ts";
import { buildReport, type ReportMeta } from "../build.ts";
import type { Report } from "../schema.ts";
import type { Identifier } from "../../util/redact.ts";

/** The string planted by `hostile: true`; it must only ever appear escaped. */
export const HOSTILE = `<img src=x onerror=alert(1)>"'&<script>alert(2)</script>`;

/** Options of {@link sampleReport}. */
export interface SampleOptions {
  /** Plant {@link HOSTILE} in SSIDs, summaries, evidence, keys, titles and sources. */
  hostile?: boolean;
  /** `dns`: every lookup fails (a fault); `slow`: slow DNS (a warning); `none`: all well. */
  fault?: "dns" | "slow" | "none";
  partial?: boolean;
  /** Creation time; default 2026-11-24T09:00:00Z. */
  at?: Date;
  /** Identifiers the probes declared (masked: the sample refuses `identifiers`). */
  identifiers?: Identifier[];
}

/** Builds a valid, sealed report. */
export async function sampleReport(opts: SampleOptions = {}): Promise<Report> {
  const at = opts.at ?? new Date("2026-11-24T09:00:00Z");
  const h = opts.hostile ? HOSTILE : "";
  const fault = opts.fault ?? "slow";
  const t = (ms: number) => new Date(at.getTime() + ms).toISOString();
  const base = (id: string, segment: ProbeResult["segment"], ja: string, en: string) => ({
    id,
    title: { ja: ja + h, en: en + h },
    segment,
    startedAt: t(10),
    source: opts.hostile ? `plugin ${HOSTILE}` : "builtin",
  });
  const seqs = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
  const results: ProbeResult[] = [
    {
      ...base("system.info", "device", "端末の情報", "Device information"),
      status: "ok",
      durationMs: 12,
      summary: { ja: "linux 6.1 (x86_64)", en: "linux 6.1 (x86_64)" },
      data: { os: "linux", arch: "x86_64", cpu: { model: `EPYC${h}`, cores: 4 } },
      evidence: [],
    },
    {
      ...base("wifi.link", "lan", "Wi-Fi の接続", "Wi-Fi link"),
      status: "ok",
      durationMs: 40,
      summary: {
        ja: `SSID ${h || "home-5G"} に接続中 (-58 dBm)`,
        en: `Connected to ${h || "home-5G"}`,
      },
      data: { ssid: h || "home-5G", rssiDbm: -58, channel: 36, [`key${h}`]: h || "x" },
      evidence: [{
        label: `iw dev wlan0 link ${h}`,
        text: `SSID: ${h || "home-5G"}\nsignal: -58 dBm`,
      }],
    },
    {
      ...base("ping.gateway", "lan", "ルーターへの ping", "Ping to the router"),
      status: "ok",
      durationMs: 19_500,
      summary: { ja: "損失 5%、平均 3.1 ms", en: "5% loss, average 3.1 ms" },
      data: {
        target: "192.168.1.1",
        sent: 20,
        received: 19,
        lossPercent: 5,
        replies: seqs.map((seq) => ({
          seq,
          from: "192.168.1.1",
          rttMs: 2 + ((seq * 7) % 5) * 0.6 + (seq === 12 ? 9 : 0),
          ttl: 64,
          duplicate: false,
        })),
      },
      evidence: [{
        label: "ping -c 20 192.168.1.1",
        text: "64 bytes from 192.168.1.1: icmp_seq=1 ttl=64 time=2.1 ms",
      }],
    },
    {
      ...base("route.trace", "isp", "経路の調査", "Route trace"),
      status: "ok",
      durationMs: 8_200,
      summary: { ja: "7 ホップで到達", en: "Reached in 7 hops" },
      data: {
        tool: "traceroute",
        target: "example.net",
        reached: true,
        hops: [2, 9, 11, 14, null, 18, 21].map((ms, i) => ({
          ttl: i + 1,
          note: null,
          probes: [0, 1, 2].map((k) => ({
            address: ms === null ? null : i === 2 && opts.hostile ? HOSTILE : `203.0.113.${i + 1}`,
            name: null,
            rttMs: ms === null ? null : ms + k * 0.7,
            annotation: null,
          })),
        })),
      },
      evidence: [],
    },
    {
      ...base("speed.download", "isp", "通信速度", "Throughput"),
      status: "ok",
      durationMs: 10_000,
      summary: { ja: "下り 182 Mbps", en: "Download 182 Mbps" },
      data: {
        direction: "download",
        intervals: Array.from({ length: 20 }, (_, i) => ({
          startS: i * 0.5,
          endS: (i + 1) * 0.5,
          bps: (150 + 40 * Math.sin(i / 2) + (i > 14 ? -60 : 0)) * 1e6,
        })),
      },
      evidence: [],
    },
    dnsResult(base("dns.resolve", "dns", "名前解決", "Name resolution"), fault, h),
    {
      ...base("http.timing", "internet", "Web の応答", "Web timing"),
      status: "ok",
      durationMs: 480,
      summary: { ja: "2 件とも期待どおり応答", en: "2 of 2 URLs answered as expected" },
      data: {
        targets: [
          {
            name: "portal",
            url: "https://portal.example/",
            segment: "internet",
            healthy: true,
            expectStatus: 200,
            ok: true,
            dnsMs: 21,
            connectMs: 12,
            tlsMs: 40,
            ttfbMs: 88,
            totalMs: 161,
            status: 200,
          },
          {
            name: `cdn${h}`,
            url: "https://cdn.example/",
            segment: "internet",
            healthy: true,
            expectStatus: 204,
            ok: true,
            dnsMs: 18,
            connectMs: 9,
            tlsMs: 31,
            ttfbMs: 20,
            totalMs: 78,
            status: 204,
          },
        ],
      },
      evidence: [{ label: "requests", text: `https://portal.example/ -> 200 ${h}` }],
    },
    {
      ...base("service.portal", "service", "会員サイト", "Member portal"),
      status: "error",
      durationMs: 3000,
      reason: { ja: `測定中にエラー: ${h}reset`, en: `Error while measuring: ${h}reset` },
      data: {},
      evidence: [],
      error: { name: "ConnectionReset", message: `reset by peer ${h}` },
    },
  ];
  return await buildReport(meta(at), {
    results,
    identifiers: opts.identifiers ?? [],
    finishedAt: opts.partial ? null : new Date(at.getTime() + 30_000),
    partial: opts.partial ?? false,
    ...(opts.partial
      ? { interrupted: { at: new Date(at.getTime() + 20_000), reason: "cancelled" } }
      : {}),
  });
}

function dnsResult(
  b: Omit<ProbeResult, "status" | "durationMs" | "data" | "evidence">,
  fault: string,
  h: string,
): ProbeResult {
  const ok = fault !== "dns";
  const ms = fault === "slow" ? 640 : 18;
  const resolver = `provider${h}`;
  return {
    ...b,
    status: ok ? (fault === "slow" ? "warn" : "ok") : "fail",
    durationMs: 900,
    summary: ok
      ? { ja: `2/2 件応答 (遅い: ${fault === "slow" ? 2 : 0})`, en: `2/2 lookups answered` }
      : { ja: "0/2 件応答", en: "0/2 lookups answered" },
    data: {
      slowMs: 300,
      lookups: ["A", "AAAA"].map((type) => ({
        name: "www.example.net",
        resolver,
        server: "192.168.1.1#53",
        type,
        ok,
        ms,
        answers: ok ? ["198.51.100.7"] : [],
        ...(ok ? {} : { error: "timeout" }),
      })),
    },
    evidence: [{
      label: "lookups",
      text: `www.example.net A @192.168.1.1: ${ok ? "198.51.100.7" : "timeout"} ${ms}ms`,
    }],
  };
}

function meta(at: Date): ReportMeta {
  return {
    schema: "kiriwake.report/v1",
    id: `${at.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-abc123`,
    createdAt: at.toISOString(),
    tool: {
      name: "kiriwake",
      version: "0.1.0",
      target: "x86_64-unknown-linux-gnu",
      compiled: false,
      brand: { id: "kiriwake", product: "kiriwake", provider: "kiriwake project" },
    },
    terms: { version: "1.0", sha256: "a".repeat(64), language: "ja", acceptedAt: at.toISOString() },
    consent: { granted: ["device", "network", "measurements"], refused: ["identifiers"] },
    licence: { required: false, status: "not-required" },
    environment: { os: "linux", arch: "x86_64", osRelease: "6.1", locale: "ja-JP", lang: "ja" },
    config: { source: "brand default", sha256: "b".repeat(64) },
  };
}
