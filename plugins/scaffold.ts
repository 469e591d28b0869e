/**
 * `kiriwake plugins new NAME`: the files of a new module plugin — the plugin, its test, the
 * API types, and a manifest with the plugin's hash filled in — ready to edit, test and sign.
 *
 * @module
 */
import { sha256Hex } from "../util/crypto.ts";
import { API_TS } from "./api_text.ts";
import { MANIFEST_SCHEMA_ID } from "./manifest_schema.ts";

/** Valid plugin names: lowercase letters, digits and dashes. */
export const PLUGIN_NAME = /^[a-z0-9][a-z0-9-]{0,40}$/;

/**
 * The files of a new plugin called `name`, by relative path.
 *
 * @throws {TypeError} when `name` is not a valid plugin name
 */
export async function scaffoldPlugin(
  name: string,
  publisher = "my-isp",
): Promise<Record<string, string>> {
  if (!PLUGIN_NAME.test(name)) {
    throw new TypeError(`Invalid plugin name "${name}": use lowercase letters, digits and dashes`);
  }
  const base = name.replaceAll("-", "_");
  const plugin = pluginTemplate(name);
  const manifest = {
    schema: MANIFEST_SCHEMA_ID,
    publisher: { id: publisher, name: "My ISP" },
    probes: [{
      id: `${publisher}.${name}`,
      title: { ja: name, en: name },
      description: {
        ja: `${name}: サービスが応答するかを調べます`,
        en: `${name}: checks that the service answers`,
      },
      segment: "service",
      dataCategories: ["measurements"],
      timeoutMs: 10000,
      config: { url: "https://www.example.net/health" },
      module: {
        path: `${base}.ts`,
        sha256: await sha256Hex(plugin),
        permissions: { net: ["www.example.net:443"] },
      },
    }],
  };
  return {
    "api.ts": API_TS,
    [`${base}.ts`]: plugin,
    [`${base}_test.ts`]: testTemplate(name, base),
    "manifest.json": JSON.stringify(manifest, null, 2) + "\n",
  };
}

function pluginTemplate(name: string): string {
  return `/**
 * ${name}: checks that \`config.url\` answers with a 2xx status, and how fast.
 *
 * It runs in a sandbox with only the permissions of its manifest entry: list every host:port
 * it talks to in \`permissions.net\`. After any change, put the new SHA-256 of this file in
 * manifest.json (\`kiriwake plugins verify manifest.json\` shows it) and sign the manifest.
 */
import type { PluginContext, PluginResult } from "./api.ts";

export default async function run(ctx: PluginContext): Promise<PluginResult> {
  const url = String(ctx.config.url);
  const r = await ctx.fetch(url, { timeoutMs: 5000 });
  if (!r.ok) {
    return {
      status: "fail",
      summary: { ja: "サービスに接続できません", en: "The service cannot be reached" },
      data: { url, error: r.error ?? null },
    };
  }
  const healthy = r.status !== null && r.status >= 200 && r.status < 300;
  return {
    status: healthy ? "ok" : "fail",
    summary: healthy
      ? { ja: \`サービスは応答しています (\${r.ms} ms)\`, en: \`The service answers (\${r.ms} ms)\` }
      : { ja: \`サービスがエラーを返しました (\${r.status})\`, en: \`The service answered \${r.status}\` },
    data: { url, status: r.status, ms: r.ms },
  };
}
`;
}

function testTemplate(name: string, base: string): string {
  return `import assert from "node:assert/strict";
import type { PluginContext, TimedResponse } from "./api.ts";
import run from ".//${base}.ts";

/** A context whose fetch answers \`response\`. */
function fakeContext(response: Partial<TimedResponse>): PluginContext {
  const answer: TimedResponse = {
    ok: true,
    status: 200,
    ms: 12,
    totalMs: 13,
    headers: {},
    body: "",
    ...response,
  };
  return {
    id: "my-isp.${name}",
    lang: "en",
    config: { url: "https://service.test/health" },
    deps: {},
    signal: new AbortController().signal,
    progress() {},
    checkpoint() {},
    identifier() {},
    fetch: () => Promise.resolve(answer),
    connect: () => Promise.resolve({ ok: true, ms: 1 }),
    resolve: () => Promise.resolve({ ok: true, ms: 1, answers: [] }),
    now: () => new Date("2026-11-24T09:00:00Z"),
  };
}

Deno.test("${name} is ok when the service answers 200", async () => {
  const r = await run(fakeContext({ status: 200 }));
  assert.equal(r.status, "ok");
  assert.equal(r.data?.status, 200);
});

Deno.test("${name} fails when the service answers 503", async () => {
  const r = await run(fakeContext({ status: 503 }));
  assert.equal(r.status, "fail");
});

Deno.test("${name} fails when nothing answers", async () => {
  const r = await run(fakeContext({ ok: false, status: null, error: "timeout" }));
  assert.equal(r.status, "fail");
  assert.equal(r.data?.error, "timeout");
});
`;
}
