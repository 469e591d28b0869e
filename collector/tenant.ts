/**
 * Whose report it is. The tenant is the licensee of the licence uploaded with the report,
 * when that licence verifies against the brand's licence keys, is for this product and is
 * not revoked by the status document; otherwise the provider's own tenant. The report's
 * self-declared licence block is never read for this. An expired licence still names its
 * licensee (a report queued on the last day of a contract belongs to that customer).
 *
 * @module
 */
import { verifyLicenceToken } from "../consent/licence_token.ts";
import type { VerifyKey } from "../util/crypto.ts";
import { PROVIDER_TENANT } from "./scope.ts";

/** Why an uploaded licence did not name the tenant. */
export type LicenceRefusal =
  | "none"
  | "malformed"
  | "unknown-key"
  | "bad-signature"
  | "wrong-product"
  | "revoked";

/** The tenant of an upload and the evidence for it. */
export interface TenantDecision {
  tenant: string;
  /** The verified licence's own id, or null. */
  licenceId: string | null;
  /** Null when the licence named the tenant. */
  refusal: LicenceRefusal | null;
}

/** Decides the tenant of an upload from its licence token text (if any). Never throws. */
export async function decideTenant(
  licenceText: string | undefined,
  keys: readonly VerifyKey[],
  product: string,
  revoked: ReadonlySet<string>,
): Promise<TenantDecision> {
  const provider = (refusal: LicenceRefusal): TenantDecision => ({
    tenant: PROVIDER_TENANT,
    licenceId: null,
    refusal,
  });
  if (licenceText === undefined) return provider("none");
  const evidence = await verifyLicenceToken(licenceText, keys);
  if (evidence.state === "none") return provider("none");
  if (evidence.state === "rejected") return provider(evidence.problem);
  const claims = evidence.claims;
  if (claims.product !== product) return provider("wrong-product");
  if (revoked.has(claims.id)) return provider("revoked");
  return { tenant: claims.licensee.id, licenceId: claims.id, refusal: null };
}
