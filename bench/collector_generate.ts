/**
 * Fills a collector database with `n` generated reports for the lookup bench: real receipt
 * codes (`util/receipt.ts`), 50 tenants, receipts spread over the last twelve months (so
 * over twelve partitions), search columns drawn from fixed pseudo-random sequences, and a
 * small JSONB body (`{"generated": true, …}`: the body's size does not change an indexed
 * lookup, and a million real ~10 kB bodies would only cost disk and time). Inserted in SQL
 * in batches of 50,000 from arrays, as the table owner.
 *
 * @module
 */
import postgres from "postgres";
import { openPostgres } from "../collector/db_postgres.ts";
import { ensurePartitions } from "../collector/partitions.ts";
import { newReceipt } from "../util/receipt.ts";

const BATCH = 50_000;
const TENANTS = 50;

/** What was generated, and a way to pick existing receipts. */
export interface Generated {
  count: number;
  seconds: number;
  /** A random stored receipt with its tenant. */
  sample(): { receipt: string; tenant: string };
}

/** The tenant of the `i`-th generated report (0-based). */
export const tenantOf = (i: number) => `tenant-${String(i % TENANTS).padStart(2, "0")}`;

/** Generates `n` reports into the (migrated) database at `url`. */
export async function generateReports(
  url: string,
  n: number,
  log: (line: string) => void,
): Promise<Generated> {
  const t0 = performance.now();
  const now = new Date();
  const start = new Date(now.getTime() - 360 * 86_400_000);
  const db = openPostgres(url);
  await ensurePartitions(db, now, 1, 13);
  await db.close();
  const seen = new Set<string>();
  while (seen.size < n) seen.add(newReceipt("alnum"));
  const receipts = [...seen];
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (let off = 0; off < n; off += BATCH) {
      const chunk = receipts.slice(off, off + BATCH);
      // The receipts go in as one JSON text: no driver guesswork about array parameters.
      await sql.unsafe(GENERATE, [
        JSON.stringify(chunk),
        off,
        start.toISOString(),
        (360 * 86_400) / n,
        TENANTS,
      ]);
      log(`  ${Math.min(n, off + BATCH)} / ${n}`);
    }
    await sql.unsafe("ANALYZE report_keys");
    await sql.unsafe("ANALYZE reports");
  } finally {
    await sql.end();
  }
  return {
    count: n,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    sample() {
      const i = Math.floor(Math.random() * n);
      return { receipt: receipts[i], tenant: tenantOf(i) };
    },
  };
}

// $1 receipts (a JSON array), $2 offset, $3 start time, $4 seconds between receipts, $5 tenants.
const GENERATE = `
WITH src AS (
  SELECT r AS receipt, (o - 1 + $2::int) AS i
    FROM json_array_elements_text($1::text::json) WITH ORDINALITY AS t(r, o)
), rows AS (
  SELECT receipt, i,
         'gen-' || i AS report_id,
         'tenant-' || lpad((i % $5::int)::text, 2, '0') AS tenant,
         $3::timestamptz + make_interval(secs => i * $4::float8) AS received_at,
         (i * 7919) % 1000 AS h
    FROM src
), keys AS (
  INSERT INTO report_keys (receipt, report_id, digest, tenant, received_at, deletion_sha256)
  SELECT receipt, report_id, md5(report_id) || md5(receipt), tenant, received_at,
         md5(receipt) || md5(report_id)
    FROM rows
)
INSERT INTO reports (received_at, report_id, receipt, tenant, ticket, created_at, hour_of_day,
  verdict_device, verdict_lan, verdict_isp, verdict_dns, verdict_internet, verdict_service,
  headline_segment, access_type, os, os_release, arch, kit_version, brand, licence_id,
  device_key, partial, down_mbps, up_mbps, idle_latency_ms, loaded_latency_ms, loss_percent,
  deletion_sha256, size_bytes, body)
SELECT received_at, report_id, receipt, tenant,
       CASE WHEN h % 3 = 0 THEN 'T-' || (i % 100000) END,
       received_at - interval '5 minutes',
       extract(hour FROM received_at AT TIME ZONE 'Asia/Tokyo')::smallint,
       'ok', CASE WHEN h % 11 = 0 THEN 'warn' ELSE 'ok' END,
       CASE WHEN h % 7 = 0 THEN 'fail' ELSE 'ok' END,
       CASE WHEN h % 13 = 0 THEN 'fail' ELSE 'ok' END, 'ok', 'unknown',
       CASE WHEN h % 7 = 0 THEN 'isp' WHEN h % 13 = 0 THEN 'dns' WHEN h % 11 = 0 THEN 'lan' END,
       (ARRAY['pppoe','ipv4-over-ipv6','dual-stack','ipv4-only','cgnat'])[1 + h % 5],
       (ARRAY['windows','darwin','linux'])[1 + h % 3], '10.0', 'x86_64',
       (ARRAY['0.1.0','0.2.0','0.3.0'])[1 + (i / 300000) % 3], 'kiriwake',
       'lic-' || (i % 5000), md5('device' || (i % 200000)), false,
       20 + (h * 0.9), 5 + (h * 0.2), 8 + (h % 40), 20 + (h % 200), (h % 50) / 10.0,
       md5(receipt) || md5(report_id), 600,
       jsonb_build_object('schema', 'kiriwake.report/v1', 'id', report_id, 'generated', true)
  FROM rows`;
