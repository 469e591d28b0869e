/**
 * Figures of `kiriwake watch` (`deno task bench:watch [--minutes N] [--every 30s]`):
 *
 * - **storage**: 30 days of samples every 10 minutes written into a fresh history (the points
 *   a home has: router v4/v6, a provider host, three resolvers, two anchors, two TCP targets,
 *   Wi-Fi and addresses, a throughput sample an hour), then the file's size;
 * - **sample time**: light samples through the real runner against loopback targets;
 * - **between samples**: a real `kiriwake watch` process (against loopback targets) sampled
 *   every second from /proc — CPU share and RSS while it waits, peak RSS while it samples;
 * - **a scheduled tick**: one `kiriwake watch tick` process, start to exit (the OS schedule's
 *   way: no process between samples at all).
 *
 * Linux only (reads /proc). Prints JSON. Run on a quiet machine for stable CPU figures; read
 * medians.
 *
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { BRAND } from "../brand/brand.ts";
import { scheduleDeps } from "../cli/watch_schedule.ts";
import { main } from "../main.ts";
import { memoryIo } from "../session/command.ts";
import { defaultConfig } from "../probes/config_load.ts";
import { takeSample } from "../session/watch_sample.ts";
import { startLoopbackTargets } from "../tests/support/loopback_targets.ts";
import { kitCommand } from "../tests/support/kit.ts";
import { denoCacheEnv } from "../tests/support/loopback_run.ts";
import { WatchStore } from "../watch/store.ts";
import type { Reading, Sample } from "../watch/sample.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    minutes: { type: "string", default: "4" },
    every: { type: "string", default: "30s" },
    samples: { type: "string", default: "20" },
  },
});

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: r1(q(0.5)), p95: r1(q(0.95)), max: r1(s[s.length - 1] ?? 0) };
}
const r1 = (x: number) => Math.round(x * 10) / 10;

/** 30 days at 10 minutes: how big the history gets. */
async function storage() {
  const dir = await Deno.makeTempDir({ prefix: "kw-watch-bench-" });
  const path = join(dir, "history.sqlite");
  const store = WatchStore.open(path);
  store.createSession({ id: "bench", startedAt: 0, untilAt: null, everyMs: 600_000, settings: {} });
  const start = Date.UTC(2026, 10, 1);
  const ping = (
    key: string,
    segment: Reading["segment"],
    role: Reading["role"],
    ms: number,
  ): Reading => ({
    key,
    segment,
    kind: "ping",
    role,
    label: key.split(":")[1],
    sent: 8,
    lost: Math.random() < 0.02 ? 1 : 0,
    rttMs: ms + Math.random() * ms,
  }); // deno-fmt-ignore
  const dns = (key: string, role: Reading["role"]): Reading => ({
    key, segment: "dns", kind: "dns", role, label: key.split(":")[1], sent: 2, lost: 0, rttMs: 5 + Math.random() * 20, rcodes: { NOERROR: 2 },
  }); // deno-fmt-ignore
  const tcp = (key: string, segment: Reading["segment"]): Reading => ({
    key, segment, kind: "tcp", role: segment === "isp" ? "on-net" : "target", label: key.split(":")[1], sent: 1, lost: 0, rttMs: 8 + Math.random() * 10,
  }); // deno-fmt-ignore
  const t0 = performance.now();
  const n = 30 * 24 * 6;
  for (let i = 0; i < n; i++) {
    const s: Sample = {
      at: start + i * 600_000 + Math.round(Math.random() * 60_000),
      durationMs: 1500 + Math.round(Math.random() * 800),
      readings: [
        ping("gateway:4", "lan", "gateway", 1),
        ping("gateway:6", "lan", "gateway", 1),
        ping("on-net:portal", "isp", "on-net", 5),
        dns("dns:system", "system"),
        dns("dns:provider", "provider"),
        dns("dns:public", "public"),
        ping("ping:anchor", "internet", "anchor", 12),
        ping("ping:anchor-v6", "internet", "anchor", 12),
        tcp("tcp:provider-portal", "isp"),
        tcp("tcp:www", "internet"),
      ],
      wifi: {
        connected: true,
        ssid: "[redacted:ssid]",
        ssidTag: "0f1e2d3c4b5a6978",
        bssid: "[redacted:bssid]",
        bssidTag: i % 500 < 250 ? "1122334455667788" : "8877665544332211",
        band: "5",
        channel: 36,
        rssiDbm: -55 - Math.round(Math.random() * 10),
      },
      addresses: {
        tag: "a1b2c3d4e5f60718",
        list: ["6 [redacted:public-ip]", "gw4 192.168.1.1", "gw6 fe80::1"],
      },
      throughput: i % 6 === 0
        ? { downMbps: 90 + Math.random() * 20, upMbps: 40, bytes: 18_000_000 }
        : null,
    };
    store.addSample("bench", s);
  }
  const writeMs = performance.now() - t0;
  store.close(); // checkpoints the WAL into the file
  const size = (await Deno.stat(path)).size;
  const wal = await Deno.stat(`${path}-wal`).then((s) => s.size).catch(() => 0);
  const reopened = WatchStore.open(path);
  const r0 = performance.now();
  const read = reopened.samples("bench").length;
  const readMs = performance.now() - r0;
  reopened.close();
  await Deno.remove(dir, { recursive: true });
  return {
    samples: n,
    readingsPerSample: 10,
    bytes: size + wal,
    megabytes: r1((size + wal) / 1e6),
    bytesPerSample: Math.round((size + wal) / n),
    writeAllMs: Math.round(writeMs),
    readAllMs: Math.round(readMs),
    readBack: read,
  };
}

/** Light samples through the real runner, against loopback targets. */
async function sampleTimes(count: number) {
  const t = await startLoopbackTargets();
  try {
    const cfg = structuredClone(t.config) as Record<string, Record<string, unknown>>;
    cfg.tcp.targets = [{
      name: "provider-host",
      host: "127.0.0.1",
      port: t.tcpPort,
      segment: "isp",
    }];
    const config = (await defaultConfig(cfg)).config;
    const grant = {
      granted: ["device", "network", "identifiers", "measurements"] as const,
      refused: [],
    };
    const ms: number[] = [];
    for (let i = 0; i < count; i++) {
      const s = await takeSample(
        {
          config,
          lang: "en",
          grant: { granted: [...grant.granted], refused: [] },
          tagKey: new Uint8Array(32),
        },
        { first: i === 0, throughputBytes: 0 },
        Date.now(),
      );
      if (i > 0) ms.push(s.sample.durationMs);
    }
    return { ...stats(ms), unit: "ms", note: "first sample (with the access type) left out" };
  } finally {
    await t.close();
  }
}

interface ProcPoint {
  at: number;
  cpuS: number;
  rssKb: number;
}

function procPoint(pid: number): ProcPoint | null {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const hz = 100;
    const cpuS = (Number(f[11]) + Number(f[12])) / hz;
    const rss = /VmRSS:\s+(\d+)/.exec(Deno.readTextFileSync(`/proc/${pid}/status`));
    return { at: Date.now(), cpuS, rssKb: rss ? Number(rss[1]) : 0 };
  } catch {
    return null;
  }
}

/** A real foreground watch, observed from outside. */
async function foreground(minutes: number, every: string) {
  const t = await startLoopbackTargets();
  const home = await Deno.makeTempDir({ prefix: "kw-watch-bench-fg-" });
  try {
    const cfg = structuredClone(t.config) as Record<string, Record<string, unknown>>;
    cfg.tcp.targets = [{
      name: "provider-host",
      host: "127.0.0.1",
      port: t.tcpPort,
      segment: "isp",
    }];
    const file = join(home, "config.json");
    await Deno.writeTextFile(file, JSON.stringify(cfg));
    const env = {
      ...denoCacheEnv(),
      HOME: home,
      KIRIWAKE_CONFIG_DIR: join(home, "cfg"),
      KIRIWAKE_DATA_DIR: join(home, "data"),
    };
    const child = kitCommand([
      "watch",
      "--every",
      every,
      "--for",
      `${minutes}m`,
      "--config",
      file,
      "--out",
      join(home, "out"),
      "--accept-terms",
      BRAND.terms.version,
      "--consent",
      "all",
      "--quiet",
      "--json",
    ], { env }).spawn(); // deno-fmt-ignore
    const points: ProcPoint[] = [];
    const timer = setInterval(() => {
      const p = procPoint(child.pid);
      if (p) points.push(p);
    }, 1000);
    const out = await child.output();
    clearInterval(timer);
    const summary = JSON.parse(new TextDecoder().decode(out.stdout));
    const store = WatchStore.open(join(home, "data", "watch", "history.sqlite"));
    const samples = store.samples(summary.session);
    store.close();
    // Between samples: a second after a sample ended until half a second before the next.
    const busy = (at: number) =>
      samples.some((s) => at >= s.at - 1500 && at <= s.at + s.durationMs + 2000);
    const first = samples[0]?.at ?? 0;
    const idle: number[] = [];
    const idleRss: number[] = [];
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1], b = points[i];
      if (a.at < first || busy(a.at) || busy(b.at)) continue;
      idle.push((100 * (b.cpuS - a.cpuS)) / ((b.at - a.at) / 1000));
      idleRss.push(b.rssKb / 1024);
    }
    const all = points.map((p) => p.rssKb / 1024);
    const last = points.at(-1);
    return {
      every,
      minutes,
      samples: samples.length,
      idleCpuPercent: {
        ...stats(idle),
        mean: r1(idle.reduce((x, y) => x + y, 0) / Math.max(1, idle.length)),
      },
      idleRssMB: stats(idleRss),
      peakRssMB: r1(Math.max(...all)),
      totalCpuS: last ? r1(last.cpuS) : null,
      sampleMs: stats(samples.slice(1).map((s) => s.durationMs)),
    };
  } finally {
    await t.close();
    await Deno.remove(home, { recursive: true });
  }
}

/** `watch install` then one `watch tick` process, observed from outside. */
async function tick() {
  const t = await startLoopbackTargets();
  const home = await Deno.makeTempDir({ prefix: "kw-watch-bench-tick-" });
  try {
    const cfg = structuredClone(t.config) as Record<string, Record<string, unknown>>;
    cfg.tcp.targets = [{
      name: "provider-host",
      host: "127.0.0.1",
      port: t.tcpPort,
      segment: "isp",
    }];
    cfg.watch = { jitter: 0 };
    const file = join(home, "config.json");
    await Deno.writeTextFile(file, JSON.stringify(cfg));
    const env = {
      ...denoCacheEnv(),
      HOME: home,
      KIRIWAKE_CONFIG_DIR: join(home, "cfg"),
      KIRIWAKE_DATA_DIR: join(home, "data"),
    };
    // Install only records the session here: the OS schedule itself is tested elsewhere.
    scheduleDeps.run = () => Promise.resolve({ code: 0, stderr: "" });
    const io = memoryIo("", { env });
    const code = await main(
      [
        "watch",
        "install",
        "--config",
        file,
        "--accept-terms",
        BRAND.terms.version,
        "--consent",
        "all",
      ],
      io,
      { configDir: env.KIRIWAKE_CONFIG_DIR },
    );
    if (code !== 0) throw new Error(`install failed: ${io.stderr}`);
    const t0 = performance.now();
    const child = kitCommand(["watch", "tick"], { env }).spawn();
    let peak = 0;
    const timer = setInterval(() => {
      const p = procPoint(child.pid);
      if (p) peak = Math.max(peak, p.rssKb);
    }, 200);
    const last = { cpu: 0 };
    const poll = setInterval(() => {
      const p = procPoint(child.pid);
      if (p) last.cpu = p.cpuS;
    }, 100);
    const out = await child.output();
    clearInterval(timer);
    clearInterval(poll);
    return {
      wallMs: Math.round(performance.now() - t0),
      cpuS: r1(last.cpu),
      peakRssMB: r1(peak / 1024),
      exit: out.code,
    };
  } finally {
    await t.close();
    await Deno.remove(home, { recursive: true });
  }
}

if (import.meta.main) {
  if (Deno.build.os !== "linux") {
    console.error("bench:watch reads /proc: Linux only");
    Deno.exit(1);
  }
  const result = {
    machine: { cores: navigator.hardwareConcurrency, load: Deno.loadavg() },
    storage30Days: await storage(),
    lightSample: await sampleTimes(Number(values.samples)),
    foreground: await foreground(Number(values.minutes), values.every!),
    scheduledTick: await tick(),
  };
  console.log(JSON.stringify(result, null, 2));
}
