/**
 * Class 3 (the module sandbox) and class 4 (command plugins and their process groups).
 *
 * 3: a plugin with no permissions can neither store data (Web Cache API) nor learn paths
 * (`Deno.cwd()`, `Deno.execPath()`, the runtime's internals).
 * 4: whatever a plugin starts dies with it — on timeout, on Ctrl-C or SIGTERM, when it exits
 * — its output cap counts the whole group, and its temporary copy is removed.
 *
 * @module
 */
import {
  commandPlugin,
  manifestOf,
  modulePlugin,
  okResult,
  onlyConfig,
  reportProblem,
  resultIn,
  runArgs,
  type TestPlugin,
} from "./fixtures.ts";
import { type Case, clean, expectExit, type Kit, missingTool, type Outcome } from "./harness.ts";

/** Runs one plugin alone; returns the kit run, the report's folder and the plugin's result. */
async function runPlugin(
  k: Kit,
  p: TestPlugin,
  opts: { signalAfterMs?: number; signal?: Deno.Signal } = {},
) {
  const m = await manifestOf(k, [p]);
  const config = await k.write("c.json", onlyConfig([p.id]));
  const out = k.path("out");
  const args = runArgs("--config", config, "--manifest", m, "--out", out);
  if (!opts.signalAfterMs) {
    const r = await k.run(args, { timeoutMs: 60_000 });
    return { r, out, result: await resultIn(out, p.id) };
  }
  // Start, wait, send the signal to the kit itself (not its group), wait for the end.
  const child = k.spawn(args);
  const t0 = performance.now();
  await new Promise((res) => setTimeout(res, opts.signalAfterMs));
  const kit = k.leftovers().find((pid) => pid !== child.pid && isKit(pid)) ?? child.pid;
  try {
    Deno.kill(kit, opts.signal ?? "SIGINT");
  } catch { /* gone */ }
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      Deno.kill(-child.pid, "SIGKILL");
    } catch { /* gone */ }
  }, 30_000);
  const o = await child.output();
  clearTimeout(timer);
  const dec = new TextDecoder();
  const r = {
    code: o.code,
    stdout: dec.decode(o.stdout),
    stderr: dec.decode(o.stderr),
    timedOut,
    ms: performance.now() - t0,
  };
  return { r, out, result: await resultIn(out, p.id) };
}

function isKit(pid: number): boolean {
  try {
    return Deno.readTextFileSync(`/proc/${pid}/cmdline`).includes("main.ts\0run\0");
  } catch {
    return false;
  }
}

/** A module plugin that tries `probe` and returns what it got in `data.got`. */
function prying(name: string, probe: string): TestPlugin {
  return modulePlugin(
    name,
    `let got: unknown;
    try { got = await (async () => { ${probe} })(); } catch (e) { got = "refused: " + (e as Error).name; }
    return { status: "ok", summary: { ja: "a", en: "a" }, data: { got: String(got) } };`,
  );
}

/** Clean when the report was written and the plugin learnt or stored nothing. */
async function sandboxed(
  k: Kit,
  p: TestPlugin,
  leaked: (got: string) => boolean,
): Promise<Outcome> {
  const { r, out, result } = await runPlugin(k, p);
  const bad = expectExit(r, [0, 1]);
  if (bad) return bad;
  const lost = await reportProblem(out);
  if (lost) return { verdict: "loss", detail: lost };
  const got = String((result?.data as { got?: unknown } | undefined)?.got ?? "");
  return leaked(got)
    ? { verdict: "leak", detail: `the plugin got ${got.slice(0, 120)}` }
    : clean(got);
}

/** The sandbox cases. */
export function sandboxCases(): Case[] {
  const CLS = "3 sandbox";
  const path = (got: string) => got.startsWith("/");
  return [
    {
      cls: CLS,
      name: "Web Cache API: a plugin stores a megabyte",
      run: (k) =>
        sandboxed(
          k,
          prying(
            "cache",
            `const c = await (globalThis as any).caches.open("x");
            await c.put("http://a/", new Response("y".repeat(1 << 20)));
            return "stored";`,
          ),
          (got) => got === "stored",
        ),
    },
    {
      cls: CLS,
      name: "Deno.cwd() without read permission",
      run: (k) => sandboxed(k, prying("cwd", "return Deno.cwd();"), path),
    },
    {
      cls: CLS,
      name: "Deno.execPath() without read permission",
      run: (k) => sandboxed(k, prying("exec", "return Deno.execPath();"), path),
    },
    {
      cls: CLS,
      name: "the runtime's internals: the executable's path",
      run: (k) =>
        sandboxed(
          k,
          prying(
            "internal",
            "return (Deno as any)[(Deno as any).internal].__nodeBootstrapArgs.argv0;",
          ),
          path,
        ),
    },
  ];
}

/** A command plugin whose script runs `body` after reading its input. */
const cmd = (name: string, body: string, timeoutMs = 30_000) =>
  commandPlugin(name, `cat >/dev/null\n${body}`, { entry: { timeoutMs } });

/** Clean when the run ended as expected, with a report, and nothing of the plugin is left. */
async function grouped(
  k: Kit,
  p: TestPlugin,
  codes: number[],
  opts: { signalAfterMs?: number; signal?: Deno.Signal; partial?: boolean; maxMs?: number } = {},
): Promise<Outcome> {
  const { r, out } = await runPlugin(k, p, opts);
  const bad = expectExit(r, codes);
  if (bad) return bad;
  if (opts.maxMs && r.ms > opts.maxMs) {
    return { verdict: "hang", detail: `took ${Math.round(r.ms)} ms (allowed ${opts.maxMs})` };
  }
  const lost = await reportProblem(out, opts.partial ?? false);
  return lost ? { verdict: "loss", detail: lost } : clean(`${Math.round(r.ms)} ms`);
}

/** The process-group cases (the harness then looks for anything left running or in TMPDIR). */
export function groupCases(): Case[] {
  const CLS = "4 groups";
  const forever = (k: Kit) => `sh -c 'while :; do sleep 1; done' ${k.marker}`;
  return [
    {
      cls: CLS,
      name: "a plugin leaves a background loop behind and exits",
      run: (k) =>
        grouped(k, cmd("bg", `${forever(k)} >/dev/null 2>&1 &\necho '${okResult()}'`), [0, 1]),
    },
    {
      cls: CLS,
      name: "a plugin's child holds stdout open after the plugin exits",
      run: (k) =>
        grouped(k, cmd("holder", `${forever(k)} &\necho '${okResult()}'`), [0, 1], {
          maxMs: 30_000,
        }),
    },
    {
      cls: CLS,
      name: "a plugin times out while its child holds stdout",
      run: (k) =>
        grouped(k, cmd("timeout", `${forever(k)} &\nsleep 1000`, 1500), [0, 1], { maxMs: 30_000 }),
    },
    {
      cls: CLS,
      name: "a plugin daemonises with setsid",
      run: (k) =>
        // The kit finds a daemon that left the group by its tag, through ps (procps).
        missingTool("ps") ? Promise.resolve(clean(`skipped: ${missingTool("ps")}`)) : grouped(
          k,
          cmd("daemon", `setsid ${forever(k)} >/dev/null 2>&1 < /dev/null &\necho '${okResult()}'`),
          [0, 1],
        ),
    },
    {
      cls: CLS,
      name: "a plugin's child writes 64 MB while the plugin prints its result",
      run: (k) =>
        grouped(
          k,
          cmd(
            "flood",
            `(head -c 67108864 /dev/zero | tr '\\0' x; ${forever(k)}) &\necho '${okResult()}'`,
          ),
          [0, 1],
          { maxMs: 30_000 },
        ),
    },
    {
      cls: CLS,
      name: "Ctrl-C (SIGINT) while a plugin and its child run",
      run: (k) =>
        grouped(k, cmd("sigint", `${forever(k)} &\nsleep 1000`), [130], {
          signalAfterMs: 4000,
          partial: true,
        }),
    },
    {
      cls: CLS,
      name: "SIGTERM while a plugin and its child run",
      run: (k) =>
        grouped(k, cmd("sigterm", `${forever(k)} &\nsleep 1000`), [130], {
          signalAfterMs: 4000,
          signal: "SIGTERM",
          partial: true,
        }),
    },
    {
      cls: CLS,
      name: "a module plugin allowed to run sh leaves a loop behind",
      run: (k) =>
        grouped(
          k,
          modulePlugin(
            "mod-bg",
            `new Deno.Command("sh", { args: ["-c", "${
              forever(k).replaceAll("'", "\\'")
            } &"] }).spawn();
            await new Promise((r) => setTimeout(r, 300));
            return { status: "ok", summary: { ja: "a", en: "a" }, data: {} };`,
            { spec: { permissions: { run: ["sh"] } } },
          ),
          [0, 1],
        ),
    },
  ];
}
