/**
 * `http.captive`: captive-portal detection. A URL that answers 204 with no body (Android's
 * and Chrome's check) is fetched without following redirects; a redirect or a 200 page
 * instead means something on the way intercepts plain HTTP (hotel, station, unpaid line).
 *
 * @module
 */
import { z } from "zod";
import { directFetch } from "../lib/direct_fetch.ts";
import { defineProbe, type ProbeOutcome } from "../types.ts";
import { SkipProbe } from "../types.ts";

const dataSchema = z.object({
  url: z.string(),
  expectStatus: z.number(),
  status: z.number().nullable(),
  location: z.string().nullable(),
  bodyBytes: z.number().nullable(),
  verdict: z.enum(["open", "redirect", "login-page", "unexpected", "unreachable"]),
  ms: z.number(),
  error: z.string().optional(),
}).strict();

/** The data `http.captive` records. */
export type CaptiveData = z.infer<typeof dataSchema>;

/** The probe. */
export const httpCaptiveProbe = defineProbe({
  id: "http.captive",
  title: { ja: "キャプティブポータル", en: "Captive portal" },
  description: {
    ja: "ログイン画面などへの強制転送がないか確かめます",
    en: "Checks that plain HTTP is not diverted to a login page",
  },
  segment: "isp",
  dataCategories: ["measurements"],
  dependsOn: [],
  timeoutMs: 15_000,
  platforms: ["windows", "darwin", "linux"],
  schema: dataSchema,
  async run(ctx): Promise<ProbeOutcome<CaptiveData>> {
    const { url, expectStatus, timeoutMs } = ctx.config.captive;
    if (!url) {
      throw new SkipProbe({
        ja: "確認用の URL が設定されていません",
        en: "No captive-portal check URL configured",
      });
    }
    const started = performance.now();
    const base = { url, expectStatus, status: null, location: null, bodyBytes: null };
    let res: Response;
    try {
      // Directly, as the other web probes: a proxy set in the environment is checked on its own.
      res = await directFetch(url, {
        signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)]),
      });
    } catch (e) {
      const data: CaptiveData = {
        ...base,
        verdict: "unreachable",
        ms: since(started),
        error: (e as Error).message,
      };
      return {
        status: "warn",
        summary: {
          ja: `確認用 URL に届きません: ${data.error}`,
          en: `The check URL could not be reached: ${data.error}`,
        },
        data,
      };
    }
    const body = new Uint8Array(await res.arrayBuffer());
    const location = res.headers.get("location");
    const verdict: CaptiveData["verdict"] =
      res.status === expectStatus && (expectStatus !== 204 || body.length === 0)
        ? "open"
        : res.status >= 300 && res.status < 400
        ? "redirect"
        : res.status === 200 && body.length > 0
        ? "login-page"
        : "unexpected";
    const data: CaptiveData = {
      url,
      expectStatus,
      status: res.status,
      location,
      bodyBytes: body.length,
      verdict,
      ms: since(started),
    };
    const excerpt = new TextDecoder().decode(body.subarray(0, 300)).trim();
    const evidence = [{
      label: `GET ${url}`,
      text: `HTTP ${res.status}${location ? ` → ${location}` : ""}\n${excerpt}`.trim(),
    }];
    if (verdict === "open") {
      return {
        status: "ok",
        summary: { ja: "強制転送はありません", en: "No captive portal" },
        data,
        evidence,
      };
    }
    const where = location ? ` (→ ${location})` : "";
    return {
      status: verdict === "unexpected" ? "warn" : "fail",
      summary: {
        ja: `キャプティブポータルの可能性: ${expectStatus} の代わりに ${res.status}${where}`,
        en: `Captive portal likely: got ${res.status} instead of ${expectStatus}${where}`,
      },
      data,
      evidence,
    };
  },
});

function since(t: number): number {
  return Math.round((performance.now() - t) * 10) / 10;
}
