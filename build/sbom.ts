/**
 * A CycloneDX 1.5 SBOM (JSON) of one product: the kit itself, the Deno runtime it is
 * compiled onto, and every npm package the binary embeds — exactly the cut lockfile the
 * build compiled with, each with its npm integrity hash and its dependencies.
 *
 * @module
 */
import type { Lockfile } from "./runtime_config.ts";

/** What the SBOM describes. */
export interface SbomInput {
  /** The binary's product name and the kit's version. */
  name: string;
  version: string;
  /** The brand's provider, as the supplier. */
  supplier: string;
  denoVersion: string;
  builtAt: string;
  commit: string | null;
  /** The cut lockfile the build used. */
  lock: Lockfile;
  /** A serial number (`urn:uuid:…`); random when absent. */
  serialNumber?: string;
}

/** The package URL of an npm package: `pkg:npm/%40scope/name@1.0.0`. */
export function npmPurl(name: string, version: string): string {
  return `pkg:npm/${name.replace(/^@/, "%40")}@${version}`;
}

/** An npm integrity (`sha512-<base64>`) as a CycloneDX hash, or null for other algorithms. */
export function integrityHash(
  integrity: string | undefined,
): { alg: string; content: string } | null {
  const m = integrity?.match(/^sha(256|384|512)-(.+)$/);
  if (!m) return null;
  const bytes = Uint8Array.from(atob(m[2]), (c) => c.charCodeAt(0));
  return {
    alg: `SHA-${m[1]}`,
    content: [...bytes].map((b) => b.toString(16).padStart(2, "0")).join(""),
  };
}

/** Splits a lockfile key `name@version[_peer@x]` into name and version. */
function splitKey(key: string): { name: string; version: string } {
  const at = key.indexOf("@", 1);
  return { name: key.slice(0, at), version: key.slice(at + 1).replace(/_.*$/, "") };
}

/** Builds the SBOM. */
export function cycloneDx(input: SbomInput): Record<string, unknown> {
  const npm = input.lock.npm ?? {};
  const rootRef = `${input.name}@${input.version}`;
  const refOf = (key: string) => {
    const { name, version } = splitKey(key);
    return npmPurl(name, version);
  };
  const keyOfDep = (dep: string) =>
    dep.lastIndexOf("@") > 0 ? dep : Object.keys(npm).find((k) => k.startsWith(`${dep}@`))!;
  const components = Object.keys(npm).sort().map((key) => {
    const { name, version } = splitKey(key);
    const scoped = name.match(/^(@[^/]+)\/(.+)$/);
    const hash = integrityHash(npm[key].integrity);
    return {
      type: "library",
      "bom-ref": refOf(key),
      ...(scoped ? { group: scoped[1], name: scoped[2] } : { name }),
      version,
      purl: npmPurl(name, version),
      ...(hash ? { hashes: [hash] } : {}),
    };
  });
  const denoRef = `pkg:github/denoland/deno@v${input.denoVersion}`;
  const direct = Object.entries(input.lock.specifiers ?? {}).map(([spec, resolved]) =>
    refOf(`${spec.replace(/^npm:/, "").replace(/@[^@]*$/, "")}@${resolved}`)
  );
  return {
    bomFormat: "CycloneDX",
    specVersion: "1.5",
    serialNumber: input.serialNumber ?? `urn:uuid:${crypto.randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: input.builtAt,
      tools: { components: [{ type: "application", name: "kiriwake build/sbom.ts" }] },
      component: {
        type: "application",
        "bom-ref": rootRef,
        name: input.name,
        version: input.version,
        supplier: { name: input.supplier },
        ...(input.commit ? { properties: [{ name: "kiriwake:commit", value: input.commit }] } : {}),
      },
    },
    components: [
      {
        type: "application",
        "bom-ref": denoRef,
        name: "denort",
        version: input.denoVersion,
        description: "The Deno runtime deno compile builds the binary on",
        purl: denoRef,
      },
      ...components,
    ],
    dependencies: [
      { ref: rootRef, dependsOn: [denoRef, ...[...new Set(direct)].sort()] },
      ...Object.keys(npm).sort().map((key) => ({
        ref: refOf(key),
        dependsOn: (npm[key].dependencies ?? []).map((d) => refOf(keyOfDep(d))).sort(),
      })),
    ],
  };
}
