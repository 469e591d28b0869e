/**
 * Tenants as admins see them: the list (a provider admin's tenant chooser) and each tenant's
 * own retention, which the collector's retention job honours (`store.ts` `deleteExpired`).
 *
 * @module
 */
import { type Actor, recordEvent } from "./audit_log.ts";
import type { Database } from "./db.ts";
import type { Scope } from "./scope.ts";
import { inScope, tenantCondition } from "./scoped.ts";

/** A tenant. */
export interface Tenant {
  id: string;
  name: string | null;
  /** Null: the collector's default. */
  retentionDays: number | null;
  firstSeen: Date;
}

/** Longest retention a tenant may set, days (ten years). */
export const MAX_RETENTION_DAYS = 3650;

/** The tenants `scope` sees, by id. */
export async function listTenants(db: Database, scope: Scope): Promise<Tenant[]> {
  return await inScope(db, scope, async (sql) => {
    const params: unknown[] = [];
    const where = tenantCondition(scope, "id", params);
    const rows = await sql.query<Record<string, unknown>>(
      `SELECT id, name, retention_days, first_seen FROM tenants WHERE ${where} ORDER BY id LIMIT 10000`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      name: (r.name as string) ?? null,
      retentionDays: r.retention_days === null ? null : Number(r.retention_days),
      firstSeen: new Date(r.first_seen as string),
    }));
  });
}

/**
 * Sets `tenant`'s retention (null: the collector's default). False when the scope does not
 * see the tenant.
 *
 * @throws {RangeError} for days outside 1–{@link MAX_RETENTION_DAYS}
 */
export async function setRetention(
  db: Database,
  scope: Scope,
  actor: Actor,
  tenant: string,
  days: number | null,
): Promise<boolean> {
  if (days !== null && (!Number.isSafeInteger(days) || days < 1 || days > MAX_RETENTION_DAYS)) {
    throw new RangeError(`Retention is 1–${MAX_RETENTION_DAYS} days: ${days}`);
  }
  return await inScope(db, scope, async (sql) => {
    const params: unknown[] = [tenant, days];
    const where = tenantCondition(scope, "id", params);
    const rows = await sql.query(
      `UPDATE tenants SET retention_days = $2::int WHERE id = $1 AND ${where} RETURNING id`,
      params,
    );
    if (!rows.length) return false;
    await recordEvent(sql, { tenant, actor, action: "retention-set", detail: { days } });
    return true;
  });
}
