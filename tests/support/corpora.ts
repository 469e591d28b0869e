/**
 * Access to the shared upstream corpora (`../shared/corpora` beside the repository, as CI
 * has it; `KIRIWAKE_CORPORA` overrides). Tests that compare our parsers with another
 * project's expected parse use {@link corpusTest}: without the folder they skip saying why,
 * unless `CI` is set, where a missing folder fails.
 *
 * @module
 */

/** The corpora folder, or null when it is not there. Requires `--allow-read`, `--allow-env`. */
export function corporaDir(): string | null {
  const dir = Deno.env.get("KIRIWAKE_CORPORA") ||
    new URL("../../../shared/corpora", import.meta.url).pathname;
  try {
    return Deno.statSync(dir).isDirectory ? dir.replace(/\/$/, "") : null;
  } catch {
    return null;
  }
}

/** One upstream sample: raw output and that project's expected result. */
export interface Sample {
  /** Path below the corpora folder without extension, e.g. `telegraf/ping/linux/x`. */
  id: string;
  text: string;
  json: Record<string, unknown>;
}

/** Samples under `<source>/<command>/`, each `.out` with its `.json`. */
export function samples(dir: string, source: string, command: string): Sample[] {
  const out: Sample[] = [];
  const base = `${dir}/${source}/${command}`;
  for (const variant of [...Deno.readDirSync(base)].filter((e) => e.isDirectory)) {
    for (const f of Deno.readDirSync(`${base}/${variant.name}`)) {
      if (!f.name.endsWith(".out")) continue;
      const stem = `${base}/${variant.name}/${f.name.slice(0, -4)}`;
      out.push({
        id: stem.slice(dir.length + 1),
        text: Deno.readTextFileSync(`${stem}.out`),
        json: JSON.parse(Deno.readTextFileSync(`${stem}.json`)),
      });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** Registers a test that needs the corpora; skips with a printed reason when absent. */
export function corpusTest(name: string, fn: (dir: string) => void): void {
  const dir = corporaDir();
  const ci = Deno.env.get("CI") === "true";
  if (!dir && !ci) {
    console.log(`skip "${name}": no corpora at ../shared/corpora (set KIRIWAKE_CORPORA)`);
  }
  Deno.test({ name, ignore: !dir && !ci }, () => {
    if (!dir) throw new Error("CI is set but ../shared/corpora is missing");
    fn(dir);
  });
}

/** Asserts two numbers agree within `tol`, naming the sample and field. */
export function near(actual: unknown, expected: unknown, tol: number, what: string): void {
  if (typeof actual !== "number" || typeof expected !== "number") {
    throw new Error(`${what}: expected ${expected}, got ${actual}`);
  }
  if (Math.abs(actual - expected) > tol) {
    throw new Error(`${what}: expected ${expected} ± ${tol}, got ${actual}`);
  }
}
