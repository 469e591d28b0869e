/**
 * Migration 2: the support desk console — staff accounts, their sessions, the audit log of
 * staff reads, and the provider hop a report blames (for the incident view).
 *
 * Row-level security, as for reports: a tenant scope sees its own tenant's staff, sessions
 * and audit records; the all-tenants capability sees all. Signing in must find an account
 * before its tenant is known, so the `staff` and `staff_sessions` tables also open to a
 * transaction that set `kiriwake.auth = on` — only `collector/accounts.ts` does, and only to
 * check a password or resolve a session token's hash. The audit log is append-only for the
 * application role (no UPDATE or DELETE granted).
 *
 * `blamed_hop` is computed by the database from the stored report (a generated column), so
 * the ingest path stays as it is: the first address of the hop from which a route trace saw
 * loss persist to the destination, for reports whose headline blames the provider or the
 * internet. Masked addresses (`[redacted:…]`) are not a hop anyone can group by.
 *
 * @module
 */
import type { Migration } from "./migration.ts";

const visible = (column: string) =>
  `(current_setting('kiriwake.all_tenants', true) = 'on'
    OR ${column} = current_setting('kiriwake.tenant', true))`;
const SIGNING_IN = `(current_setting('kiriwake.auth', true) = 'on')`;

/** The migration. */
export const migration: Migration = {
  version: 2,
  name: "console",
  sql: `
CREATE TABLE staff (
  id text PRIMARY KEY,
  tenant text NOT NULL CHECK (tenant <> ''),
  -- The sign-in name: lowercase, unique across tenants (one sign-in page for everyone).
  login text NOT NULL CHECK (login ~ '^[a-z0-9][a-z0-9._@-]{1,63}$'),
  display_name text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('agent', 'tenant-admin', 'provider-admin')),
  -- The auth provider that vouches for this account: 'password' today; an OIDC provider
  -- later ('oidc:<issuer>', with the issuer's subject in 'subject').
  auth text NOT NULL DEFAULT 'password',
  subject text,
  password_hash text,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz,
  last_sign_in timestamptz,
  CONSTRAINT staff_login_key UNIQUE (login),
  CONSTRAINT staff_provider_admin CHECK (role <> 'provider-admin' OR tenant = '_provider'),
  CONSTRAINT staff_password CHECK (auth <> 'password' OR password_hash IS NOT NULL)
);
CREATE UNIQUE INDEX staff_subject ON staff (auth, subject) WHERE subject IS NOT NULL;
CREATE INDEX staff_tenant ON staff (tenant, login);

CREATE TABLE staff_sessions (
  -- Only the SHA-256 of the cookie's token is stored: a database dump opens no session.
  token_sha256 text PRIMARY KEY,
  staff_id text NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  tenant text NOT NULL,
  csrf text NOT NULL,
  created_at timestamptz NOT NULL,
  seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  source text
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  -- Whose data was read: one row per tenant whose reports an action touched, so a tenant's
  -- log never names another tenant's receipts.
  tenant text NOT NULL CHECK (tenant <> ''),
  actor text NOT NULL,
  actor_login text NOT NULL,
  actor_tenant text NOT NULL,
  action text NOT NULL,
  receipts text[] NOT NULL DEFAULT '{}',
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_tenant_at ON audit_log (tenant, at DESC);
CREATE INDEX audit_log_receipts ON audit_log USING gin (receipts);

CREATE FUNCTION kiriwake_blamed_hop(body jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT hop->'addresses'->>0
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(body->'probes') = 'array'
                                   THEN body->'probes' ELSE '[]'::jsonb END) AS p,
         jsonb_array_elements(CASE WHEN jsonb_typeof(p->'data'->'targets') = 'array'
                                   THEN p->'data'->'targets' ELSE '[]'::jsonb END) AS t,
         jsonb_array_elements(CASE WHEN jsonb_typeof(t->'hops') = 'array'
                                   THEN t->'hops' ELSE '[]'::jsonb END) AS hop
   WHERE p->>'id' = 'path.trace'
     AND jsonb_typeof(t->'persistentLossFrom') = 'number'
     AND hop->'ttl' = t->'persistentLossFrom'
     AND jsonb_typeof(hop->'addresses'->0) = 'string'
     AND hop->'addresses'->>0 NOT LIKE '[redacted%'
   ORDER BY (t->>'persistentLossFrom')::numeric, hop->'addresses'->>0
   LIMIT 1
$fn$;

ALTER TABLE reports ADD COLUMN blamed_hop text GENERATED ALWAYS AS (
  CASE WHEN headline_segment IN ('isp', 'internet') THEN kiriwake_blamed_hop(body) END
) STORED;

-- A provider admin's search by ticket across tenants.
CREATE INDEX reports_ticket ON reports (ticket) WHERE ticket IS NOT NULL;

ALTER TABLE staff ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff FORCE ROW LEVEL SECURITY;
ALTER TABLE staff_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_sessions FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON staff USING ${visible("tenant")} WITH CHECK ${visible("tenant")};
-- Signing in reads an account and counts its failures; it never adds or removes one.
CREATE POLICY signing_in_read ON staff FOR SELECT USING ${SIGNING_IN};
CREATE POLICY signing_in_count ON staff FOR UPDATE USING ${SIGNING_IN} WITH CHECK ${SIGNING_IN};
CREATE POLICY tenant_isolation ON staff_sessions
  USING ${visible("tenant")} WITH CHECK ${visible("tenant")};
CREATE POLICY signing_in ON staff_sessions USING ${SIGNING_IN} WITH CHECK ${SIGNING_IN};
CREATE POLICY tenant_isolation ON audit_log
  USING ${visible("tenant")} WITH CHECK ${visible("tenant")};
-- Signing in records failures and sign-ins of the account's own tenant.
CREATE POLICY signing_in ON audit_log FOR INSERT WITH CHECK ${SIGNING_IN};

GRANT SELECT, INSERT, UPDATE, DELETE ON staff, staff_sessions TO kiriwake_app;
GRANT SELECT, INSERT ON audit_log TO kiriwake_app;
`,
};
