/**
 * Checks a provider's brand file before a build embeds it, and names every problem at once:
 * the brand schema, the terms texts against their declared SHA-256, the keys, the default
 * run configuration against the run-config schema, and the build targets against the OSes
 * the brand supports. The kit checks the brand again when it starts; this check makes a
 * broken brand fail the build instead of every customer's first run.
 *
 * @module
 */
import { type Brand, brandSchema } from "../brand/schema.ts";
import { runConfigSchema } from "../probes/config.ts";
import { sha256Hex } from "../util/crypto.ts";
import { formatPath } from "../util/zod_issues.ts";
import type { Target } from "./compile_args.ts";

/** The outcome of {@link checkBrand}. */
export type BrandCheck =
  | { ok: true; brand: Brand }
  | { ok: false; problems: string[] };

/** The OS a target runs on, as the brand's `os.supported` names it. */
export function targetOs(target: Target): "windows" | "darwin" | "linux" {
  return target.includes("windows") ? "windows" : target.includes("apple") ? "darwin" : "linux";
}

/**
 * Checks parsed brand JSON for building `targets`.
 *
 * @example
 * ```ts
 * const input = JSON.parse(await Deno.readTextFile("brand/brand.json"));
 * const r = await checkBrand(input, ["x86_64-pc-windows-msvc"]);
 * if (!r.ok) console.error(r.problems.join("\n"));
 * ```
 */
export async function checkBrand(input: unknown, targets: readonly Target[]): Promise<BrandCheck> {
  const parsed = brandSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => {
        const keys = i.code === "unrecognized_keys" ? ` (${i.keys.join(", ")})` : "";
        return `${formatPath(i.path) || "(top level)"}: ${i.message}${keys}`;
      }),
    };
  }
  const brand = parsed.data;
  const problems: string[] = [];
  for (const lang of ["ja", "en"] as const) {
    const actual = await sha256Hex(brand.terms.text[lang]);
    if (actual !== brand.terms.sha256[lang]) {
      problems.push(
        `terms.sha256.${lang}: does not match terms.text.${lang}, whose SHA-256 is ${actual}`,
      );
    }
  }
  if (brand.licence.required && brand.licence.publicKeys.length === 0) {
    problems.push(
      "licence.publicKeys: empty while licence.required is true: no licence could verify",
    );
  }
  if (brand.plugins.unsigned === "refuse" && brand.plugins.publicKeys.length === 0) {
    problems.push(
      'plugins.publicKeys: empty while plugins.unsigned is "refuse": no manifest could load',
    );
  }
  problems.push(...defaultConfigProblems(brand.defaultConfig));
  for (const t of targets) {
    const os = targetOs(t);
    if (!brand.os.supported.includes(os)) {
      problems.push(
        `os.supported: lists ${
          brand.os.supported.join(", ")
        }, not ${os}, so ${t} is not built for this brand`,
      );
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, brand };
}

/** What is wrong with the brand's default run configuration, prefixed `defaultConfig.`. */
function defaultConfigProblems(input: unknown): string[] {
  const r = runConfigSchema.safeParse(input);
  if (!r.success) {
    return r.error.issues.map((i) => {
      const keys = i.code === "unrecognized_keys" ? ` (${i.keys.join(", ")})` : "";
      return `${formatPath(["defaultConfig", ...i.path])}: ${i.message}${keys}`;
    });
  }
  const problems: string[] = [];
  for (const [i, t] of r.data.http.targets.entries()) {
    // A file path means nothing inside a binary: a brand carries its CA certificates inline.
    if (t.caCertFile) {
      problems.push(
        `defaultConfig.http.targets[${i}].caCertFile: use caCerts (PEM text) in a brand`,
      );
    }
    if (t.resolver && !r.data.dns.resolvers.some((x) => x.name === t.resolver)) {
      problems.push(
        `defaultConfig.http.targets[${i}].resolver: no resolver named "${t.resolver}" in dns.resolvers`,
      );
    }
  }
  return problems;
}
