/**
 * Test support for the console: reports made from the lab's real reports
 * (`tests/fixtures/reports/lab/`) with chosen numbers, devices and times, sealed again; a
 * console over a migrated in-memory PGlite (or any database) with tenants, staff accounts
 * (cheap scrypt) and reports stored through the collector's own store.
 *
 * @module
 */
import { BRAND } from "../brand/brand.ts";
import { diagnose } from "../diagnosis/diagnose.ts";
import { seal } from "../report/digest.ts";
import { type Report, reportSchema } from "../report/schema.ts";
import { HOSTILE } from "../report/html/testing.ts";
import { sha256Hex } from "../util/crypto.ts";
import { newReceipt } from "../util/receipt.ts";
import type { Actor } from "./audit_log.ts";
import { SupportConsole } from "./console.ts";
import type { ConsoleSettings } from "./console_options.ts";
import type { Database } from "./db.ts";
import { extractColumns } from "./extract.ts";
import { TEST_PARAMS } from "./password.ts";
import type { Role } from "./roles.ts";
import { PROVIDER_TENANT, Scope } from "./scope.ts";
import { ReportStore } from "./store.ts";
import { TEST_TIME_ZONE } from "./testing.ts";

/** The lab's reports. */
export const LAB = [
  "baseline-speed",
  "isp-bufferbloat",
  "isp-access-loss",
  "dns-provider-servfail",
] as const;
/** One of {@link LAB}. */
export type LabName = typeof LAB[number];

const cache = new Map<LabName, Report>();

/** A lab report as the kit wrote it. */
export async function labReport(name: LabName): Promise<Report> {
  if (!cache.has(name)) {
    const url = new URL(`../tests/fixtures/reports/lab/${name}.json`, import.meta.url);
    cache.set(name, reportSchema.parse(JSON.parse(await Deno.readTextFile(url))));
  }
  return structuredClone(cache.get(name)!);
}

/** What to change in a lab report. */
export interface Variant {
  lab?: LabName;
  id?: string;
  at?: Date;
  /** The access type `isp.access` inferred (null: none). */
  access?: string | null;
  downMbps?: number;
  upMbps?: number;
  loadedMs?: number;
  lossPercent?: number;
  /** A burned-in MAC for `net.interfaces` (the device key). */
  mac?: string;
  /** Plant {@link HOSTILE} in the SSID, the host name, a summary and the headline. */
  hostile?: boolean;
}

// deno-lint-ignore no-explicit-any
type Loose = any;

/** A lab report changed as asked, with its own id, sealed. */
export async function variantReport(v: Variant = {}): Promise<Report> {
  const r: Loose = await labReport(v.lab ?? "baseline-speed");
  r.id = v.id ?? `t${crypto.randomUUID().slice(0, 8)}-${crypto.randomUUID().slice(0, 8)}`;
  if (v.at) r.createdAt = v.at.toISOString();
  const probe = (id: string) => r.probes.find((p: Loose) => p.id === id);
  if (v.access !== undefined && probe("isp.access")) {
    probe("isp.access").data.candidates = v.access === null
      ? []
      : [{ type: v.access, confidence: 0.8, evidence: [] }];
  }
  const speed = probe("isp.throughput")?.data?.servers?.[0];
  if (speed) {
    if (v.downMbps !== undefined) speed.download.mbps = v.downMbps;
    if (v.upMbps !== undefined) speed.upload.mbps = v.upMbps;
    if (v.loadedMs !== undefined) {
      if (speed.download.loadedLatency) speed.download.loadedLatency.medianMs = v.loadedMs;
      if (speed.upload.loadedLatency) speed.upload.loadedLatency.medianMs = v.loadedMs * 0.9;
    }
  }
  if (v.lossPercent !== undefined) {
    for (const t of probe("internet.ping")?.data?.targets ?? []) t.lossPercent = v.lossPercent;
  }
  if (v.mac) {
    for (const i of probe("net.interfaces")?.data?.interfaces ?? []) {
      if (i.mac) i.mac = v.mac;
    }
  }
  if (speed && (v.downMbps !== undefined || v.upMbps !== undefined)) {
    const d = speed.download.mbps, u = speed.upload.mbps;
    probe("isp.throughput").summary = {
      ja: `下り ${d} Mbps、上り ${u} Mbps`,
      en: `${d} Mbps down, ${u} Mbps up`,
    };
  }
  // The diagnosis of the changed numbers, by today's rules (the probes' data is the truth).
  r.diagnosis = diagnose(r.probes);
  if (v.hostile) {
    const wifi = probe("wifi.link");
    if (wifi) {
      wifi.data = { ...(wifi.data ?? {}), ssid: HOSTILE };
      wifi.summary = { ja: `SSID ${HOSTILE}`, en: `SSID ${HOSTILE}` };
    }
    const info = probe("system.info");
    if (info?.data) info.data.hostname = HOSTILE;
    r.diagnosis.headline.text = { ja: `見出し ${HOSTILE}`, en: `Headline ${HOSTILE}` };
  }
  const { digest: _old, ...body } = r;
  return await seal(body);
}

/** A stored report: its receipt and the report. */
export interface Stored {
  receipt: string;
  report: Report;
  tenant: string;
}

/** Stores `report` for `tenant` through the collector's store, as an upload would. */
export async function storeReport(
  db: Database,
  tenant: string,
  report: Report,
  opts: { ticket?: string; receivedAt?: Date; licenceId?: string } = {},
): Promise<Stored> {
  const store = new ReportStore(db, () => newReceipt("alnum"));
  const body = JSON.stringify(report);
  const result = await store.ingest(Scope.tenant(tenant), {
    columns: await extractColumns(report, tenant, TEST_TIME_ZONE),
    digest: report.digest.value,
    ticket: opts.ticket ?? null,
    licenceId: opts.licenceId ?? null,
    deletionSha256: await sha256Hex(crypto.randomUUID()),
    body,
    sizeBytes: body.length,
    receivedAt: opts.receivedAt ?? new Date(report.createdAt),
  });
  if (result.status !== "created") throw new Error(`not stored: ${JSON.stringify(result)}`);
  return { receipt: result.receipt, report, tenant };
}

/** The operator of tests (a command-line actor). */
export const TEST_OPERATOR: Actor = { id: "cli", login: "cli", tenant: PROVIDER_TENANT };

/** A console over `db` for tests: cheap scrypt, the test time zone. */
export function testConsole(
  db: Database,
  settings: Partial<ConsoleSettings> = {},
  now?: () => Date,
): SupportConsole {
  return new SupportConsole({
    db,
    brand: BRAND,
    timeZone: TEST_TIME_ZONE,
    trustProxy: false,
    settings: { passwordParams: TEST_PARAMS, ...settings },
    now,
  });
}

/** The password every test account gets. */
export const TEST_PASSWORD = "correct horse battery staple";

/** Adds a staff account with {@link TEST_PASSWORD} (no change demanded). */
export async function addStaff(
  c: SupportConsole,
  tenant: string,
  login: string,
  role: Role,
): Promise<void> {
  await c.accounts.add(Scope.allTenants("test"), TEST_OPERATOR, {
    tenant,
    login,
    role,
    password: TEST_PASSWORD,
  });
}
