/**
 * `kiriwake speedtest --server URL [--off-net URL] [--json]`: runs the throughput probe
 * alone, as speed-test CLIs do. Consent applies as for `run`; the data budget is stated
 * before anything is sent.
 *
 * @module
 */
import { ensureConsent } from "./consent_gate.ts";
import { InvalidInputError, RefusedError, UsageError } from "../util/errors.ts";
import { runProbes } from "../probes/runner.ts";
import { ispThroughputProbe } from "../probes/builtin/isp_throughput.ts";
import { budgetNote, formatMB, parseByteSize, planSpeed } from "../speed/budget.ts";
import type { SpeedServer } from "../speed/config.ts";
import type { ThroughputData } from "../speed/schema.ts";
import { comparisonSummary, serverSummary, speedtestJson } from "../speed/summary.ts";
import { parseCommandArgs } from "../util/args.ts";
import type { Command } from "../session/command.ts";
import { loadRunConfig } from "../session/prepare.ts";

/** Runs the speed test. Exit 0: measured, nothing wrong; 1: a problem found or not measured. */
export const speedtestCommand: Command = async (args, io, ctx) => {
  const { values } = parseCommandArgs("speedtest", args, {
    server: { type: "string" },
    "off-net": { type: "string" },
    config: { type: "string" },
    json: { type: "boolean" },
    "max-bytes": { type: "string" },
    metered: { type: "boolean" },
    streams: { type: "string" },
    "ca-cert": { type: "string" },
    "accept-terms": { type: "string" },
    consent: { type: "string" },
    quiet: { type: "boolean" },
  });
  const { lang, brand } = ctx;
  const usage = (ja: string, en: string) =>
    new UsageError({ ja: `speedtest: ${ja}`, en: `speedtest: ${en}` });

  // Everything that can be wrong with the input fails here, before anything is measured.
  const loaded = await loadRunConfig(brand, values.config);
  const config = structuredClone(loaded.config);
  const t = config.throughput;
  const caCerts = values["ca-cert"] ? [await readCa(values["ca-cert"])] : undefined;
  const fromFlags: SpeedServer[] = [];
  for (const [flag, kind] of [["server", "on-net"], ["off-net", "off-net"]] as const) {
    const url = values[flag];
    if (url === undefined) continue;
    if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url)) {
      throw usage(
        `--${flag} は http(s) の URL です: "${url}"`,
        `--${flag} must be an http(s) URL: "${url}"`,
      );
    }
    fromFlags.push({ url, kind, ...(caCerts ? { caCerts } : {}) });
  }
  if (fromFlags.length) t.servers = fromFlags;
  if (t.servers.length === 0) {
    throw usage(
      "--server URL (または設定の throughput.servers) が必要です",
      "needs --server URL (or servers in the config's throughput section)",
    );
  }
  if (values.metered) t.budget.metered = true;
  if (values["max-bytes"] !== undefined) {
    let n: number;
    try {
      n = parseByteSize(values["max-bytes"]);
    } catch (e) {
      throw usage(`--max-bytes: ${(e as Error).message}`, `--max-bytes: ${(e as Error).message}`);
    }
    t.budget.maxBytes = n;
    t.budget.meteredMaxBytes = Math.min(t.budget.meteredMaxBytes, n);
  }
  if (values.streams !== undefined) {
    const n = Number(values.streams);
    if (!Number.isInteger(n) || n < 1 || n > 64) {
      throw usage(
        `--streams は 1〜64 です: "${values.streams}"`,
        `--streams must be 1 to 64: "${values.streams}"`,
      );
    }
    t.streams.initial = t.streams.max = n;
  }
  config.only = [ispThroughputProbe.id];

  const grant = await ensureConsent({
    brand,
    lang,
    io,
    dir: ctx.configDir,
    now: ctx.now(),
    acceptTerms: values["accept-terms"],
    consent: values.consent,
  });
  if (!grant.granted.includes("measurements")) {
    throw new RefusedError({
      ja: "速度測定には「measurements」区分への同意が必要です",
      en: "The speed test needs consent to the measurements category",
    });
  }
  // The statement before the run: how much data it may use.
  io.err(`${budgetNote(planSpeed(t, t.servers.length))[lang]}\n`);

  const controller = new AbortController();
  const onSigint = () => controller.abort("SIGINT");
  Deno.addSignalListener("SIGINT", onSigint);
  let out;
  try {
    out = await runProbes({
      probes: [ispThroughputProbe],
      config,
      lang,
      granted: grant.granted,
      signal: controller.signal,
      now: ctx.now,
      onEvent: (e) => {
        if (e.type === "progress" && e.note && io.stderrIsTty && !values.quiet) {
          io.err(`\r\x1b[2K${e.note.slice(0, 100)}`);
        }
      },
    });
  } finally {
    Deno.removeSignalListener("SIGINT", onSigint);
  }
  if (io.stderrIsTty && !values.quiet) io.err("\r\x1b[2K");
  const result = out.results[0];
  const data = result.data as Partial<ThroughputData>;
  const servers = data.servers ?? [];
  if (values.json) {
    const main = servers.find((s) => s.download?.mbps != null) ?? servers[0];
    io.out(
      JSON.stringify(
        {
          status: result.status,
          ...(main ? speedtestJson(main) : {}),
          servers: servers.map(speedtestJson),
          comparison: data.comparison ?? null,
          budget: data.budget ?? null,
          ...(result.reason ? { reason: result.reason[lang] } : {}),
        },
        null,
        2,
      ) + "\n",
    );
  } else {
    for (const s of servers) io.out(`${serverSummary(s)[lang]}\n`);
    const cmp = comparisonSummary(data.comparison ?? null);
    if (cmp) io.out(`${cmp[lang]}\n`);
    for (const s of servers) {
      const v = (k: "streaming" | "gaming" | "rtc") => s.aim[k]?.classification ?? "–";
      io.out(
        lang === "ja"
          ? `  用途別: 動画 ${v("streaming")}・ゲーム ${v("gaming")}・ビデオ通話 ${v("rtc")}\n`
          : `  use cases: streaming ${v("streaming")}, gaming ${v("gaming")}, video calls ${
            v("rtc")
          }\n`,
      );
    }
    if (result.reason) io.out(`${result.reason[lang]}\n`);
    if (data.budget) {
      io.out(
        lang === "ja"
          ? `使用データ量: ${formatMB(data.budget.usedBytes)}\n`
          : `Data used: ${formatMB(data.budget.usedBytes)}\n`,
      );
    }
  }
  if (out.interrupted) return 130;
  return result.status === "ok" ? 0 : 1;
};

async function readCa(path: string): Promise<string> {
  try {
    return await Deno.readTextFile(path);
  } catch (e) {
    throw new InvalidInputError({
      ja: `--ca-cert "${path}" を読めません (${(e as Error).message})`,
      en: `Cannot read --ca-cert "${path}" (${(e as Error).message})`,
    });
  }
}
