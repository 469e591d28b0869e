/**
 * Loopback: the probe against `kiriwake speedtest-server` in another process versus iperf3
 * with the same number of streams, each direction, plus the probe's CPU time and peak
 * memory. Loopback is faster than a 10 Gbit/s line here, so this is the engine's ceiling.
 *
 * @module
 */
import { fmt, fmtSpread, spread, table } from "./figures.ts";
import { loadAverage, runIperf, runProbe, startIperfServer, startSpeedServer } from "./proc.ts";

/** Options of a section. */
export interface SectionOptions {
  runs: number;
  seconds: number;
  configDir: string;
  log(line: string): void;
}

interface Row {
  streams: number;
  run: number;
  load: number | null;
  probeDown: number | null;
  iperfDown: number;
  probeUp: number | null;
  iperfUp: number;
  cpuS: number | null;
  rssMB: number | null;
  gb: number;
  share: number | null;
}

/** Runs the loopback comparison; returns the lines to print and the target check. */
export async function loopbackSection(
  o: SectionOptions,
): Promise<{ text: string; best: number | null; median: number | null }> {
  const server = await startSpeedServer([], "127.0.0.1");
  const port = 20000 + Math.floor(Math.random() * 20000);
  const iperf = await startIperfServer([], port);
  const rows: Row[] = [];
  try {
    for (const streams of [1, 4]) {
      for (let run = 1; run <= o.runs; run++) {
        const load = await loadAverage();
        const p = await runProbe({
          prefix: [],
          url: server.firstLine,
          streams,
          configDir: o.configDir,
        });
        const iperfDown = await runIperf([], "127.0.0.1", port, {
          streams,
          reverse: true,
          seconds: o.seconds,
        });
        const iperfUp = await runIperf([], "127.0.0.1", port, {
          streams,
          reverse: false,
          seconds: o.seconds,
        });
        const f = p.figures;
        const row: Row = {
          streams,
          run,
          load,
          probeDown: f.download?.mbps ?? null,
          iperfDown: iperfDown / 1e6,
          probeUp: f.upload?.mbps ?? null,
          iperfUp: iperfUp / 1e6,
          cpuS: p.usage?.cpuS ?? null,
          rssMB: p.usage?.peakRssMB ?? null,
          gb: ((f.download?.bytes ?? 0) + (f.upload?.bytes ?? 0)) / 1e9,
          share: Math.max(f.download?.probeShare ?? 0, f.upload?.probeShare ?? 0),
        };
        rows.push(row);
        o.log(
          `  loopback P${streams} run ${run}: down ${fmt(row.probeDown, 0)}/${
            fmt(row.iperfDown, 0)
          } up ${fmt(row.probeUp, 0)}/${fmt(row.iperfUp, 0)} Mbit/s (probe/iperf3), load ${
            fmt(load, 1)
          }`,
        );
      }
    }
  } finally {
    await server.stop();
    await iperf.stop();
  }
  const ratio = (a: number | null, b: number) => (a === null ? NaN : a / b);
  const ratios = rows.flatMap((
    r,
  ) => [ratio(r.probeDown, r.iperfDown), ratio(r.probeUp, r.iperfUp)]);
  const detail = table(
    [
      "streams",
      "run",
      "load1",
      "probe↓",
      "iperf3↓",
      "ratio↓",
      "probe↑",
      "iperf3↑",
      "ratio↑",
      "CPU s",
      "CPU s/GB",
      "peak RSS MB",
      "probe share",
    ],
    rows.map((r) => [
      String(r.streams),
      String(r.run),
      fmt(r.load, 1),
      fmt(r.probeDown, 0),
      fmt(r.iperfDown, 0),
      fmt(ratio(r.probeDown, r.iperfDown)),
      fmt(r.probeUp, 0),
      fmt(r.iperfUp, 0),
      fmt(ratio(r.probeUp, r.iperfUp)),
      fmt(r.cpuS, 1),
      fmt(r.cpuS !== null && r.gb > 0 ? r.cpuS / r.gb : null),
      fmt(r.rssMB, 0),
      fmt(r.share === null ? null : r.share * 100, 3) + " %",
    ]),
  );
  // The quietest run is taken to be the one where iperf3 got the most: nothing else held the cores.
  const summary: string[] = [];
  for (const streams of [1, 4]) {
    for (const dir of ["down", "up"] as const) {
      const mine = rows.filter((r) => r.streams === streams);
      const rs = mine.map((r) =>
        dir === "down" ? ratio(r.probeDown, r.iperfDown) : ratio(r.probeUp, r.iperfUp)
      );
      const quiet = mine.reduce((a, b) =>
        (dir === "down" ? b.iperfDown > a.iperfDown : b.iperfUp > a.iperfUp) ? b : a
      );
      const q = dir === "down"
        ? ratio(quiet.probeDown, quiet.iperfDown)
        : ratio(quiet.probeUp, quiet.iperfUp);
      summary.push(
        `  ${streams} stream(s) ${dir === "down" ? "download" : "upload  "}: probe/iperf3 ${
          fmtSpread(spread(rs))
        }; quietest run ${fmt(q)}`,
      );
    }
  }
  const cpu = spread(rows.map((r) => (r.cpuS !== null && r.gb > 0 ? r.cpuS / r.gb : NaN)));
  const rss = spread(rows.map((r) => r.rssMB ?? NaN));
  summary.push(`  probe CPU per GB moved ${fmtSpread(cpu)} s; peak RSS ${fmtSpread(rss, 0)} MB`);
  const s = spread(ratios);
  return {
    text: `${detail}\n${summary.join("\n")}`,
    best: s?.max ?? null,
    median: s?.median ?? null,
  };
}
