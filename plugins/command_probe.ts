/**
 * A command plugin as a {@link Probe}: the verified bytes are written to a private temporary
 * directory and that copy is run, with a clean environment plus the declared variables, the
 * JSON context on stdin, a cap on output, and a kill on timeout or abort. One JSON result is
 * read from stdout.
 *
 * The plugin runs in a process group of its own (`plugins/process_group.ts`): whatever it
 * starts is killed with it — on timeout, on abort, when its own process exits, and when the
 * kit exits — so nothing it started outlives the run, holds its output open, or keeps its
 * temporary copy alive; the output cap counts what the whole group writes.
 *
 * A command is native code: unlike a module plugin it is not sandboxed beyond its
 * environment, so its trust rests on the manifest's signature.
 *
 * @module
 */
import { basename, join } from "node:path";
import { z } from "zod";
import type { Evidence, Probe } from "../probes/types.ts";
import type { CommandPluginInput } from "./api.ts";
import { readCapped } from "../util/bounded_read.ts";
import { JsonShapeError, MAX_RESULT_DEPTH, parseJson } from "../util/json_text.ts";
import type { LoadedPlugin } from "./manifest_load.ts";
import { PIPE_GRACE_MS, processGroup, removeAtExit } from "./process_group.ts";
import { dependencyView, parsePluginResult, PluginError } from "./result.ts";

/** Makes the probe of a loaded command plugin. */
export function commandProbe(plugin: LoadedPlugin): Probe {
  const { entry } = plugin;
  const id = entry.id;
  const spec = entry.command!;
  return {
    id,
    title: entry.title,
    description: entry.description ?? entry.title,
    segment: entry.segment,
    dataCategories: entry.dataCategories,
    dependsOn: entry.dependsOn,
    timeoutMs: entry.timeoutMs,
    platforms: entry.platforms,
    schema: z.record(z.string(), z.unknown()),
    async run(ctx) {
      const input: CommandPluginInput = {
        schema: "kiriwake.plugin-input/v1",
        id,
        lang: ctx.lang,
        config: entry.config,
        deps: dependencyView(ctx.deps),
        timeoutMs: ctx.config.timeouts[id] ?? entry.timeoutMs,
      };
      const dir = await Deno.makeTempDir({ prefix: "kiriwake-plugin-" });
      const forget = removeAtExit(dir);
      try {
        const file = join(dir, basename(plugin.file));
        await Deno.writeFile(file, plugin.bytes, { mode: 0o700 });
        const interp = spec.interpreter ?? [];
        const cmd = interp[0] ?? file;
        const args = [...interp.slice(1), ...(interp.length ? [file] : []), ...spec.args];
        return await runCommand(id, cmd, args, dir, input, spec, ctx.signal);
      } finally {
        await Deno.remove(dir, { recursive: true }).catch(() => {});
        forget();
      }
    },
  };
}

async function runCommand(
  id: string,
  cmd: string,
  args: string[],
  cwd: string,
  input: CommandPluginInput,
  spec: NonNullable<LoadedPlugin["entry"]["command"]>,
  signal: AbortSignal,
) {
  const env: Record<string, string> = {};
  for (const name of spec.env) {
    const v = Deno.env.get(name);
    if (v !== undefined) env[name] = v;
  }
  // Windows programs misbehave without SystemRoot; it names no user data.
  if (Deno.build.os === "windows") env.SystemRoot ??= Deno.env.get("SystemRoot") ?? "C:\\Windows";
  const group = processGroup();
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(cmd, {
      args,
      cwd,
      env: { ...env, ...group.spawn.env },
      clearEnv: true,
      detached: group.spawn.detached,
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch (e) {
    throw new PluginError(
      "PluginCrashed",
      `Plugin "${id}": cannot start ${cmd}: ${(e as Error).message}`,
    );
  }
  group.adopt(child.pid);
  let killed = false;
  const kill = () => {
    if (killed) return;
    killed = true;
    group.kill();
  };
  signal.addEventListener("abort", kill, { once: true });
  if (signal.aborted) kill();
  let overflow: string | null = null;
  const stopReading = new AbortController();
  try {
    const w = child.stdin.getWriter();
    w.write(new TextEncoder().encode(JSON.stringify(input))).then(() => w.close()).catch(() => {});
    const max = spec.maxOutputBytes;
    // The pipes are shared by every process of the group: the caps count them all.
    const reading = Promise.all([
      readCapped(child.stdout, max, max, () => (overflow ??= "stdout", kill()), stopReading.signal),
      readCapped(
        child.stderr,
        Math.min(max, 8000),
        max,
        () => (overflow ??= "stderr", kill()),
        stopReading.signal,
      ),
    ]);
    const status = await child.status;
    // The plugin's own process is done: whatever it left running goes with it.
    group.kill();
    const grace = setTimeout(() => stopReading.abort(), PIPE_GRACE_MS);
    const [out, err] = await reading.finally(() => clearTimeout(grace));
    const stderr = new TextDecoder().decode(err.head).trim();
    const evidence: Evidence[] = stderr ? [{ label: "plugin stderr", text: stderr }] : [];
    if (overflow) {
      throw new PluginError(
        "PluginOutputTooLarge",
        `Plugin "${id}" wrote more than ${max} bytes to ${overflow}; it was stopped`,
      );
    }
    if (killed) {
      throw signal.reason ?? new PluginError("PluginKilled", `Plugin "${id}" was stopped`);
    }
    if (!status.success) {
      throw new PluginError(
        "PluginCrashed",
        `Plugin "${id}" exited with ${
          status.signal ? `signal ${status.signal}` : `code ${status.code}`
        }${stderr ? `: ${stderr.slice(-1000)}` : ""}`,
      );
    }
    const text = new TextDecoder().decode(out.head).trim();
    let value: unknown;
    try {
      value = parseJson(text, MAX_RESULT_DEPTH);
    } catch (e) {
      if (e instanceof JsonShapeError) {
        throw new PluginError(
          "PluginInvalidResult",
          `Plugin "${id}" printed a result that breaks a limit: ${e.message}`,
        );
      }
      throw new PluginError(
        "PluginInvalidResult",
        `Plugin "${id}" did not print one JSON result on stdout (${
          (e as Error).message
        }); it printed: ${JSON.stringify(text.slice(0, 200))}`,
      );
    }
    const outcome = parsePluginResult(id, value);
    return { ...outcome, evidence: [...(outcome.evidence ?? []), ...evidence] };
  } finally {
    signal.removeEventListener("abort", kill);
    stopReading.abort();
    await group.end();
    await child.status.catch(() => {});
    group.release();
  }
}
