/**
 * Reads the "Embedded Files" tree that `deno compile` prints, so a test can check exactly
 * what went into a binary: the kit's modules, the npm packages, and nothing else.
 *
 * The tree looks like this (a `/*` entry stands for a whole directory):
 *
 * ```text
 * kiriwake-x86_64-unknown-linux-gnu
 * ├─┬ .deno_compile_node_modules (8.2MB - 8.1MB unique)
 * │ └─┬ localhost (8.2MB - 8.1MB unique)
 * │   ├── hono/4.13.19/* (1.27MB - 1.27MB unique)
 * ├── brand/* (27.63KB)
 * └── main.ts (10.05KB)
 * ```
 *
 * @module
 */

/** One leaf of the tree: a file, or a whole directory (`/*`). */
export interface EmbeddedEntry {
  /** Slash-separated path from the binary's root, e.g. `speed/server_worker.ts`. */
  path: string;
  /** True for `dir/*`: everything under `path` (without the `/*`). */
  wholeDir: boolean;
  /** The size deno printed, in bytes (its units are powers of 1024). */
  bytes: number;
}

/** The embedded files and the totals deno printed under the tree. */
export interface EmbeddedList {
  entries: EmbeddedEntry[];
  /** "Files:" total in bytes, or null when absent. */
  filesBytes: number | null;
}

const NPM_ROOT = ".deno_compile_node_modules/localhost/";

/** Parses a size as deno prints it: `3.9KB`, `22.55MB`, `12B`. */
export function parseSize(text: string): number {
  const m = text.trim().match(/^([\d.]+)\s*(B|KB|MB|GB)$/);
  if (!m) throw new SyntaxError(`Cannot parse size "${text}"`);
  const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[m[2] as "B"];
  return Math.round(Number(m[1]) * unit);
}

/**
 * Parses `deno compile` output (colours off). Lines before "Embedded Files" are ignored.
 *
 * @throws {SyntaxError} when there is no tree, or a line of it cannot be read
 */
export function parseEmbeddedList(output: string): EmbeddedList {
  const lines = output.replace(/\r\n/g, "\n").split("\n");
  const start = lines.findIndex((l) => l.trim() === "Embedded Files");
  if (start < 0) throw new SyntaxError('No "Embedded Files" section in the compile output');
  // Skip the blank line and the binary's own name.
  let i = start + 1;
  while (i < lines.length && lines[i].trim() === "") i++;
  i++;
  const stack: { name: string; depth: number }[] = [];
  const entries: EmbeddedEntry[] = [];
  for (; i < lines.length && lines[i].trim() !== ""; i++) {
    const m = lines[i].match(/^([│├└─┬ ]+)([^│├└─┬ ].*?) \((\S+)(?: - \S+ unique)?\)$/);
    if (!m) throw new SyntaxError(`Cannot read embedded-files line "${lines[i]}"`);
    const depth = (m[1].length - 4) / 2;
    const parent = m[1].trimEnd().endsWith("┬");
    while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
    const path = [...stack.map((s) => s.name), m[2]].join("/");
    if (parent) stack.push({ name: m[2], depth });
    else {
      const wholeDir = path.endsWith("/*");
      entries.push({ path: wholeDir ? path.slice(0, -2) : path, wholeDir, bytes: parseSize(m[3]) });
    }
  }
  const files = lines.find((l) => l.startsWith("Files:"));
  return { entries, filesBytes: files ? parseSize(files.slice("Files:".length)) : null };
}

/** The npm packages in the list, by name (`hono`, `@jridgewell/gen-mapping`), sorted. */
export function npmPackages(list: EmbeddedList): string[] {
  const names = new Set<string>();
  for (const e of list.entries) {
    if (!e.path.startsWith(NPM_ROOT)) continue;
    const parts = e.path.slice(NPM_ROOT.length).split("/");
    names.add(parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]);
  }
  return [...names].sort();
}

/** The entries that are not npm packages: the kit's own files. */
export function localEntries(list: EmbeddedList): EmbeddedEntry[] {
  return list.entries.filter((e) => !e.path.startsWith(NPM_ROOT.split("/")[0]));
}
