/**
 * Whose data a query may touch. Every method of the data-access layer (`store.ts`) takes a
 * `Scope` first and there is no way to call one without: a tenant is named explicitly, a
 * provider admin (or a provider-wide job) holds the explicit all-tenants capability, and a
 * customer withdrawing a report proves it with the deletion token's hash. A missing,
 * empty or forged value is a thrown error, never "everything".
 *
 * @example
 * ```ts
 * import { Scope } from "./scope.ts";
 * Scope.tenant("acme").describe(); // "tenant acme"
 * Scope.allTenants("retention").describe(); // "all tenants (retention)"
 * ```
 *
 * @module
 */

/** The tenant of reports sent without a valid licence: the provider's own customers. */
export const PROVIDER_TENANT = "_provider";

const MINT = Symbol("scope");

/** The settings a scope puts on its transaction (read by row-level security). */
export interface ScopeSettings {
  tenant: string;
  allTenants: "on" | "off";
  deletionSha256: string;
}

/** A checked scope; made only by its static constructors. */
export class Scope {
  /** `tenant`, `all-tenants` or `withdrawal`. */
  readonly kind: "tenant" | "all-tenants" | "withdrawal";
  /** The tenant id (`tenant` scopes only). */
  readonly tenant: string | null;
  /** Who holds the all-tenants capability, for the audit log (`all-tenants` only). */
  readonly actor: string | null;
  /** The deletion token's SHA-256 (`withdrawal` only). */
  readonly deletionSha256: string | null;

  private constructor(
    mint: symbol,
    kind: Scope["kind"],
    fields: { tenant?: string; actor?: string; deletionSha256?: string },
  ) {
    if (mint !== MINT) throw new TypeError("A Scope is made by Scope.tenant/allTenants/withdrawal");
    this.kind = kind;
    this.tenant = fields.tenant ?? null;
    this.actor = fields.actor ?? null;
    this.deletionSha256 = fields.deletionSha256 ?? null;
    Object.freeze(this);
  }

  /**
   * One tenant's data only.
   *
   * @throws {TypeError} when `tenant` is not a non-empty string
   */
  static tenant(tenant: string): Scope {
    if (typeof tenant !== "string" || tenant.trim() === "" || tenant.length > 200) {
      throw new TypeError(`A tenant scope needs a tenant id: got ${JSON.stringify(tenant)}`);
    }
    return new Scope(MINT, "tenant", { tenant });
  }

  /**
   * Every tenant: a provider admin, or a provider-wide job (retention). `actor` names who,
   * for the audit log.
   *
   * @throws {TypeError} when `actor` is empty
   */
  static allTenants(actor: string): Scope {
    if (typeof actor !== "string" || actor.trim() === "") {
      throw new TypeError("The all-tenants capability needs an actor for the audit log");
    }
    return new Scope(MINT, "all-tenants", { actor });
  }

  /**
   * Only the report whose deletion token hashes to `deletionSha256` (a customer
   * withdrawing what they sent; the token itself is the proof).
   *
   * @throws {TypeError} when `deletionSha256` is not 64 lowercase hex digits
   */
  static withdrawal(deletionSha256: string): Scope {
    if (typeof deletionSha256 !== "string" || !/^[0-9a-f]{64}$/.test(deletionSha256)) {
      throw new TypeError("A withdrawal scope needs the deletion token's SHA-256");
    }
    return new Scope(MINT, "withdrawal", { deletionSha256 });
  }

  /** The transaction settings row-level security reads. Unused ones are empty strings. */
  settings(): ScopeSettings {
    return {
      tenant: this.tenant ?? "",
      allTenants: this.kind === "all-tenants" ? "on" : "off",
      deletionSha256: this.deletionSha256 ?? "",
    };
  }

  /** For logs and errors. */
  describe(): string {
    if (this.kind === "tenant") return `tenant ${this.tenant}`;
    if (this.kind === "all-tenants") return `all tenants (${this.actor})`;
    return "withdrawal";
  }
}

/**
 * Checks at run time that `scope` is a real {@link Scope} (a JavaScript caller, or a cast,
 * could pass anything).
 *
 * @throws {TypeError} when it is not
 */
export function requireScope(scope: unknown): Scope {
  if (!(scope instanceof Scope)) {
    throw new TypeError("Every query of the collector store needs a Scope");
  }
  return scope;
}
