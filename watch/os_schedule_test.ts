import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { schedulePlan, type ScheduleSpec } from "./os_schedule.ts";
import { quote } from "./schedule_systemd.ts";
import { winQuote } from "./schedule_windows.ts";

const GOLDEN = fileURLToPath(new URL("../tests/fixtures/watch/schedule/", import.meta.url));
const UPDATE = Deno.env.get("UPDATE_GOLDEN") === "1";

function spec(os: string, over: Partial<ScheduleSpec> = {}): ScheduleSpec {
  const win = os === "windows";
  return {
    name: "kiriwake",
    product: "kiriwake",
    argv: win
      ? ["C:\\Program Files\\kiriwake\\kiriwake.exe", "watch", "tick"]
      : ["/opt/kiriwake/bin/kiriwake", "watch", "tick"],
    everyMs: 600_000,
    randomDelayMs: 120_000,
    env: win ? {} : { KIRIWAKE_DATA_DIR: "/home/a/data dir", LANG: "ja_JP.UTF-8" },
    home: win ? "C:\\Users\\a\\AppData\\Local\\kiriwake" : os === "darwin" ? "/Users/a" : "/home/a",
    logDir: os === "darwin" ? "/Users/a/Library/Logs/kiriwake" : "/home/a/.local/state/kiriwake",
    startAt: Date.UTC(2026, 11, 3, 12, 7, 0),
    endAt: Date.UTC(2026, 11, 10, 12, 7, 0),
    uid: 501,
    ...over,
  };
}

async function golden(name: string, content: string | Uint8Array) {
  const file = join(GOLDEN, name);
  if (UPDATE) {
    await Deno.writeFile(
      file,
      typeof content === "string" ? new TextEncoder().encode(content) : content,
    );
  }
  const want = await Deno.readFile(file);
  const got = typeof content === "string" ? new TextEncoder().encode(content) : content;
  assert.equal(
    new TextDecoder().decode(got),
    new TextDecoder().decode(want),
    `${name} differs from its golden file`,
  );
  assert.deepEqual(got, want, `${name}: bytes differ`);
}

Deno.test("schedulePlan() linux: a systemd user timer and service, as the golden files", async () => {
  const p = schedulePlan("linux", spec("linux"));
  assert.deepEqual(p.files.map((f) => f.path), [
    "/home/a/.config/systemd/user/kiriwake-watch.service",
    "/home/a/.config/systemd/user/kiriwake-watch.timer",
  ]);
  await golden("kiriwake-watch.service", p.files[0].content);
  await golden("kiriwake-watch.timer", p.files[1].content);
  assert.deepEqual(p.install.at(-1), [
    "systemctl",
    "--user",
    "enable",
    "--now",
    "kiriwake-watch.timer",
  ]);
  assert.deepEqual(p.uninstall[0], [
    "systemctl",
    "--user",
    "disable",
    "--now",
    "kiriwake-watch.timer",
  ]);
});

Deno.test("schedulePlan() darwin: a launchd agent, as the golden file", async () => {
  const p = schedulePlan("darwin", spec("darwin"));
  assert.equal(p.files[0].path, "/Users/a/Library/LaunchAgents/net.kiriwake.watch.plist");
  await golden("net.kiriwake.watch.plist", p.files[0].content);
  assert.deepEqual(p.install, [["launchctl", "bootstrap", "gui/501", p.files[0].path]]);
  assert.deepEqual(p.uninstall, [["launchctl", "bootout", "gui/501/net.kiriwake.watch"]]);
});

Deno.test("schedulePlan() windows: Task Scheduler XML in UTF-16 with a BOM, as the golden file", async () => {
  const p = schedulePlan("windows", spec("windows"));
  const bytes = p.files[0].content as Uint8Array;
  assert.deepEqual([...bytes.slice(0, 2)], [0xff, 0xfe]);
  const text = new TextDecoder("utf-16le").decode(bytes.slice(2));
  assert.match(text, /<Interval>PT10M<\/Interval>/);
  assert.match(text, /<RandomDelay>PT2M<\/RandomDelay>/);
  assert.match(text, /<Command>C:\\Program Files\\kiriwake\\kiriwake.exe<\/Command>/);
  assert.match(text, /<EndBoundary>2026-12-10T12:07:00Z<\/EndBoundary>/);
  await golden("kiriwake-watch.xml", bytes);
  assert.deepEqual(p.install[0].slice(0, 3), ["schtasks", "/Create", "/XML"]);
});

Deno.test("schedule quoting: systemd and Windows command lines keep every argument whole", () => {
  assert.equal(quote("/usr/bin/kiriwake"), "/usr/bin/kiriwake");
  assert.equal(quote("/home/a b/k"), '"/home/a b/k"');
  assert.equal(quote('say "100%" $HOME'), '"say \\"100%%\\" $$HOME"');
  assert.equal(winQuote("tick"), "tick");
  assert.equal(winQuote("C:\\a b\\"), '"C:\\a b\\\\"');
  assert.equal(winQuote('say "hi"'), '"say \\"hi\\""');
  assert.throws(
    () => schedulePlan("freebsd", spec("linux")),
    /No per-user scheduler is known for "freebsd"/,
  );
});

const analyze = await (async () => {
  try {
    const r = await new Deno.Command("systemd-analyze", {
      args: ["--version"],
      stdout: "null",
      stderr: "null",
    }).output();
    return r.success ? null : "systemd-analyze does not run";
  } catch {
    return "systemd-analyze is not installed (Debian package systemd)";
  }
})();
const ci = Deno.env.get("CI") === "true";
if (analyze && !ci && Deno.build.os === "linux") {
  console.log(`Skipping systemd-analyze verify: ${analyze}`);
}

Deno.test({
  name: "schedulePlan() linux: systemd-analyze verify accepts the generated units",
  ignore: Deno.build.os !== "linux" || (analyze !== null && !ci),
  async fn() {
    if (analyze) throw new Error(`CI needs ${analyze}`);
    const dir = await Deno.makeTempDir({ prefix: "kw-units-" });
    try {
      // The real program, so verify can check that ExecStart is executable.
      const p = schedulePlan(
        "linux",
        spec("linux", { argv: [Deno.execPath(), "watch", "tick"], home: dir }),
      );
      for (const f of p.files) {
        await Deno.mkdir(join(f.path, ".."), { recursive: true });
        await Deno.writeTextFile(f.path, f.content as string);
      }
      const r = await new Deno.Command("systemd-analyze", {
        args: ["verify", "--man=no", ...p.files.map((f) => f.path)],
        stdout: "piped",
        stderr: "piped",
        env: { SYSTEMD_LOG_LEVEL: "warning" },
      }).output();
      const out = new TextDecoder().decode(r.stderr) + new TextDecoder().decode(r.stdout);
      assert.equal(r.code, 0, out);
      assert.doesNotMatch(out, /kiriwake-watch\.(service|timer)/, out);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
