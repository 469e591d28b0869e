/**
 * The transaction every console query runs in: the role `kiriwake_app` and the scope's
 * settings, so PostgreSQL's row-level security holds the same boundary as the WHERE clauses
 * (the same settings `store.ts` uses). Besides a {@link Scope}, one more access exists:
 * {@link SIGNING_IN}, for finding an account by its sign-in name or a session by its token
 * hash before the tenant is known (`collector/accounts.ts` only); it opens the account
 * tables and nothing of any report.
 *
 * @module
 */
import type { Database, Sql } from "./db.ts";
import { requireScope, Scope } from "./scope.ts";
import { APP_ROLE } from "./store.ts";

/** The access of sign-in and session checks: account tables only, no report. */
export const SIGNING_IN: unique symbol = Symbol("signing in");

/** Whose rows a transaction may touch. */
export type Access = Scope | typeof SIGNING_IN;

/**
 * Runs `fn` in a transaction under `access`.
 *
 * @throws {TypeError} when `access` is neither a Scope nor {@link SIGNING_IN}
 */
export async function inScope<T>(
  db: Database,
  access: Access,
  fn: (sql: Sql) => Promise<T>,
): Promise<T> {
  const auth = access === SIGNING_IN;
  const s = auth
    ? { tenant: "", allTenants: "off", deletionSha256: "" }
    : requireScope(access).settings();
  return await db.transaction(async (sql) => {
    await sql.query(
      `SELECT set_config('role', $1, true), set_config('kiriwake.tenant', $2, true),
              set_config('kiriwake.all_tenants', $3, true),
              set_config('kiriwake.deletion_sha256', $4, true),
              set_config('kiriwake.auth', $5, true)`,
      [APP_ROLE, s.tenant, s.allTenants, s.deletionSha256, auth ? "on" : "off"],
    );
    return await fn(sql);
  });
}

/**
 * `WHERE`-clause help for a scope: a tenant scope names its tenant in every query (the first
 * wall, and it lets the planner use the tenant indexes); the all-tenants capability may
 * narrow to one tenant when asked.
 *
 * @param column the tenant column, e.g. `tenant` or `r.tenant`
 * @param params the query's parameters so far; the tenant is appended when needed
 * @param only a tenant to narrow an all-tenants scope to (ignored for tenant scopes)
 * @returns a condition (`TRUE` when nothing narrows)
 */
export function tenantCondition(
  scope: Scope,
  column: string,
  params: unknown[],
  only?: string | null,
): string {
  const tenant = scope.kind === "tenant" ? scope.tenant : only || null;
  if (scope.kind !== "tenant" && scope.kind !== "all-tenants") {
    throw new TypeError(`The console reads under a tenant or all tenants, not ${scope.describe()}`);
  }
  if (tenant === null) return "TRUE";
  params.push(tenant);
  return `${column} = $${params.length}`;
}

/**
 * A list as one PostgreSQL `text[]` literal, for a parameter written `($n::text)::text[]`. Both
 * drivers take it the same way: `postgres` sends a JS array as `a,b,c` (not an array) when it
 * has not learnt the array types of its connection yet, so arrays never go in as JS arrays.
 *
 * @example
 * ```ts
 * import { textArray } from "./scoped.ts";
 * textArray(["KW-7F3K-9HQC", 'a "b", c\\']); // '{"KW-7F3K-9HQC","a \\"b\\", c\\\\"}'
 * ```
 */
export function textArray(values: readonly string[]): string {
  return `{${
    values.map((v) => `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")
  }}`;
}

/** True when `scope` may see every tenant (a provider admin). */
export function seesAllTenants(scope: Scope): boolean {
  return requireScope(scope).kind === "all-tenants";
}

export { Scope };
