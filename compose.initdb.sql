-- Least privilege for the collector (run once by the database administrator; compose.yaml
-- runs it on first start). The collector's login role owns its tables but is no superuser,
-- so PostgreSQL's row-level security applies to it; every query it makes runs as
-- kiriwake_app, the role the policies are written for (docs/collector.md, "Tenants").
CREATE ROLE kiriwake_app NOLOGIN;
CREATE ROLE collector LOGIN PASSWORD 'change-me-collector';
GRANT kiriwake_app TO collector;
ALTER DATABASE kiriwake OWNER TO collector;
ALTER SCHEMA public OWNER TO collector;
