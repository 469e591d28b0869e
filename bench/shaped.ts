/**
 * Shaped links: client ⇄ router ⇄ server namespaces with tbf on the router. Accuracy of the
 * probe against iperf3 (same stream count) and against the TCP goodput ceiling at several
 * rates; then added latency under load with a deep and a shallow queue.
 *
 * @module
 */
import { fmt, fmtSpread, goodputCeiling, spread, table } from "./figures.ts";
import type { SectionOptions } from "./loopback.ts";
import { runIperf, runProbe, startIperfServer, startSpeedServer } from "./proc.ts";
import type { Topology } from "./topology.ts";

/** Accuracy at each rate; returns the text and the worst |probe/iperf3 − 1|. */
export async function shapedSection(
  topo: Topology,
  rates: readonly number[],
  o: SectionOptions,
): Promise<{ text: string; worst: number | null }> {
  const cli = ["ip", "netns", "exec", topo.client];
  const srv = ["ip", "netns", "exec", topo.server];
  const server = await startSpeedServer(srv, topo.serverIp);
  const iperf = await startIperfServer(srv, 5201);
  const rows: string[][] = [];
  const devs: number[] = [];
  const summary: string[] = [];
  try {
    for (const rate of rates) {
      await topo.shape(rate, 20);
      const ceiling = goodputCeiling(rate) / 1e6;
      const byDir: Record<string, number[]> = { down: [], up: [] };
      const byCeil: Record<string, number[]> = { down: [], up: [] };
      for (let run = 1; run <= o.runs; run++) {
        const p = await runProbe({ prefix: cli, url: server.firstLine, configDir: o.configDir });
        for (const [dir, d] of [["down", p.figures.download], ["up", p.figures.upload]] as const) {
          const streams = Math.max(1, d?.streams ?? 1);
          const ip = (await runIperf(cli, topo.serverIp, 5201, {
            streams,
            reverse: dir === "down",
            seconds: o.seconds,
          })) / 1e6;
          const mbps = d?.mbps ?? NaN;
          byDir[dir].push(mbps / ip);
          byCeil[dir].push(mbps / ceiling);
          devs.push(Math.abs(mbps / ip - 1));
          rows.push([
            `${rate / 1e6}`,
            dir,
            String(run),
            String(streams),
            fmt(mbps),
            fmt(ip),
            fmt(ceiling),
            fmt(mbps / ip, 3),
            fmt(mbps / ceiling, 3),
            d?.confidence ?? "–",
            d?.stopReason ?? "–",
            `${fmt((d?.probeShare ?? NaN) * 100, 3)} %`,
          ]);
          o.log(
            `  ${rate / 1e6} Mbit/s ${dir} run ${run}: probe ${fmt(mbps)} iperf3 ${
              fmt(ip)
            } ceiling ${fmt(ceiling)}`,
          );
        }
      }
      for (const dir of ["down", "up"]) {
        summary.push(
          `  ${rate / 1e6} Mbit/s ${dir === "down" ? "download" : "upload  "}: probe/iperf3 ${
            fmtSpread(spread(byDir[dir]), 3)
          }, probe/ceiling ${fmtSpread(spread(byCeil[dir]), 3)}`,
        );
      }
    }
  } finally {
    await server.stop();
    await iperf.stop();
  }
  const detail = table(
    [
      "Mbit/s",
      "dir",
      "run",
      "streams",
      "probe",
      "iperf3",
      "ceiling",
      "probe/iperf3",
      "probe/ceiling",
      "confidence",
      "stop",
      "probe share",
    ],
    rows,
  );
  const worst = spread(devs)?.max ?? null;
  return { text: `${detail}\n${summary.join("\n")}`, worst };
}

/** Bufferbloat: idle vs loaded latency with a deep and a shallow queue at `rate`. */
export async function bloatSection(
  topo: Topology,
  rate: number,
  queues: readonly { name: string; ms: number }[],
  o: SectionOptions,
): Promise<{ text: string; grades: Record<string, string[]> }> {
  const cli = ["ip", "netns", "exec", topo.client];
  const server = await startSpeedServer(["ip", "netns", "exec", topo.server], topo.serverIp);
  const rows: string[][] = [];
  const grades: Record<string, string[]> = {};
  try {
    for (const q of queues) {
      await topo.shape(rate, q.ms);
      grades[q.name] = [];
      for (let run = 1; run <= o.runs; run++) {
        const f =
          (await runProbe({ prefix: cli, url: server.firstLine, configDir: o.configDir })).figures;
        grades[q.name].push(f.grade ?? "–");
        rows.push([
          `${q.name} (${q.ms} ms)`,
          String(run),
          fmt(f.idleMs),
          fmt(f.download?.loadedLatencyMs),
          fmt(f.download?.bufferbloat.addedMs),
          f.download?.bufferbloat.grade ?? "–",
          fmt(f.upload?.loadedLatencyMs),
          fmt(f.upload?.bufferbloat.addedMs),
          f.upload?.bufferbloat.grade ?? "–",
          fmt(f.download?.rpm, 0),
          fmt(f.upload?.rpm, 0),
          f.grade ?? "–",
        ]);
        o.log(
          `  ${q.name} queue run ${run}: grade ${f.grade}, +${
            fmt(f.download?.bufferbloat.addedMs)
          } ms down`,
        );
      }
    }
  } finally {
    await server.stop();
  }
  const text = table(
    [
      "queue",
      "run",
      "idle ms",
      "loaded↓ ms",
      "added↓",
      "grade↓",
      "loaded↑ ms",
      "added↑",
      "grade↑",
      "RPM↓",
      "RPM↑",
      "grade",
    ],
    rows,
  );
  return { text, grades };
}
