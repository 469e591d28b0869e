/**
 * `net.proxy`: the proxies the device is set to use — environment variables everywhere;
 * on Windows the per-user WinINet settings browsers follow (`reg query`) and the machine-wide
 * WinHTTP proxy services use (`netsh winhttp show proxy`); `scutil --proxy` on macOS — and
 * any PAC URL. Credentials in proxy URLs are removed before anything is recorded.
 *
 * @module
 */
import { z } from "zod";
import { describeFailure } from "../lib/exec.ts";
import { proxyFromEnv, type ProxySettings } from "../parse/proxy_common.ts";
import { parseNetshWinhttp } from "../parse/netsh_winhttp.ts";
import { parseRegProxy } from "../parse/reg_proxy.ts";
import { parseScutilProxy } from "../parse/scutil_proxy.ts";
import { defineProbe, type Evidence } from "../types.ts";
import type { Localized } from "../../util/text.ts";

const settingsSchema = z.object({
  source: z.enum(["env", "registry", "winhttp", "scutil"]),
  enabled: z.boolean(),
  http: z.string().nullable(),
  https: z.string().nullable(),
  socks: z.string().nullable(),
  pacUrl: z.string().nullable(),
  autoDetect: z.boolean().nullable(),
  bypass: z.array(z.string()),
}).strict();

const dataSchema = z.object({
  sources: z.array(settingsSchema),
  notes: z.array(z.object({ ja: z.string(), en: z.string() }).strict()),
}).strict();

/** The data `net.proxy` records. */
export type ProxyData = z.infer<typeof dataSchema>;

const INTERNET_SETTINGS = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";

/** The probe for a platform. */
export const netProxyProbe = defineProbe({
  id: "net.proxy",
  title: { ja: "プロキシ設定", en: "Proxy settings" },
  description: {
    ja: "環境変数と OS に設定されたプロキシ・PAC を調べます",
    en: "Lists proxies and PAC URLs set in the environment and the OS",
  },
  segment: "device",
  dataCategories: ["network"],
  dependsOn: [],
  timeoutMs: 15_000,
  platforms: ["windows", "darwin", "linux"],
  schema: dataSchema,
  async run(ctx) {
    const os = ctx.os;
    const sources: ProxySettings[] = [proxyFromEnv(proxyVariables(ctx.env))];
    const notes: Localized[] = [];
    const evidence: Evidence[] = [];
    const o = { signal: ctx.signal, timeoutMs: 10_000 };
    if (os === "windows") {
      const r = await ctx.exec("reg", ["query", INTERNET_SETTINGS], o);
      const c = await ctx.exec("reg", [
        "query",
        `${INTERNET_SETTINGS}\\Connections`,
        "/v",
        "DefaultConnectionSettings",
      ], o);
      if (r.ok) {
        sources.push(parseRegProxy(`${r.stdout}\n${c.ok ? c.stdout : ""}`));
        evidence.push({ label: r.command, text: r.stdout.trim().slice(0, 2000) });
      } else notes.push(describeFailure(r));
      const w = await ctx.exec("netsh", ["winhttp", "show", "proxy"], o);
      if (w.ok) {
        try {
          sources.push(parseNetshWinhttp(w.stdout));
          evidence.push({ label: w.command, text: w.stdout.trim().slice(0, 2000) });
        } catch (e) {
          notes.push({
            ja: `netsh winhttp の出力を読めませんでした: ${(e as Error).message}`,
            en: `Could not read the output of netsh winhttp: ${(e as Error).message}`,
          });
        }
      } else notes.push(describeFailure(w));
    } else if (os === "darwin") {
      const r = await ctx.exec("scutil", ["--proxy"], o);
      if (r.ok) {
        sources.push(parseScutilProxy(r.stdout));
        evidence.push({ label: r.command, text: r.stdout.trim().slice(0, 2000) });
      } else notes.push(describeFailure(r));
    }
    const on = sources.filter((s) => s.enabled || s.autoDetect);
    const describe = on.map((s) =>
      [
        s.source,
        s.https ?? s.http ?? s.socks,
        s.pacUrl && `PAC ${s.pacUrl}`,
        s.autoDetect && "WPAD",
      ]
        .filter(Boolean).join(" ")
    ).join("; ");
    return {
      status: "ok",
      summary: on.length
        ? { ja: `プロキシを使用: ${describe}`, en: `Proxy in use: ${describe}` }
        : { ja: "プロキシは設定されていません", en: "No proxy is configured" },
      data: { sources, notes },
      evidence,
    };
  },
});

const PROXY_VARS = ["http_proxy", "https_proxy", "all_proxy", "no_proxy"];

/** The proxy variables only; without `--allow-env` none can be read, which is said as none. */
function proxyVariables(env: (name: string) => string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PROXY_VARS.flatMap((n) => [n, n.toUpperCase()])) {
    const v = env(name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}
