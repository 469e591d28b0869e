/**
 * A module plugin as a {@link Probe}: each run starts a plugin host process, which runs the
 * verified code in a Worker with the declared permissions; the probe relays progress,
 * checkpoints and identifiers, checks the result, and kills the host on timeout or abort.
 *
 * @module
 */
import { z } from "zod";
import type { Evidence, Probe } from "../probes/types.ts";
import { MAX_FRAME_BYTES } from "./host.ts";
import { type HostInvocation, runInHost } from "./host_spawn.ts";
import type { LoadedPlugin } from "./manifest_load.ts";
import {
  dependencyView,
  parsePluginResult,
  PluginError,
  sandboxError,
  softTimeout,
} from "./result.ts";

/** Options of {@link moduleProbe}. */
export interface ModuleProbeOptions {
  /** How to start the plugin host; default {@link hostInvocation}. */
  invocation?: HostInvocation;
}

/** Makes the probe of a loaded module plugin. */
export function moduleProbe(plugin: LoadedPlugin, opts: ModuleProbeOptions = {}): Probe {
  const { entry } = plugin;
  const id = entry.id;
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
      const timeoutMs = ctx.config.timeouts[id] ?? entry.timeoutMs;
      const out = await runInHost({
        schema: "kiriwake.plugin-host-job/v1",
        nonce: crypto.randomUUID().replaceAll("-", ""),
        id,
        source: plugin.workerSource!,
        permissions: plugin.permissions!,
        start: {
          t: "start",
          id,
          lang: ctx.lang,
          config: entry.config,
          deps: dependencyView(ctx.deps),
          softTimeoutMs: softTimeout(timeoutMs),
          maxResultBytes: MAX_FRAME_BYTES,
        },
      }, {
        signal: ctx.signal,
        invocation: opts.invocation,
        onFrame(f) {
          if (f.t === "progress") {
            ctx.progress({
              ...(typeof f.fraction === "number" ? { fraction: clamp(f.fraction) } : {}),
              ...(typeof f.note === "string" ? { note: f.note.slice(0, 200) } : {}),
            });
          } else if (f.t === "checkpoint" && isRecord(f.data)) {
            ctx.checkpoint(f.data);
          } else if (
            f.t === "identifier" && typeof f.kind === "string" && typeof f.value === "string"
          ) {
            ctx.identifier({ kind: f.kind.slice(0, 50), value: f.value.slice(0, 1000) });
          }
        },
      });
      const extra: Evidence[] = [];
      if (out.logs.length) extra.push({ label: "plugin console", text: out.logs.join("\n") });
      if ("stray" in out && out.stray) extra.push({ label: "plugin stdout", text: out.stray });
      switch (out.kind) {
        case "result": {
          const outcome = parsePluginResult(id, out.result);
          return { ...outcome, evidence: [...(outcome.evidence ?? []), ...extra] };
        }
        case "error":
          throw sandboxError(id, out.name, out.message);
        case "overflow":
          throw new PluginError(
            "PluginOutputTooLarge",
            `Plugin "${id}" wrote ${out.what} to ${out.stream}; it was stopped`,
          );
        case "crash":
          throw new PluginError(
            "PluginCrashed",
            `Plugin "${id}": its host exited (${
              out.signal ? `signal ${out.signal}` : `code ${out.code}`
            }) without a result${out.stderr ? `: ${out.stderr.trim().slice(0, 1000)}` : ""}`,
          );
        case "killed":
          throw ctx.signal.reason ?? new PluginError("PluginKilled", `Plugin "${id}" was stopped`);
      }
    },
  };
}

function clamp(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
