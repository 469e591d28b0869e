/**
 * The speed test as a provider and a customer run it: `kiriwake speedtest-server` in one
 * process, `kiriwake speedtest` in another, over loopback (a path faster than 10 Gbit/s
 * here), with the probe's time limits holding.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { BRAND } from "../../brand/brand.ts";
import { kitCommand, runKit } from "../support/kit.ts";

Deno.test("speedtest against speedtest-server in another process stays within its time limits", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kiriwake-e2e-speed-" });
  const server = kitCommand(["speedtest-server", "--port", "0"]).spawn();
  try {
    const reader = server.stdout.pipeThrough(new TextDecoderStream()).getReader();
    let url = "";
    while (!url.includes("\n")) {
      const r = await reader.read();
      if (r.done) throw new Error("speedtest-server ended before printing its URL");
      url += r.value;
    }
    reader.releaseLock();
    server.stdout.cancel().catch(() => {});
    url = url.trim();
    const config = join(dir, "config.json");
    const directionMs = 2000;
    await Deno.writeTextFile(
      config,
      JSON.stringify({ throughput: { durations: { directionMs, idleMs: 500 } } }),
    );
    const t0 = performance.now();
    const r = await runKit(
      [
        "speedtest",
        "--server",
        url,
        "--config",
        config,
        "--accept-terms",
        BRAND.terms.version,
        "--consent",
        "all",
        "--json",
        "--max-bytes",
        "1000G",
      ],
      { env: { KIRIWAKE_CONFIG_DIR: join(dir, "cfg") } },
    );
    const wall = performance.now() - t0;
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.outcome, "ok", j.error);
    assert.ok(j.download.mbps > 100 && j.upload.mbps > 100, `${j.download.mbps}/${j.upload.mbps}`);
    for (const d of [j.download, j.upload]) assert.ok(["stable", "time"].includes(d.stopReason));
    // Startup of the process, idle sampling, two directions and closing.
    assert.ok(wall < 500 + 2 * directionMs + 6000, `took ${Math.round(wall)} ms`);
  } finally {
    server.kill("SIGTERM");
    const status = await server.status;
    await Deno.remove(dir, { recursive: true });
    assert.equal(status.code, 0, "speedtest-server exits cleanly on SIGTERM");
  }
});

Deno.test({
  name: "speedtest-server started without --unstable-net serves from one thread and says why",
  ignore: Deno.build.os !== "linux" || navigator.hardwareConcurrency < 2,
  async fn() {
    const main = new URL("../../main.ts", import.meta.url).pathname;
    const server = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", main, "speedtest-server", "--port", "0", "--lang", "en"],
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    let err = "";
    try {
      const reader = server.stderr.pipeThrough(new TextDecoderStream()).getReader();
      while (!err.includes("Serving from one thread")) {
        const r = await reader.read();
        if (r.done) throw new Error(`speedtest-server ended early: ${err}`);
        err += r.value;
      }
      reader.releaseLock();
      server.stderr.cancel().catch(() => {});
    } finally {
      server.kill("SIGTERM");
      await server.stdout.cancel();
      await server.status;
    }
    assert.match(err, /\(endpoints under speed\/v1\/, 1 thread\)/);
    assert.match(err, /Serving from one thread: started without --unstable-net/);
  },
});
