/**
 * Writes a watch's report from its history: the series, events and busy-hours comparison of
 * the whole session (`watch/report_data.ts`) in a `kiriwake.report/v1` report whose diagnosis
 * speaks about the watch and whose probes are the last sample's results. The same files as a
 * run (`report.json`, `.html`, `.txt`), rewritten atomically, so an interim report is always
 * readable and `send`, `view` and `report verify` take it as they take any report.
 *
 * @module
 */
import type { Brand } from "../brand/schema.ts";
import type { Grant } from "../consent/gate.ts";
import { machineIdentifiers } from "../consent/identifiers.ts";
import type { LoadedConfig } from "../probes/config_load.ts";
import { buildReport } from "../report/build.ts";
import type { Report } from "../report/schema.ts";
import { prepareReportDir, type ReportPaths, writeReport } from "../report/store.ts";
import type { Lang } from "../util/text.ts";
import { DATA_CATEGORIES } from "../util/data_categories.ts";
import { watchReportData } from "../watch/report_data.ts";
import type { SessionRow, WatchStore } from "../watch/store.ts";
import { reportMeta } from "./run.ts";
import type { WatchSettings } from "./watch_settings.ts";
import type { TakenSample } from "./watch_sample.ts";

/** What a watch report is written with. */
export interface WatchReportInput {
  store: WatchStore;
  session: SessionRow;
  settings: WatchSettings;
  brand: Brand;
  lang: Lang;
  grant: Grant;
  config: LoadedConfig;
  /** The last sample taken by this process, for the report's probe results. */
  last?: TakenSample | null;
  /** Set when the watch has ended. */
  end?: { at: number; reason: "time" | "stopped" | "interrupted" } | null;
}

/**
 * Builds and writes the report of `session`. Requires `--allow-write` of its folder.
 *
 * @throws {InvalidInputError} when the report folder cannot be written
 */
export async function writeWatchReport(
  input: WatchReportInput,
): Promise<{ report: Report; paths: ReportPaths }> {
  const { store, session, settings } = input;
  const samples = store.samples(session.id);
  const gaps = store.gaps(session.id);
  const end = input.end ?? null;
  const { block, diagnosis } = watchReportData(
    {
      id: session.id,
      startedAt: new Date(session.startedAt).toISOString(),
      endedAt: end ? new Date(end.at).toISOString() : null,
      endReason: end?.reason ?? null,
      everyMs: session.everyMs,
      burst: settings.burst,
      busyHours: settings.busyHours,
      timeZone: settings.timeZone,
      utcOffsetMinutes: settings.utcOffsetMinutes,
      accessType: samples.find((s) => s.accessType)?.accessType ?? null,
    },
    samples,
    gaps,
    settings.analysis,
  );
  // The stricter of the consent at the start and now: what was refused then stays masked.
  const refused = DATA_CATEGORIES.filter((c) =>
    settings.refused.includes(c) || input.grant.refused.includes(c)
  );
  const grant = {
    ...input.grant,
    granted: input.grant.granted.filter((c) => !refused.includes(c)),
    refused,
  };
  const meta = reportMeta(
    {
      id: settings.reportId,
      brand: input.brand,
      lang: input.lang,
      grant,
      licence: input.grant.licence,
      config: input.config,
    },
    new Date(session.startedAt),
  );
  const report = await buildReport(meta, {
    results: input.last?.results ?? [],
    identifiers: [...machineIdentifiers(), ...(input.last?.identifiers ?? [])],
    finishedAt: end ? new Date(end.at) : null,
    partial: end === null || end.reason === "interrupted",
    ...(end?.reason === "interrupted"
      ? { interrupted: { at: new Date(end.at), reason: "SIGINT" } }
      : {}),
    watch: { block, diagnosis },
  });
  const paths = await prepareReportDir(settings.outDir, "--out", { rewrites: report.id });
  await writeReport(paths, report, input.lang);
  return { report, paths };
}
