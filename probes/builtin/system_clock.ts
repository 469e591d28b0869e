/**
 * `system.clock`: the local clock against the HTTP `Date` headers of configured servers.
 * A clock minutes off breaks TLS (certificates "not yet valid"), logins and tokens.
 *
 * @module
 */
import { z } from "zod";
import { directFetch } from "../lib/direct_fetch.ts";
import { defineProbe, type ProbeOutcome } from "../types.ts";
import { SkipProbe } from "../types.ts";

const sampleSchema = z.object({
  url: z.string(),
  serverDate: z.string().nullable(),
  /** Local minus server, ms; positive means the local clock is ahead. */
  skewMs: z.number().nullable(),
  /** Half the round trip plus the header's one-second resolution. */
  uncertaintyMs: z.number().nullable(),
  error: z.string().optional(),
}).strict();

const dataSchema = z.object({
  samples: z.array(sampleSchema),
  skewMs: z.number().nullable(),
}).strict();

/** The data `system.clock` records. */
export type ClockData = z.infer<typeof dataSchema>;

/** The probe. */
export const systemClockProbe = defineProbe({
  id: "system.clock",
  title: { ja: "時計のずれ", en: "Clock skew" },
  description: {
    ja: "端末の時計をサーバーの時刻と比べます (大きくずれると TLS が失敗します)",
    en: "Compares the device clock with servers' time (a large skew breaks TLS)",
  },
  segment: "device",
  dataCategories: ["measurements"],
  dependsOn: [],
  timeoutMs: 20_000,
  platforms: ["windows", "darwin", "linux"],
  schema: dataSchema,
  async run(ctx): Promise<ProbeOutcome<ClockData>> {
    const { urls, timeoutMs, warnSkewMs, failSkewMs } = ctx.config.clock;
    if (urls.length === 0) {
      throw new SkipProbe({
        ja: "時刻を比べる URL が設定されていません",
        en: "No URLs configured to compare the clock with",
      });
    }
    const samples = await Promise.all(urls.map(async (url) => {
      const localStart = ctx.now().getTime();
      const t0 = performance.now();
      try {
        const res = await directFetch(url, {
          method: "HEAD",
          signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)]),
        });
        await res.body?.cancel();
        const rtt = performance.now() - t0;
        const date = res.headers.get("date");
        const server = date ? Date.parse(date) : NaN;
        if (Number.isNaN(server)) {
          return {
            url,
            serverDate: date,
            skewMs: null,
            uncertaintyMs: null,
            error: "no Date header",
          };
        }
        // the server stamped its Date somewhere in the round trip: assume the middle
        const skewMs = Math.round(localStart + rtt / 2 - server);
        return { url, serverDate: date, skewMs, uncertaintyMs: Math.round(rtt / 2 + 1000) };
      } catch (e) {
        return {
          url,
          serverDate: null,
          skewMs: null,
          uncertaintyMs: null,
          error: (e as Error).message,
        };
      }
    }));
    const ok = samples.filter((s) => s.skewMs !== null).map((s) => s.skewMs!).sort((a, b) => a - b);
    const skewMs = ok.length ? ok[Math.floor((ok.length - 1) / 2)] : null;
    const data = { samples, skewMs };
    const evidence = samples.map((s) => ({
      label: `HEAD ${s.url}`,
      text: s.serverDate ? `Date: ${s.serverDate}` : s.error ?? "",
    }));
    if (skewMs === null) {
      return {
        status: "skipped",
        reason: {
          ja: "どのサーバーからも時刻を得られませんでした",
          en: "No server returned its time",
        },
        summary: { ja: "時刻を比べられませんでした", en: "The clock could not be compared" },
        data,
        evidence,
      };
    }
    const abs = Math.abs(skewMs);
    const secs = `${skewMs > 0 ? "+" : ""}${(skewMs / 1000).toFixed(1)} s`;
    const status = abs > failSkewMs ? "fail" : abs > warnSkewMs ? "warn" : "ok";
    return {
      status,
      summary: status === "ok"
        ? { ja: `時計は正確です (${secs})`, en: `The clock is accurate (${secs})` }
        : { ja: `時計が ${secs} ずれています`, en: `The clock is off by ${secs}` },
      data,
      evidence,
    };
  },
});
