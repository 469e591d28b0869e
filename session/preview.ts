/**
 * The redaction preview behind `kiriwake run --dry-run`: for the planned probes and the
 * categories a run would have, what would be recorded per category, which probes would be
 * skipped and why, and which identifiers of this device would be masked (or kept). Pure:
 * it measures nothing and is given everything it shows.
 *
 * @module
 */
import { type Probe, type Segment } from "../probes/types.ts";
import { type Identifier, mask } from "../util/redact.ts";
import type { Localized } from "../util/text.ts";
import { DATA_CATEGORIES, type DataCategory } from "../util/data_categories.ts";

/** Where the previewed categories come from. */
export type PreviewBasis = "consent-flag" | "record" | "default";

/** One category in the preview. */
export interface CategoryPreview {
  category: DataCategory;
  recorded: boolean;
  /** Probes that need it. */
  probes: string[];
}

/** One probe in the preview. */
export interface ProbePreview {
  id: string;
  title: Localized;
  segment: Segment;
  categories: DataCategory[];
  runs: boolean;
  reason?: Localized;
}

/** The whole preview. */
export interface Preview {
  basis: PreviewBasis;
  granted: DataCategory[];
  categories: CategoryPreview[];
  probes: ProbePreview[];
  /** This device's identifiers and what the report would hold in their place. */
  identifiers: { kind: string; value: string; inReport: string }[];
}

/**
 * Builds the preview.
 *
 * @param os the OS the probes' platforms are checked against
 */
export function buildPreview(
  probes: readonly Probe[],
  granted: readonly DataCategory[],
  basis: PreviewBasis,
  os: string,
  identifiers: readonly Identifier[],
): Preview {
  const keep = granted.includes("identifiers");
  return {
    basis,
    granted: DATA_CATEGORIES.filter((c) => granted.includes(c)),
    categories: DATA_CATEGORIES.map((category) => ({
      category,
      recorded: granted.includes(category),
      probes: probes.filter((p) => p.dataCategories.includes(category)).map((p) => p.id),
    })),
    probes: probes.map((p) => {
      const refused = p.dataCategories.filter((c) => !granted.includes(c));
      const reason: Localized | undefined = !(p.platforms as readonly string[]).includes(os)
        ? { ja: `この OS (${os}) では測定できません`, en: `Not available on this OS (${os})` }
        : refused.length > 0
        ? {
          ja: `同意されていないデータ区分が必要です: ${refused.join(", ")}`,
          en: `Needs data categories that were not consented: ${refused.join(", ")}`,
        }
        : undefined;
      return {
        id: p.id,
        title: p.title,
        segment: p.segment,
        categories: [...p.dataCategories],
        runs: reason === undefined,
        ...(reason ? { reason } : {}),
      };
    }),
    identifiers: identifiers.map((i) => ({
      kind: i.kind,
      value: i.value,
      inReport: keep ? i.value : mask(i.kind),
    })),
  };
}
