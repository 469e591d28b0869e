/**
 * Staff roles of the console and what each may do. An agent reads its tenant's reports; a
 * tenant admin also manages its tenant's staff and retention and reads its audit log; a
 * provider admin does all of that for every tenant. The scope a staff member reads under is
 * derived here, in one place: a provider admin holds the all-tenants capability, everyone
 * else their own tenant.
 *
 * @example
 * ```ts
 * import { can, scopeOf } from "./roles.ts";
 * const agent = { id: "s1", tenant: "acme", login: "aiko", role: "agent" } as const;
 * can(agent, "manage-staff"); // false
 * scopeOf(agent).describe(); // "tenant acme"
 * ```
 *
 * @module
 */
import { PROVIDER_TENANT, Scope } from "./scope.ts";

/** The roles. */
export const ROLES = ["agent", "tenant-admin", "provider-admin"] as const;
/** A role. */
export type Role = typeof ROLES[number];

/** What a role may do. */
export type Permission =
  | "read-reports"
  | "manage-staff"
  | "set-retention"
  | "read-audit"
  | "all-tenants";

const GRANTS: Record<Role, readonly Permission[]> = {
  "agent": ["read-reports"],
  "tenant-admin": ["read-reports", "manage-staff", "set-retention", "read-audit"],
  "provider-admin": ["read-reports", "manage-staff", "set-retention", "read-audit", "all-tenants"],
};

/** Who a signed-in staff member is (as far as permissions go). */
export interface StaffIdentity {
  id: string;
  tenant: string;
  login: string;
  role: Role;
}

/** True when `staff` may do `what`. */
export function can(staff: StaffIdentity, what: Permission): boolean {
  return GRANTS[staff.role]?.includes(what) ?? false;
}

/** The scope `staff` reads under. */
export function scopeOf(staff: StaffIdentity): Scope {
  if (staff.role === "provider-admin") {
    if (staff.tenant !== PROVIDER_TENANT) {
      throw new TypeError(`A provider admin belongs to ${PROVIDER_TENANT}, not ${staff.tenant}`);
    }
    return Scope.allTenants(`staff:${staff.login}`);
  }
  return Scope.tenant(staff.tenant);
}

/**
 * True when `actor` may give `role` to an account of `tenant`: admins manage their own
 * tenant (a provider admin every tenant), and only a provider admin makes another.
 */
export function mayGrant(actor: StaffIdentity, tenant: string, role: Role): boolean {
  if (!can(actor, "manage-staff")) return false;
  if (role === "provider-admin") return actor.role === "provider-admin";
  return can(actor, "all-tenants") || actor.tenant === tenant;
}

/** True for a known role name. */
export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}
