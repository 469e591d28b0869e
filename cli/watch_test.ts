import assert from "node:assert/strict";
import { join } from "node:path";
import { BRAND } from "../brand/brand.ts";
import { main } from "../main.ts";
import { readVerifiedReport } from "../report/verify.ts";
import { memoryIo } from "../session/command.ts";
import { openHistory } from "../session/watch.ts";
import { startLoopbackTargets } from "../tests/support/loopback_targets.ts";
import { scheduleDeps } from "./watch_schedule.ts";

/** A private home, config and data folder, and loopback targets with a provider host. */
async function setup() {
  const home = await Deno.makeTempDir({ prefix: "kw-watch-cli-" });
  const targets = await startLoopbackTargets();
  const config = structuredClone(targets.config) as Record<string, Record<string, unknown>>;
  config.tcp.targets = [{
    name: "provider-host",
    host: "127.0.0.1",
    port: targets.tcpPort,
    segment: "isp",
  }];
  const file = join(home, "config.json");
  await Deno.writeTextFile(file, JSON.stringify(config));
  const env = {
    HOME: home,
    KIRIWAKE_CONFIG_DIR: join(home, "cfg"),
    KIRIWAKE_DATA_DIR: join(home, "data"),
  };
  const run = (args: string[]) => {
    const io = memoryIo("", { env });
    return main(args, io, { configDir: env.KIRIWAKE_CONFIG_DIR }).then((code) => ({ code, io }));
  };
  return {
    home,
    file,
    env,
    targets,
    run,
    consent: ["--accept-terms", BRAND.terms.version, "--consent", "all", "--lang", "en"],
    async close() {
      await targets.close();
      await Deno.remove(home, { recursive: true });
    },
  };
}

const OPTS = { sanitizeResources: false, sanitizeOps: false };

Deno.test({
  name:
    "watch: a DNS outage mid-watch becomes a DNS event, the line stays clear, the report verifies",
  ...OPTS,
  async fn() {
    const t = await setup();
    try {
      const out = join(t.home, "out");
      const stopDns = setTimeout(() => t.targets.stopDns(), 9000);
      const started = Date.now();
      const { code, io } = await t.run([
        "watch",
        "--every",
        "2s",
        "--for",
        "24s",
        "--config",
        t.file,
        "--out",
        out,
        "--json",
        ...t.consent,
      ]); // deno-fmt-ignore
      clearTimeout(stopDns);
      assert.equal(code, 1, io.stderr);
      const summary = JSON.parse(io.stdout);
      assert.equal(summary.end, "time");
      assert.ok(summary.samples >= 6, `${summary.samples} samples`);
      const dns = summary.events.filter((e: { kind: string }) => e.kind === "dns-failure");
      assert.equal(dns.length, 1, JSON.stringify(summary.events));
      assert.equal(dns[0].segment, "dns");
      assert.equal(dns[0].to, null, "still failing at the end");
      const from = Date.parse(dns[0].from) - started;
      assert.ok(from >= 8000 && from <= 9000 + 2000 * 1.2 + 6000, `DNS event from +${from} ms`);
      assert.ok(
        !summary.events.some((e: { kind: string }) => e.kind === "outage" || e.kind === "loss"),
      );
      const report = await readVerifiedReport(join(out, "report.json"));
      assert.equal(report.diagnosis.headline.segment, "dns");
      assert.equal(report.watch!.session.endReason, "time");
      assert.ok(report.probes.some((p) => p.id === "dns.resolve"), "the last sample's results");
      const mode = (await Deno.stat(join(t.env.KIRIWAKE_DATA_DIR, "watch", "history.sqlite")))
        .mode! & 0o777;
      assert.equal(mode, 0o600);
      const st = await t.run(["watch", "status", "--json", "--lang", "en"]);
      const status = JSON.parse(st.io.stdout);
      assert.equal(status.state, "ended");
      assert.equal(status.samples, summary.samples);
      assert.equal(status.report, join(out, "report.json"));
    } finally {
      await t.close();
    }
  },
});

Deno.test({
  name: "watch stop: ends a running watch from another command, with its final report",
  ...OPTS,
  async fn() {
    const t = await setup();
    try {
      const running = t.run([
        "watch",
        "--every",
        "2s",
        "--config",
        t.file,
        "--quiet",
        ...t.consent,
      ]);
      // Wait for two samples, then stop it as `kiriwake watch stop` would.
      for (let i = 0; i < 60; i++) {
        await new Promise((r) => setTimeout(r, 500));
        const st = JSON.parse((await t.run(["watch", "status", "--json"])).io.stdout);
        if (st.samples >= 2) break;
      }
      const paused = await t.run(["watch", "pause", "10m", "--lang", "en"]);
      assert.equal(paused.code, 0);
      assert.match(paused.io.stderr, /The watch is paused until/);
      // The watch sees the pause within seconds: it then promises its next sample for its end.
      for (let i = 0; i < 40; i++) {
        const st = JSON.parse((await t.run(["watch", "status", "--json"])).io.stdout);
        assert.equal(st.state, "paused");
        if (st.nextAt === st.pausedUntil) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const stop = await t.run(["watch", "stop", "--lang", "en"]);
      assert.equal(stop.code, 0);
      const { code, io } = await running;
      assert.ok(code === 0 || code === 1, io.stderr);
      const st = JSON.parse((await t.run(["watch", "status", "--json"])).io.stdout);
      assert.equal(st.state, "ended");
      assert.equal(st.endReason, "stopped");
      const report = await readVerifiedReport(st.report);
      assert.ok(
        report.watch!.events.some((e) => e.kind === "gap" && e.evidence.reason === "paused"),
      );
      const again = await t.run(["watch", "stop", "--lang", "en"]);
      assert.equal(again.code, 2);
      assert.match(again.io.stderr, /No watch is running/);
    } finally {
      await t.close();
    }
  },
});

Deno.test({
  name: "watch: a watch whose process died is resumed, keeping its series, the time away a gap",
  ...OPTS,
  async fn() {
    const t = await setup();
    try {
      // A first watch that is killed: its session stays unfinished and its promise lapses.
      const first = await t.run([
        "watch",
        "--every",
        "2s",
        "--for",
        "5s",
        "--config",
        t.file,
        "--quiet",
        ...t.consent,
      ]);
      assert.ok(first.code === 0 || first.code === 1, first.io.stderr);
      const rewritten = await t.run(["watch", "report", "--lang", "en"]);
      assert.equal(rewritten.code, 0, rewritten.io.stderr);
      assert.match(rewritten.io.stderr, /^Report: .*report\.json/);
      const store = openHistory(t.env.KIRIWAKE_DATA_DIR);
      const s = store.latestSession()!;
      const before = store.sampleCount(s.id).count;
      const now = Date.now();
      // What a killed watch leaves: no end, a promise long past, time still to go.
      store.updateSession(s.id, {
        endedAt: null,
        endReason: null,
        untilAt: now + 7000,
        nextAt: now - 600_000,
      });
      store.close();
      const { code, io } = await t.run(["watch", "--config", t.file, ...t.consent]);
      assert.ok(code === 0 || code === 1, io.stderr);
      assert.match(io.stderr, /Resuming the unfinished watch/);
      const after = openHistory(t.env.KIRIWAKE_DATA_DIR);
      try {
        assert.equal(after.latestSession()!.id, s.id, "the same session went on");
        assert.ok(after.sampleCount(s.id).count > before);
        assert.deepEqual(after.gaps(s.id).map((g) => g.reason), ["restart"]);
      } finally {
        after.close();
      }
    } finally {
      await t.close();
    }
  },
});

Deno.test({
  name: "watch install | tick | uninstall: a systemd user timer drives samples; nothing stays up",
  ...OPTS,
  async fn() {
    const t = await setup();
    const calls: string[][] = [];
    const saved = { ...scheduleDeps };
    scheduleDeps.run = (argv) => {
      calls.push(argv);
      return Promise.resolve({ code: 0, stderr: "" });
    };
    scheduleDeps.os = "linux";
    try {
      const inst = await t.run([
        "watch",
        "install",
        "--every",
        "10m",
        "--config",
        t.file,
        ...t.consent,
      ]);
      assert.equal(inst.code, 0, inst.io.stderr);
      const unit = join(t.home, ".config", "systemd", "user", "kiriwake-watch.service");
      const service = await Deno.readTextFile(unit);
      assert.match(service, /ExecStart=.* watch tick/);
      assert.match(
        service,
        new RegExp(`Environment=KIRIWAKE_CONFIG_DIR=${t.env.KIRIWAKE_CONFIG_DIR}`),
      );
      assert.deepEqual(calls.at(-1), [
        "systemctl",
        "--user",
        "enable",
        "--now",
        "kiriwake-watch.timer",
      ]);
      const busy = await t.run([
        "watch",
        "--every",
        "2s",
        "--for",
        "4s",
        "--config",
        t.file,
        ...t.consent,
      ]);
      assert.equal(busy.code, 3, "a second watch is refused while one is scheduled");
      assert.match(busy.io.stderr, /A scheduled watch is installed/);
      const tick = await t.run(["watch", "tick", "--lang", "en"]);
      assert.equal(tick.code, 0, tick.io.stderr);
      assert.match(tick.io.stderr, /^sampled: /);
      const st = JSON.parse((await t.run(["watch", "status", "--json"])).io.stdout);
      assert.equal(st.installed, true);
      assert.equal(st.samples, 1);
      const un = await t.run(["watch", "uninstall", "--lang", "en"]);
      assert.equal(un.code, 0, un.io.stderr);
      assert.deepEqual(calls.at(-2), [
        "systemctl",
        "--user",
        "disable",
        "--now",
        "kiriwake-watch.timer",
      ]);
      await assert.rejects(Deno.stat(unit));
      const report = await readVerifiedReport(
        JSON.parse((await t.run(["watch", "status", "--json"])).io.stdout).report,
      );
      assert.equal(report.watch!.session.endReason, "stopped");
      const late = await t.run(["watch", "tick"]);
      assert.equal(late.code, 0);
      assert.equal(late.io.stderr, "", "a tick left behind does nothing");
    } finally {
      Object.assign(scheduleDeps, saved);
      await t.close();
    }
  },
});

Deno.test({
  name: "watch: nothing is measured or stored without consent, and bad flags are named",
  ...OPTS,
  async fn() {
    const t = await setup();
    try {
      const { code, io } = await t.run([
        "watch",
        "--every",
        "2s",
        "--for",
        "4s",
        "--config",
        t.file,
        "--lang",
        "en",
      ]);
      assert.equal(code, 3, io.stderr);
      await assert.rejects(Deno.stat(t.env.KIRIWAKE_DATA_DIR));
      const both = await t.run(["watch", "--for", "1h", "--until", "23:00", "--lang", "en"]);
      assert.equal(both.code, 2);
      assert.match(both.io.stderr, /--for and --until cannot be used together/);
      const bad = await t.run(["watch", "--every", "often", "--lang", "en"]);
      assert.match(bad.io.stderr, /--every: not a duration: "often"/);
      const sub = await t.run(["watch", "sometimes", "--lang", "en"]);
      assert.match(sub.io.stderr, /unknown subcommand "sometimes"/);
      const none = await t.run(["watch", "status", "--lang", "en"]);
      assert.match(none.io.stdout, /No watch has run yet/);
    } finally {
      await t.close();
    }
  },
});
