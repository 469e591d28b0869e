import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BRAND } from "../brand/brand.ts";
import { main } from "../main.ts";
import { startSpeedServer } from "../speed/testing.ts";
import { memoryIo } from "../session/command.ts";
import { speedtestServerCommandWith } from "./speedtest_server.ts";
import { defaultThreads } from "../speed/server_pool.ts";

const VERSION = BRAND.terms.version;

async function kit(args: string[]) {
  const configDir = await Deno.makeTempDir({ prefix: "kiriwake-speedtest-" });
  const io = memoryIo();
  try {
    const code = await main(args, io, { configDir });
    return { code, stdout: io.stdout, stderr: io.stderr };
  } finally {
    await Deno.remove(configDir, { recursive: true });
  }
}

const consent = ["--accept-terms", VERSION, "--consent", "all"];

/**
 * Waits until the server printed its URL line. Its threads start as Workers, which `deno test`
 * type-checks on first use: on a clean checkout that alone takes a second or more.
 */
async function urlPrinted(io: { stdout: string }, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; !io.stdout.includes("\n");) {
    if (Date.now() > end) throw new Error(`speedtest-server printed no URL within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

Deno.test("speedtest --json gives download.mbps, upload.mbps, latencies, RPM and grades", async () => {
  const s = startSpeedServer();
  try {
    const r = await kit([
      "speedtest",
      "--server",
      s.url,
      ...consent,
      "--json",
      "--max-bytes",
      "30MB",
    ]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(typeof j.download.mbps, "number");
    assert.equal(typeof j.upload.mbps, "number");
    assert.equal(typeof j.latency.idleMs, "number");
    assert.ok("loadedLatencyMs" in j.download && "rpm" in j && "grades" in j);
    // 15 MB per direction takes milliseconds on loopback: a direction may end inside its first
    // interval, too short to grade, and then it has no added latency.
    const added = j.download.bufferbloat.addedMs ?? j.upload.bufferbloat.addedMs;
    if (added === null) assert.equal(j.grades.bufferbloat, null);
    else assert.ok(["A+", "A", "B", "C", "D", "F"].includes(j.grades.bufferbloat));
    assert.equal(j.budget.maxBytes, 30_000_000);
    assert.ok(j.budget.usedBytes <= 30_000_000);
    // The budget is stated before the run.
    assert.match(r.stderr, /The speed test uses at most 30 MB of data/);
  } finally {
    await s.close();
  }
});

Deno.test("speedtest prints a readable summary in Japanese", async () => {
  const s = startSpeedServer();
  try {
    const r = await kit([
      "speedtest",
      "--server",
      s.url,
      ...consent,
      "--max-bytes",
      "10MB",
      "--lang",
      "ja",
    ]);
    assert.match(r.stdout, /下り [\d,.]+ Mbps・上り [\d,.]+ Mbps/);
    assert.match(r.stdout, /使用データ量: [\d.,]+ MB/);
    assert.match(r.stderr, /最大 10 MB/);
  } finally {
    await s.close();
  }
});

Deno.test("speedtest refuses bad input before measuring (exit 2, 3, 4)", async () => {
  const none = await kit(["speedtest", ...consent]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /needs --server URL/);
  const bad = await kit(["speedtest", "--server", "ftp://x", ...consent]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--server must be an http\(s\) URL: "ftp:\/\/x"/);
  const size = await kit([
    "speedtest",
    "--server",
    "http://127.0.0.1:9/",
    ...consent,
    "--max-bytes",
    "lots",
  ]);
  assert.equal(size.code, 2);
  assert.match(size.stderr, /--max-bytes: not a byte size: "lots"/);
  const streams = await kit([
    "speedtest",
    "--server",
    "http://127.0.0.1:9/",
    ...consent,
    "--streams",
    "0",
  ]);
  assert.equal(streams.code, 2);
  const ca = await kit([
    "speedtest",
    "--server",
    "https://127.0.0.1:9/",
    ...consent,
    "--ca-cert",
    "/nonexistent.pem",
  ]);
  assert.equal(ca.code, 4);
  assert.match(ca.stderr, /Cannot read --ca-cert "\/nonexistent\.pem"/);
  // No terms accepted and no terminal to ask on: nothing is measured.
  const refused = await kit(["speedtest", "--server", "http://127.0.0.1:9/"]);
  assert.equal(refused.code, 3);
});

Deno.test("speedtest says what happened with a server that cannot be reached (exit 1)", async () => {
  const s = startSpeedServer();
  const url = s.url;
  await s.close();
  const r = await kit(["speedtest", "--server", url, ...consent, "--json"]);
  assert.equal(r.code, 1);
  const j = JSON.parse(r.stdout);
  assert.equal(j.status, "fail");
  assert.equal(j.outcome, "refused");
});

Deno.test("speedtest-server serves on the port it prints and stops cleanly", async () => {
  const stop = new AbortController();
  const io = memoryIo();
  const ctx = {
    lang: "en" as const,
    brand: BRAND,
    configDir: "/nonexistent",
    now: () => new Date(),
  };
  const running = speedtestServerCommandWith(stop.signal)(["--port", "0"], io, ctx);
  await urlPrinted(io);
  const url = io.stdout.trim();
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const info = await (await fetch(`${url}speed/v1/info`)).json();
  assert.equal(info.service, "kiriwake-speed");
  // One listener per core where the OS spreads connections (this suite runs as the kit does).
  const threads = defaultThreads();
  assert.match(io.stderr, new RegExp(`, ${threads} threads?\\); Ctrl-C stops`));
  stop.abort();
  assert.equal(await running, 0);
});

Deno.test("speedtest-server refuses bad flags (exit 2) and unreadable certificates (exit 4)", async () => {
  assert.equal((await kit(["speedtest-server", "--port", "70000"])).code, 2);
  const threads = await kit(["speedtest-server", "--threads", "0"]);
  assert.equal(threads.code, 2);
  assert.match(threads.stderr, /--threads must be 1 to 64: "0"/);
  const half = await kit(["speedtest-server", "--tls-cert", "a.pem"]);
  assert.equal(half.code, 2);
  assert.match(half.stderr, /--tls-cert and --tls-key go together/);
  const missing = await kit([
    "speedtest-server",
    "--tls-cert",
    "/nonexistent/a.pem",
    "--tls-key",
    "/nonexistent/b.pem",
  ]);
  assert.equal(missing.code, 4);
});

Deno.test("speedtest-server serves TLS from --tls-cert/--tls-key and speedtest trusts --ca-cert", async () => {
  const pki = fileURLToPath(new URL("../tests/fixtures/pki/", import.meta.url));
  const stop = new AbortController();
  const io = memoryIo();
  const ctx = {
    lang: "en" as const,
    brand: BRAND,
    configDir: "/nonexistent",
    now: () => new Date(),
  };
  const running = speedtestServerCommandWith(stop.signal)(
    ["--port", "0", "--tls-cert", join(pki, "server.pem"), "--tls-key", join(pki, "server.key")],
    io,
    ctx,
  );
  try {
    await urlPrinted(io);
    const url = io.stdout.trim().replace("127.0.0.1", "localhost");
    assert.match(url, /^https:\/\/localhost:\d+\/$/);
    const r = await kit([
      "speedtest",
      "--server",
      url,
      "--ca-cert",
      join(pki, "ca.pem"),
      ...consent,
      "--json",
      "--max-bytes",
      "10MB",
    ]);
    const j = JSON.parse(r.stdout);
    assert.equal(j.outcome, "ok", j.error);
    assert.ok(j.download.mbps > 0);
  } finally {
    stop.abort();
    await running;
  }
});
