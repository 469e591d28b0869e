/**
 * `system.info`: the device itself — OS, version, architecture, locale, CPU, memory,
 * uptime. The hostname is declared an identifier so redaction can mask it.
 *
 * @module
 */
import { cpus } from "node:os";
import { z } from "zod";
import { defineProbe } from "../types.ts";

const schema = z.object({
  os: z.string(),
  osRelease: z.string(),
  arch: z.string(),
  locale: z.string(),
  hostname: z.string().nullable(),
  cpu: z.object({ model: z.string().nullable(), cores: z.number().int() }),
  memory: z.object({ totalMiB: z.number(), availableMiB: z.number() }).nullable(),
  uptimeS: z.number().nullable(),
  loadAvg: z.array(z.number()).nullable(),
});

/** Low available memory, below which the device itself may be the bottleneck. */
const LOW_MEMORY_MIB = 256;

/** The `system.info` probe. Requires `--allow-sys`. */
export const systemInfoProbe = defineProbe({
  id: "system.info",
  title: { ja: "端末の情報", en: "Device information" },
  description: {
    ja: "OS、バージョン、CPU、メモリ、稼働時間を調べます",
    en: "OS, version, CPU, memory and uptime of this device",
  },
  segment: "device",
  dataCategories: ["device"],
  dependsOn: [],
  timeoutMs: 5000,
  platforms: ["windows", "darwin", "linux"],
  schema,
  run(ctx) {
    const hostname = attempt(() => Deno.hostname());
    if (hostname) ctx.identifier({ kind: "hostname", value: hostname });
    const mem = attempt(() => Deno.systemMemoryInfo());
    const cpuList = attempt(() => cpus()) ?? [];
    const data = {
      os: Deno.build.os,
      osRelease: attempt(() => Deno.osRelease()) ?? "unknown",
      arch: Deno.build.arch,
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
      hostname,
      cpu: { model: cpuList[0]?.model?.trim() || null, cores: navigator.hardwareConcurrency },
      memory: mem
        ? {
          totalMiB: Math.round(mem.total / 1048576),
          availableMiB: Math.round(mem.available / 1048576),
        }
        : null,
      uptimeS: attempt(() => Deno.osUptime()),
      loadAvg: Deno.build.os === "windows" ? null : attempt(() => Deno.loadavg()),
    };
    const low = data.memory !== null && data.memory.availableMiB < LOW_MEMORY_MIB;
    return Promise.resolve({
      status: low ? "warn" : "ok",
      summary: low
        ? {
          ja: `空きメモリが少なくなっています (${data.memory!.availableMiB} MiB)`,
          en: `Available memory is low (${data.memory!.availableMiB} MiB)`,
        }
        : {
          ja: `${data.os} ${data.osRelease} (${data.arch})`,
          en: `${data.os} ${data.osRelease} (${data.arch})`,
        },
      data,
    });
  },
});

function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
