/**
 * Migration 1: tenants, the receipt index and the partitioned report store, with
 * row-level security keyed on the transaction's tenant.
 *
 * Two tables hold a report: `report_keys` (one small row per report, not partitioned, so
 * the receipt and the report id are unique across all time) and `reports` (the JSONB body
 * and the extracted search columns, partitioned by month of receipt). Both are written in
 * one statement in one transaction, so neither exists without the other.
 *
 * Row-level security is the second wall behind the data-access layer: every query runs as
 * the role `kiriwake_app` (`SET LOCAL ROLE`), which sees only rows whose tenant is the
 * transaction's `kiriwake.tenant`, or every row when `kiriwake.all_tenants` is `on` (a
 * provider admin or the retention job), or — for withdrawal only — the one row whose
 * deletion hash is `kiriwake.deletion_sha256`.
 *
 * @module
 */
import type { Migration } from "./migration.ts";

const SEGMENT_COLUMNS = ["device", "lan", "isp", "dns", "internet", "service"]
  .map((s) =>
    `  verdict_${s} text NOT NULL CHECK (verdict_${s} IN ('ok','warn','fail','unknown')),`
  )
  .join("\n");

const visible = (column: string) =>
  `(current_setting('kiriwake.all_tenants', true) = 'on'
    OR ${column} = current_setting('kiriwake.tenant', true))`;
const DELETION_PROVEN = `(deletion_sha256 = current_setting('kiriwake.deletion_sha256', true))`;

/** The migration. */
export const migration: Migration = {
  version: 1,
  name: "reports",
  sql: `
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kiriwake_app') THEN
    CREATE ROLE kiriwake_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$ BEGIN
  IF NOT pg_has_role(current_user, 'kiriwake_app', 'MEMBER') THEN
    EXECUTE format('GRANT kiriwake_app TO %I', current_user);
  END IF;
END $$;

CREATE TABLE tenants (
  id text PRIMARY KEY CHECK (id <> ''),
  name text,
  -- Null: the collector's default retention applies.
  retention_days integer CHECK (retention_days > 0),
  first_seen timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE report_keys (
  receipt text PRIMARY KEY,
  report_id text NOT NULL,
  digest text NOT NULL,
  tenant text NOT NULL CHECK (tenant <> ''),
  received_at timestamptz NOT NULL,
  deletion_sha256 text NOT NULL,
  CONSTRAINT report_keys_report_id_key UNIQUE (report_id)
);
CREATE INDEX report_keys_received ON report_keys (received_at);
CREATE INDEX report_keys_deletion ON report_keys (deletion_sha256);

CREATE TABLE reports (
  received_at timestamptz NOT NULL,
  report_id text NOT NULL,
  receipt text NOT NULL,
  tenant text NOT NULL CHECK (tenant <> ''),
  ticket text,
  created_at timestamptz NOT NULL,
  -- Hour of created_at in the collector's time zone: the crowd baseline's "hour of day".
  hour_of_day smallint NOT NULL CHECK (hour_of_day BETWEEN 0 AND 23),
${SEGMENT_COLUMNS}
  headline_segment text,
  access_type text,
  os text NOT NULL,
  os_release text,
  arch text NOT NULL,
  kit_version text NOT NULL,
  brand text NOT NULL,
  -- The verified licence's own id (never the report's self-declared licence block).
  licence_id text,
  -- "This customer's other reports": see collector/extract.ts.
  device_key text,
  partial boolean NOT NULL,
  down_mbps real,
  up_mbps real,
  idle_latency_ms real,
  loaded_latency_ms real,
  loss_percent real,
  deletion_sha256 text NOT NULL,
  size_bytes integer NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (received_at, report_id)
) PARTITION BY RANGE (received_at);
CREATE TABLE reports_default PARTITION OF reports DEFAULT;

-- Issue 16's console: newest first per tenant; by ticket; by blamed segment (and incidents:
-- many reports blaming one segment in a short window); by access type and hour with the
-- crowd baseline's numbers in the index; this device's and this licence's reports.
CREATE INDEX reports_tenant_received ON reports (tenant, received_at DESC);
CREATE INDEX reports_tenant_ticket ON reports (tenant, ticket) WHERE ticket IS NOT NULL;
CREATE INDEX reports_tenant_headline ON reports (tenant, headline_segment, received_at DESC);
CREATE INDEX reports_tenant_baseline ON reports (tenant, access_type, hour_of_day)
  INCLUDE (down_mbps, up_mbps, loaded_latency_ms, loss_percent);
CREATE INDEX reports_tenant_device ON reports (tenant, device_key, created_at DESC)
  WHERE device_key IS NOT NULL;
CREATE INDEX reports_tenant_licence ON reports (tenant, licence_id, created_at DESC)
  WHERE licence_id IS NOT NULL;

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
ALTER TABLE report_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_keys FORCE ROW LEVEL SECURITY;
ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE reports FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON tenants USING ${visible("id")} WITH CHECK ${visible("id")};
CREATE POLICY tenant_isolation ON report_keys
  USING ${visible("tenant")} WITH CHECK ${visible("tenant")};
CREATE POLICY tenant_isolation ON reports
  USING ${visible("tenant")} WITH CHECK ${visible("tenant")};
CREATE POLICY withdrawal_read ON report_keys FOR SELECT USING ${DELETION_PROVEN};
CREATE POLICY withdrawal_delete ON report_keys FOR DELETE USING ${DELETION_PROVEN};
CREATE POLICY withdrawal_read ON reports FOR SELECT USING ${DELETION_PROVEN};
CREATE POLICY withdrawal_delete ON reports FOR DELETE USING ${DELETION_PROVEN};

-- The app role gets the parents only: a partition is never queried directly.
GRANT SELECT, INSERT, UPDATE ON tenants TO kiriwake_app;
GRANT SELECT, INSERT, DELETE ON report_keys, reports TO kiriwake_app;
`,
};
