/**
 * Test support for the collector: distinct sealed reports, upload bodies, licences signed by
 * a test key, an in-memory PGlite that starts from a migrated template (a fresh PGlite takes
 * seconds to initdb; loading the template takes about one), and a collector over any
 * database.
 *
 * @module
 */
import { PGlite } from "@electric-sql/pglite";
import { join } from "node:path";
import denoConfig from "../deno.json" with { type: "json" };
import { BRAND } from "../brand/brand.ts";
import type { Brand } from "../brand/schema.ts";
import { generateKeyPair, type KeyPairFile, signLicence } from "../consent/licence_token.ts";
import { seal } from "../report/digest.ts";
import { type SampleOptions, sampleReport } from "../report/html/testing.ts";
import type { Report } from "../report/schema.ts";
import { UPLOAD_SCHEMA_ID } from "../report/upload_schema.ts";
import { sha256Hex } from "../util/crypto.ts";
import { Collector } from "./collector.ts";
import type { Database } from "./db.ts";
import { pgliteDatabase } from "./db_pglite.ts";
import { migrate, MIGRATIONS } from "./migrate.ts";
import type { CollectorSettings } from "./options.ts";
import { ensurePartitions } from "./partitions.ts";

/** The zone tests store hours in. */
export const TEST_TIME_ZONE = "Asia/Tokyo";

/** Options of {@link distinctReport}. */
export interface DistinctOptions extends SampleOptions {
  /** The report id (default: a random one). */
  id?: string;
  /** Changes the body before it is sealed. */
  mutate?: (r: Report) => void;
}

/** A sealed, valid report with its own id (so its digest differs from every other). */
export async function distinctReport(opts: DistinctOptions = {}): Promise<Report> {
  const r = structuredClone(await sampleReport(opts));
  r.id = opts.id ?? `test-${crypto.randomUUID()}`;
  opts.mutate?.(r);
  const { digest: _old, ...body } = r;
  return await seal(body);
}

/** An upload body and the deletion token it promised to keep. */
export interface TestUpload {
  body: string;
  token: string;
}

/** Builds a `kiriwake.upload/v1` body for `report`. */
export async function uploadOf(
  report: unknown,
  extra: { ticket?: string; licence?: string; token?: string } = {},
): Promise<TestUpload> {
  const token = extra.token ?? `tok-${crypto.randomUUID()}-${crypto.randomUUID()}`;
  const body = JSON.stringify({
    schema: UPLOAD_SCHEMA_ID,
    report,
    ...(extra.ticket ? { ticket: extra.ticket } : {}),
    ...(extra.licence ? { licence: extra.licence } : {}),
    deletion: { sha256: await sha256Hex(token) },
  });
  return { body, token };
}

/** A licence key and the brand that trusts it. */
export interface LicenceFixture {
  key: KeyPairFile;
  brand: Brand;
  /** A token for `licensee`, licence id `id`, for `product` (default the brand's). */
  token(licensee: string, id: string, product?: string): Promise<string>;
}

/** A fresh licence key pair and a brand listing its public key. */
export async function licenceFixture(): Promise<LicenceFixture> {
  const key = await generateKeyPair(new Date("2026-01-01T00:00:00Z"));
  const brand: Brand = { ...BRAND, licence: { ...BRAND.licence, publicKeys: [key.publicKey] } };
  return {
    key,
    brand,
    token: (licensee, id, product = brand.id) =>
      signLicence({
        schema: "kiriwake.licence/v1",
        id,
        licensee: { id: licensee },
        product,
        services: ["fibre"],
        notBefore: "2026-01-01T00:00:00Z",
        notAfter: "2027-12-31T00:00:00Z",
        issuedAt: "2026-01-01T00:00:00Z",
      }, key),
  };
}

let template: Promise<Blob> | null = null;

/**
 * A migrated in-memory PGlite (with this month's partitions). The migrated template is made
 * once per process and cached on disk between test files, keyed by the migrations.
 */
export async function memoryDatabase(): Promise<Database> {
  template ??= loadTemplate();
  const pg = new PGlite({ loadDataDir: await template });
  await pg.waitReady;
  const db = pgliteDatabase(pg, "pglite (memory)");
  await migrate(db);
  await ensurePartitions(db, new Date());
  return db;
}

async function loadTemplate(): Promise<Blob> {
  const key = (await sha256Hex(MIGRATIONS.map((m) => m.sql).join("\n"))).slice(0, 16);
  const path = join(tmpDir(), `kiriwake-pglite-${PGLITE_VERSION}-${key}.tar`);
  try {
    return new Blob([await Deno.readFile(path)]);
  } catch { /* not made yet */ }
  const pg = new PGlite();
  await pg.waitReady;
  await migrate(pgliteDatabase(pg, "template"));
  const dump = await pg.dumpDataDir("none");
  await pg.close();
  const bytes = new Uint8Array(await dump.arrayBuffer());
  const tmp = `${path}.${crypto.randomUUID().slice(0, 8)}`;
  await Deno.writeFile(tmp, bytes).then(() => Deno.rename(tmp, path)).catch(() => {});
  return new Blob([bytes]);
}

// The template is only valid for the PGlite that wrote it.
const PGLITE_VERSION = denoConfig.imports["@electric-sql/pglite"].replace(/\W+/g, "-");

function tmpDir(): string {
  return Deno.env.get("TMPDIR") || "/tmp";
}

/** Settings of test collectors: rate limits off, a fixed zone (override what a test needs). */
export const TEST_SETTINGS: Partial<CollectorSettings> = {
  timeZone: TEST_TIME_ZONE,
  rateSource: { perMinute: 0, burst: 1 },
  rateLicence: { perMinute: 0, burst: 1 },
};

/** A collector over `db` for tests. */
export async function testCollector(
  db: Database,
  opts: { brand?: Brand; settings?: Partial<CollectorSettings>; statusPath?: string } = {},
): Promise<Collector> {
  return await Collector.open({
    db,
    brand: opts.brand ?? BRAND,
    settings: { ...TEST_SETTINGS, ...opts.settings },
    statusPath: opts.statusPath ?? null,
  });
}
