/**
 * The one guard between a path from outside and the file system: a path taken from a web
 * request or a plugin manifest is accepted only when it names a file inside the directory it
 * belongs to (one the user named, the manifest's own), after resolving `..`, absolute paths,
 * drive letters and symbolic links.
 *
 * @module
 */
import { realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";

/**
 * Resolves `rel` inside `root`; null when it would leave `root` (lexically or through a
 * symbolic link) or does not exist.
 *
 * Requires `--allow-read` of `root`.
 *
 * @example
 * ```ts
 * await resolveWithin("/reports", "2026/report.json"); // "/reports/2026/report.json"
 * await resolveWithin("/reports", "../etc/passwd");     // null
 * ```
 */
export async function resolveWithin(root: string, rel: string): Promise<string | null> {
  if (!lexicallyInside(rel)) return null;
  const base = resolve(root);
  const full = resolve(base, rel);
  if (!inside(base, full)) return null;
  try {
    const [realBase, realFull] = await Promise.all([realpath(base), realpath(full)]);
    return inside(realBase, realFull) ? full : null;
  } catch {
    return null;
  }
}

/** True when `rel` is a plain relative path with no way up or out. */
export function lexicallyInside(rel: string): boolean {
  if (rel === "" || rel.includes("\0") || rel.length > 1024) return false;
  // Reject both separators whatever the OS: a report ref is always written with "/".
  if (isAbsolute(rel) || /^[a-zA-Z]:/.test(rel) || rel.startsWith("\\") || rel.startsWith("/")) {
    return false;
  }
  return !rel.split(/[\\/]/).some((part) => part === ".." || part === "");
}

function inside(base: string, full: string): boolean {
  const r = relative(base, full);
  return r !== "" && !r.startsWith(`..${sep}`) && r !== ".." && !isAbsolute(r);
}
