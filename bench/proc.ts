/**
 * Runs the tools the benchmark compares — `kiriwake speedtest`, `kiriwake speedtest-server`,
 * iperf3 — optionally inside a network namespace (`prefix = ["ip", "netns", "exec", ns]`),
 * and stops only the processes it started.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { BRAND } from "../brand/brand.ts";
import {
  iperfBps,
  parseSpeedtest,
  parseTime,
  type ProbeFigures,
  TIME_FORMAT,
  type Usage,
} from "./parse.ts";

/** The repository's `main.ts`. */
export const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const dec = new TextDecoder();

/** Runs a command to the end. */
export async function run(argv: string[], env: Record<string, string> = {}) {
  const out = await new Deno.Command(argv[0], {
    args: argv.slice(1),
    env: { NO_COLOR: "1", ...env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/** A background process the benchmark started. */
export interface Background {
  /** The first line it printed on stdout (the server URL), or "". */
  firstLine: string;
  stop(): Promise<void>;
}

/** Starts a background process; waits for its first stdout line when `waitLine`. */
export async function start(argv: string[], waitLine: boolean): Promise<Background> {
  const child = new Deno.Command(argv[0], {
    args: argv.slice(1),
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  let firstLine = "";
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  if (waitLine) {
    while (!firstLine.includes("\n")) {
      const r = await reader.read();
      if (r.done) throw new Error(`${argv.join(" ")} ended before printing a line`);
      firstLine += r.value;
    }
  } else {
    await new Promise((r) => setTimeout(r, 500)); // iperf3 -s prints nothing useful; let it bind
  }
  // Keep draining stdout so the process never blocks on a full pipe.
  (async () => {
    while (!(await reader.read()).done);
  })().catch(() => {});
  return {
    firstLine: firstLine.trim(),
    stop: async () => {
      try {
        child.kill("SIGTERM");
      } catch { /* already gone */ }
      await child.status;
    },
  };
}

/** Starts `kiriwake speedtest-server` on `host`, port 0; its URL is `firstLine`. */
export function startSpeedServer(prefix: string[], host: string): Promise<Background> {
  return start([
    ...prefix,
    Deno.execPath(),
    "run",
    "-A",
    "--unstable-net",
    MAIN,
    "speedtest-server",
    "--host",
    host,
    "--port",
    "0",
  ], true);
}

/** Starts `iperf3 -s` on `port`. */
export function startIperfServer(prefix: string[], port: number): Promise<Background> {
  return start([...prefix, "iperf3", "-s", "-p", String(port)], false);
}

/** Options of {@link runProbe}. */
export interface ProbeRun {
  prefix: string[];
  url: string;
  /** A fixed stream count (no ramp), or the default ramp. */
  streams?: number;
  configDir: string;
}

/** Runs `kiriwake speedtest --json` under GNU time. */
export async function runProbe(
  o: ProbeRun,
): Promise<{ figures: ProbeFigures; usage: Usage | null }> {
  const time = await hasGnuTime() ? ["/usr/bin/time", "-f", TIME_FORMAT] : [];
  const argv = [
    ...o.prefix,
    ...time,
    Deno.execPath(),
    "run",
    "-A",
    MAIN,
    "speedtest",
    "--server",
    o.url,
    "--json",
    "--quiet",
    "--accept-terms",
    BRAND.terms.version,
    "--consent",
    "all",
    "--max-bytes",
    "1000G",
    ...(o.streams ? ["--streams", String(o.streams)] : []),
  ];
  const r = await run(argv, { KIRIWAKE_CONFIG_DIR: o.configDir });
  if (!r.stdout.trim()) {
    throw new Error(`kiriwake speedtest printed nothing (exit ${r.code}): ${r.stderr.slice(-400)}`);
  }
  return { figures: parseSpeedtest(r.stdout), usage: parseTime(r.stderr) };
}

/** Runs an iperf3 client; returns receiver-side bit/s. Retries once if the server was not up yet. */
export async function runIperf(
  prefix: string[],
  host: string,
  port: number,
  o: { streams: number; reverse: boolean; seconds: number },
): Promise<number> {
  const argv = [
    ...prefix,
    "iperf3",
    "-c",
    host,
    "-p",
    String(port),
    "-P",
    String(o.streams),
    "-t",
    String(o.seconds),
    // Leave out the first second (slow start), as the probe reports its steady state.
    "-O",
    "1",
    "-J",
    ...(o.reverse ? ["-R"] : []),
  ];
  for (let attempt = 0;; attempt++) {
    const r = await run(argv);
    try {
      return iperfBps(r.stdout);
    } catch (e) {
      if (attempt >= 1) throw e;
      await new Promise((res) => setTimeout(res, 1000));
    }
  }
}

let gnuTime: boolean | undefined;
async function hasGnuTime(): Promise<boolean> {
  if (gnuTime === undefined) {
    gnuTime = await Deno.stat("/usr/bin/time").then(() => true, () => false);
  }
  return gnuTime;
}

/** The 1-minute load average (Linux), as a hint of how busy the machine was. */
export async function loadAverage(): Promise<number | null> {
  try {
    return Number((await Deno.readTextFile("/proc/loadavg")).split(" ")[0]);
  } catch {
    return null;
  }
}
