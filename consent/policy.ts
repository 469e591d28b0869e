/**
 * What a brand requires of a run, in the shape the decision takes: the current terms and
 * their hashes, the categories that cannot be refused, the licence policy and the OS
 * policy. The brand is fixed at build time; only the OS and the run's request vary.
 *
 * @module
 */
import type { Brand } from "../brand/schema.ts";
import type { TermsFacts } from "./terms.ts";
import { DATA_CATEGORIES, type DataCategory } from "../util/data_categories.ts";
import type { Requirements } from "./requirements.ts";

/** The categories `brand` requires: every one it does not list as optional. */
export function requiredCategories(brand: Brand): DataCategory[] {
  return DATA_CATEGORIES.filter((c) => !brand.optionalCategories.includes(c));
}

/**
 * Builds the requirements of one run.
 *
 * @param terms the hashes of the current terms ({@link termsFacts})
 * @param os the OS the kit runs on, as in `Deno.build.os`
 * @param requested the categories asked for with `--consent`, or null
 */
export function requirementsOf(
  brand: Brand,
  terms: TermsFacts,
  os: string,
  requested: readonly DataCategory[] | null,
): Requirements {
  return {
    product: brand.product,
    terms: { version: terms.version, declared: terms.declared, actual: terms.actual },
    required: requiredCategories(brand),
    requested,
    licence: {
      required: brand.licence.required,
      product: brand.id,
      clockSkewMs: brand.licence.clockSkewSeconds * 1000,
    },
    os: { current: os, supported: brand.os.supported, elsewhere: brand.os.elsewhere },
  };
}
