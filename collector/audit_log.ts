/**
 * The audit log of the console: every staff read of report content (open, compare, export,
 * search) and every account event (sign-in, failures, staff changes, retention). Reads are
 * recorded by the data-access layer inside the read's own transaction (an {@link AuditSink}),
 * so a read whose record cannot be written fails with it.
 *
 * One row per tenant an action touched: a provider admin exporting reports of two tenants
 * writes two rows, each naming only that tenant's receipts, so a tenant admin reading the
 * log never sees another tenant's receipt codes.
 *
 * @module
 */
import type { AuditEvent, AuditSink } from "./audit.ts";
import type { Database, Sql } from "./db.ts";
import { type Access, inScope, tenantCondition, textArray } from "./scoped.ts";
import { PROVIDER_TENANT, type Scope } from "./scope.ts";

/** Who acts: a staff account (or a named job). */
export interface Actor {
  id: string;
  login: string;
  tenant: string;
}

/** Every action the log knows. */
export const AUDIT_ACTIONS = [
  "open",
  "compare",
  "export",
  "search",
  "lookup",
  "sign-in",
  "sign-in-failed",
  "sign-out",
  "locked",
  "password-change",
  "staff-add",
  "staff-disable",
  "staff-enable",
  "staff-reset",
  "retention-set",
] as const;
/** One of {@link AUDIT_ACTIONS}. */
export type AuditAction = typeof AUDIT_ACTIONS[number];

/** One row of the log. */
export interface AuditRow {
  id: number;
  at: Date;
  tenant: string;
  actor: string;
  actorLogin: string;
  actorTenant: string;
  action: AuditAction;
  receipts: string[];
  detail: Record<string, unknown>;
}

/** The sink the data-access layer calls for reads by `actor`. */
export function auditFor(actor: Actor): AuditSink {
  return {
    async record(sql: Sql, event: AuditEvent): Promise<void> {
      await recordRead(sql, actor, event.scope, event.action, event.receipts, event.detail ?? {});
    },
  };
}

/** Records a read of `receipts` by `actor` under `scope`, one row per tenant touched. */
export async function recordRead(
  sql: Sql,
  actor: Actor,
  scope: Scope,
  action: AuditAction,
  receipts: readonly string[],
  detail: Record<string, unknown>,
): Promise<void> {
  const byTenant = new Map<string, string[]>();
  if (scope.kind === "tenant") {
    byTenant.set(scope.tenant!, [...receipts]);
  } else if (receipts.length) {
    const rows = await sql.query<{ tenant: string; receipts: string[] }>(
      `SELECT tenant, array_agg(receipt ORDER BY receipt) AS receipts
         FROM report_keys WHERE receipt = ANY(($1::text)::text[]) GROUP BY tenant`,
      [textArray(receipts)],
    );
    for (const r of rows) byTenant.set(r.tenant, r.receipts);
  }
  await recordGrouped(sql, actor, action, byTenant, detail);
}

/**
 * Records a read whose receipts the caller already grouped by tenant (a list that carries
 * each row's tenant); an empty map records the action under the actor's own tenant.
 */
export async function recordGrouped(
  sql: Sql,
  actor: Actor,
  action: AuditAction,
  byTenant: ReadonlyMap<string, readonly string[]>,
  detail: Record<string, unknown>,
): Promise<void> {
  const groups = byTenant.size ? [...byTenant] : [[actor.tenant, [] as readonly string[]] as const];
  // One statement for every tenant touched (a provider admin's page can touch fifty).
  await sql.query(
    `INSERT INTO audit_log (tenant, actor, actor_login, actor_tenant, action, receipts, detail)
     SELECT g.tenant, $3, $4, $5, $6, string_to_array(g.receipts, ' '), ($7::text)::jsonb
       FROM unnest(($1::text)::text[], ($2::text)::text[]) AS g(tenant, receipts)`,
    [
      textArray(groups.map(([t]) => t)),
      // Receipt codes hold no spaces: each tenant's list travels as one space-joined text.
      textArray(groups.map(([, list]) => list.join(" "))),
      actor.id,
      actor.login,
      actor.tenant,
      action,
      JSON.stringify(detail),
    ],
  );
}

/** Records an account event of `tenant`. */
export async function recordEvent(
  sql: Sql,
  e: { tenant: string; actor: Actor; action: AuditAction; detail?: Record<string, unknown> },
): Promise<void> {
  await insertRow(sql, { ...e, receipts: [], detail: e.detail ?? {} });
}

async function insertRow(
  sql: Sql,
  e: {
    tenant: string;
    actor: Actor;
    action: AuditAction;
    receipts: string[];
    detail: Record<string, unknown>;
  },
): Promise<void> {
  await sql.query(
    `INSERT INTO audit_log (tenant, actor, actor_login, actor_tenant, action, receipts, detail)
     VALUES ($1, $2, $3, $4, $5, ($6::text)::text[], ($7::text)::jsonb)`,
    [
      e.tenant,
      e.actor.id,
      e.actor.login,
      e.actor.tenant,
      e.action,
      textArray(e.receipts),
      JSON.stringify(e.detail),
    ],
  );
}

/** What to read from the log. */
export interface AuditQuery {
  /** Only rows naming this receipt. */
  receipt?: string | null;
  /** Only this actor's login. */
  login?: string | null;
  action?: AuditAction | null;
  from?: Date | null;
  to?: Date | null;
  /** Narrows an all-tenants scope to one tenant. */
  tenant?: string | null;
  /** Rows before this id (the next page). */
  beforeId?: number | null;
  limit: number;
}

/** Reads the log, newest first, under `scope`; reading it is not itself recorded. */
export async function readAudit(db: Database, scope: Scope, q: AuditQuery): Promise<AuditRow[]> {
  return await inScope(db, scope, async (sql) => {
    const params: unknown[] = [];
    const where = [tenantCondition(scope, "tenant", params, q.tenant)];
    const add = (cond: (n: number) => string, v: unknown) => {
      params.push(v);
      where.push(cond(params.length));
    };
    if (q.receipt) add((n) => `receipts @> ARRAY[$${n}::text]`, q.receipt);
    if (q.login) add((n) => `actor_login = $${n}`, q.login);
    if (q.action) add((n) => `action = $${n}`, q.action);
    if (q.from) add((n) => `at >= $${n}::timestamptz`, q.from.toISOString());
    if (q.to) add((n) => `at < $${n}::timestamptz`, q.to.toISOString());
    if (q.beforeId) add((n) => `id < $${n}::bigint`, q.beforeId);
    params.push(Math.max(1, Math.min(q.limit, 100_000)));
    const rows = await sql.query<Record<string, unknown>>(
      `SELECT id, at, tenant, actor, actor_login, actor_tenant, action, receipts, detail
         FROM audit_log WHERE ${where.join(" AND ")}
        ORDER BY at DESC, id DESC LIMIT $${params.length}::int`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at as string),
      tenant: r.tenant as string,
      actor: r.actor as string,
      actorLogin: r.actor_login as string,
      actorTenant: r.actor_tenant as string,
      action: r.action as AuditAction,
      receipts: (r.receipts as string[]) ?? [],
      detail: (typeof r.detail === "string" ? JSON.parse(r.detail) : r.detail) as Record<
        string,
        unknown
      >,
    }));
  });
}

/** Records an event in its own transaction (account events outside any read). */
export async function logEvent(
  db: Database,
  access: Access,
  e: { tenant: string; actor: Actor; action: AuditAction; detail?: Record<string, unknown> },
): Promise<void> {
  await inScope(db, access, (sql) => recordEvent(sql, e));
}

/** The actor of sign-in attempts for names no account has. */
export const NOBODY: Actor = { id: "-", login: "-", tenant: PROVIDER_TENANT };
