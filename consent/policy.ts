/**
 * Brand policy checks made before a run: is this OS supported, and what is the licence
 * state. (Licence tokens are verified by the licence module; until one is installed a
 * brand that requires a licence refuses to run.)
 *
 * @module
 */
import type { Brand } from "../build/brand_schema.ts";
import { RefusedError } from "../errors.ts";
import type { ReportBody } from "../report/schema.ts";

/**
 * Checks `os` against the brand's supported list.
 *
 * @returns a warning to show, or null
 * @throws {RefusedError} when the brand refuses other OSes
 */
export function checkOsPolicy(brand: Brand, os: string): { ja: string; en: string } | null {
  if ((brand.os.supported as string[]).includes(os)) return null;
  const text = {
    ja: `この OS (${os}) は ${brand.product} の対応 OS (${
      brand.os.supported.join(", ")
    }) ではありません`,
    en: `This OS (${os}) is not one ${brand.product} supports (${brand.os.supported.join(", ")})`,
  };
  if (brand.os.elsewhere === "refuse") throw new RefusedError(text);
  return text;
}

/**
 * The licence state for the report.
 *
 * @throws {RefusedError} when the brand requires a licence and none is valid
 */
export function licenceState(brand: Brand): ReportBody["licence"] {
  if (!brand.licence.required) return { required: false, status: "not-required" };
  throw new RefusedError({
    ja: `${brand.product} の利用にはライセンスが必要ですが、インストールされていません`,
    en: `${brand.product} needs a licence, and none is installed`,
  });
}
