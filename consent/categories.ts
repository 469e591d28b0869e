/**
 * Parsing and describing the data categories a customer consents to.
 *
 * @module
 */
import { UsageError } from "../util/errors.ts";
import { DATA_CATEGORIES, type DataCategory } from "../util/data_categories.ts";
import type { Localized } from "../util/text.ts";

/** What each category covers, for prompts and the dry run. */
export const CATEGORY_TEXT: Record<DataCategory, Localized> = {
  device: { ja: "端末情報 (OS、CPU、メモリ)", en: "device (OS, hardware)" },
  network: {
    ja: "ネットワーク情報 (IP アドレス、経路、DNS サーバー、インターフェイス名)",
    en: "network (addresses, routes, resolvers, interface names)",
  },
  identifiers: {
    ja: "識別子 (ホスト名、ユーザー名、MAC、SSID/BSSID、グローバル IP、シリアル番号)",
    en: "identifiers (host name, user name, MAC, SSID/BSSID, public IP, serial numbers)",
  },
  measurements: { ja: "測定値 (応答時間、速度、損失)", en: "measurements (timings, rates, loss)" },
};

/**
 * Parses `all` or a comma list like `device,measurements`.
 *
 * @throws {UsageError} naming the unknown category
 */
export function parseCategories(text: string, flag = "--consent"): DataCategory[] {
  const t = text.trim();
  if (t === "all") return [...DATA_CATEGORIES];
  const parts = t.split(",").map((s) => s.trim()).filter(Boolean);
  const out: DataCategory[] = [];
  for (const p of parts) {
    if (!(DATA_CATEGORIES as readonly string[]).includes(p)) {
      throw new UsageError({
        ja: `${flag}: 不明なデータ区分 "${p}"（all または ${DATA_CATEGORIES.join(", ")}）`,
        en: `${flag}: unknown data category "${p}" (use all or ${DATA_CATEGORIES.join(", ")})`,
      });
    }
    if (!out.includes(p as DataCategory)) out.push(p as DataCategory);
  }
  if (out.length === 0) {
    throw new UsageError({
      ja: `${flag}: データ区分が空です`,
      en: `${flag}: no data category given`,
    });
  }
  return DATA_CATEGORIES.filter((c) => out.includes(c));
}
