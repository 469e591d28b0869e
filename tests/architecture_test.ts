/**
 * The architecture rule, as a test: folders follow the data flow and every import points
 * down it. Reads the real import graph (`deno info --json`, type-only imports included) of
 * every runtime file and fails on any import that goes up the chain, across the two faces
 * or between the session-level rooms, and on any file-level import cycle — naming the file
 * and the import. Tests, test helpers, benches and build scripts may import anything.
 */
import assert from "node:assert/strict";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join, relative } from "node:path";
import { LAYERS, roomOf, upwardImport } from "./support/layers.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Every runtime source file of the repo, relative to its root. */
async function runtimeFiles(): Promise<string[]> {
  const out = await new Deno.Command("git", {
    args: ["ls-files", "-co", "--exclude-standard"],
    cwd: ROOT,
  })
    .output();
  return new TextDecoder().decode(out.stdout).split("\n").filter((f) =>
    /\.tsx?$/.test(f) && roomOf(f) !== null
  );
}

interface InfoModule {
  specifier: string;
  dependencies?: {
    specifier: string;
    code?: { specifier: string };
    type?: { specifier: string };
  }[];
}

/** The import graph between repo files, from `deno info --json` of one module importing all. */
async function importGraph(files: string[]): Promise<Map<string, string[]>> {
  const dir = await Deno.makeTempDir({ prefix: "kw-arch-" });
  try {
    const entry = join(dir, "all.ts");
    await Deno.writeTextFile(
      entry,
      files.map((f) => `import type {} from "${pathToFileURL(join(ROOT, f)).href}";`).join("\n"),
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", "--config", join(ROOT, "deno.json"), entry],
      cwd: ROOT,
      stderr: "piped",
    }).output();
    assert.ok(out.success, `deno info failed: ${new TextDecoder().decode(out.stderr)}`);
    const info = JSON.parse(new TextDecoder().decode(out.stdout)) as { modules: InfoModule[] };
    const inRepo = (s: string) =>
      s.startsWith("file://") && !s.startsWith(pathToFileURL(dir).href)
        ? relative(ROOT, fileURLToPath(s))
        : null;
    const graph = new Map<string, string[]>();
    for (const m of info.modules) {
      const from = inRepo(m.specifier);
      if (from === null || !files.includes(from)) continue;
      const to = (m.dependencies ?? []).flatMap((d) => [d.code?.specifier, d.type?.specifier])
        .map((s) => s ? inRepo(s) : null)
        .filter((s): s is string => s !== null && s !== from);
      graph.set(from, [...new Set(to)]);
    }
    return graph;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** File-level cycles (strongly connected components of more than one file, or self loops). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>(), low = new Map<string, number>();
  const onStack = new Set<string>(), stack: string[] = [], found: string[][] = [];
  let next = 0;
  // Iterative Tarjan: the graph is a few hundred files, but recursion depth is no rule.
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    while (work.length) {
      const top = work[work.length - 1];
      const [v, i] = top;
      if (i === 0) {
        index.set(v, next);
        low.set(v, next++);
        stack.push(v);
        onStack.add(v);
      }
      const deps = (graph.get(v) ?? []).filter((w) => graph.has(w));
      if (i < deps.length) {
        top[1]++;
        const w = deps[i];
        if (!index.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const u = work[work.length - 1][0];
        low.set(u, Math.min(low.get(u)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1) found.push(scc.sort());
      }
    }
  }
  return found;
}

const files = await runtimeFiles();
const graph = await importGraph(files);

Deno.test("architecture: every runtime file is in a room of the chain", () => {
  assert.ok(files.length > 150, `only ${files.length} runtime files found`);
  assert.equal(graph.size, files.length, "deno info saw every runtime file");
  for (const f of files) assert.ok(LAYERS[roomOf(f)!] !== undefined, f);
});

Deno.test("architecture: no import goes up the chain, across the faces or between peers", () => {
  const wrong: string[] = [];
  for (const [from, deps] of graph) {
    for (const to of deps) {
      const why = upwardImport(from, to);
      if (why) wrong.push(`${from} imports ${to}: ${why}`);
    }
  }
  assert.deepEqual(wrong, [], `${wrong.length} imports break the chain:\n${wrong.join("\n")}`);
});

Deno.test("architecture: no file-level import cycles", () => {
  const found = cycles(graph);
  assert.deepEqual(found, [], found.map((c) => `cycle: ${c.join(" → ")}`).join("\n"));
});

Deno.test("upwardImport() names what is wrong with an import", () => {
  assert.equal(upwardImport("probes/runner.ts", "util/text.ts"), null);
  assert.match(upwardImport("consent/gate.ts", "cli/io.ts")!, /consent \(3\) .* cli \(11\)/);
  assert.match(upwardImport("cli/run.ts", "web/app.tsx")!, /faces/);
  assert.match(upwardImport("watch/store.ts", "collector/store.ts")!, /peers/);
  assert.equal(upwardImport("session/watch.ts", "watch/store.ts"), null);
  assert.match(upwardImport("collector/ingest.ts", "session/run.ts")!, /sits below/);
  assert.equal(cycles(new Map([["a", ["b"]], ["b", ["a"]], ["c", ["a"]]])).length, 1);
});
