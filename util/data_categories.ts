/**
 * The data categories a customer consents to separately: the vocabulary the brand, the
 * probes, the consent decision and the report all speak. What each covers, and how a
 * customer's answer is parsed, is `consent/`'s business.
 *
 * @module
 */

/** The data categories a customer consents to separately. */
export const DATA_CATEGORIES = ["device", "network", "identifiers", "measurements"] as const;
/** One consentable data category. */
export type DataCategory = typeof DATA_CATEGORIES[number];
