/**
 * Example module plugin: the provider's customer portal, with a custom health check.
 *
 * It asks `config.url` (a health endpoint answering JSON such as
 * `{"status":"up","components":{"login":"up","billing":"degraded"}}`), times the answer,
 * and judges: `fail` when the portal cannot be reached or says it is down, `warn` when a
 * component is degraded or the answer is slower than `config.slowMs`, else `ok`.
 *
 * Its manifest entry declares the portal's host:port in `permissions.net`; anything else
 * (files, other hosts, environment, processes) is denied.
 */
import type { PluginContext, PluginResult } from "../api.ts";

interface Health {
  status?: string;
  components?: Record<string, string>;
}

export default async function run(ctx: PluginContext): Promise<PluginResult> {
  const url = String(ctx.config.url);
  const slowMs = Number(ctx.config.slowMs ?? 1000);
  ctx.progress({ fraction: 0, note: url });
  const r = await ctx.fetch(url, { headers: { accept: "application/json" }, timeoutMs: 5000 });
  if (!r.ok) {
    return {
      status: "fail",
      summary: { ja: "ポータルに接続できません", en: "The portal cannot be reached" },
      data: { url, error: r.error, ms: r.ms },
      evidence: [{ label: url, text: `no answer: ${r.error}` }],
    };
  }
  let health: Health = {};
  try {
    health = JSON.parse(r.body);
  } catch {
    // A portal that answers HTML instead of its health JSON is itself a finding.
  }
  const components = health.components ?? {};
  const down = Object.entries(components).filter(([, s]) => s === "down").map(([n]) => n);
  const degraded = Object.entries(components).filter(([, s]) => s === "degraded").map(([n]) => n);
  const data = { url, status: r.status, ms: r.ms, health: health.status ?? null, down, degraded };
  const evidence = [{
    label: `GET ${url} → ${r.status} in ${r.ms} ms`,
    text: r.body.slice(0, 2000),
  }];
  if (r.status !== 200 || health.status !== "up" || down.length > 0) {
    return {
      status: "fail",
      summary: {
        ja: `ポータルが正常に動いていません (${r.status}${
          down.length ? `、停止: ${down.join(", ")}` : ""
        })`,
        en: `The portal is not healthy (${r.status}${
          down.length ? `, down: ${down.join(", ")}` : ""
        })`,
      },
      data,
      evidence,
    };
  }
  if (degraded.length > 0 || r.ms > slowMs) {
    return {
      status: "warn",
      summary: {
        ja: degraded.length
          ? `ポータルの一部が不安定です: ${degraded.join(", ")}`
          : `ポータルの応答が遅くなっています (${r.ms} ms)`,
        en: degraded.length
          ? `Parts of the portal are degraded: ${degraded.join(", ")}`
          : `The portal answers slowly (${r.ms} ms)`,
      },
      data,
      evidence,
    };
  }
  return {
    status: "ok",
    summary: { ja: `ポータルは正常です (${r.ms} ms)`, en: `The portal is healthy (${r.ms} ms)` },
    data,
    evidence,
  };
}
