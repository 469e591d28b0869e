/**
 * Running commands inside network namespaces, and the checks that say whether this machine
 * can build them at all (root, `ip`, `iptables`, `tc`).
 *
 * @module
 */

/** The outcome of one command. */
export interface CmdResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link run}. */
export interface RunOpts {
  /** Text written to stdin. */
  input?: string;
  /** Resolve with the result instead of throwing on a non-zero exit. */
  allowFail?: boolean;
}

/**
 * Runs `argv` (in namespace `ns` when given, through `ip netns exec`) and returns its output.
 *
 * @throws {Error} naming the command and its stderr when it exits non-zero (unless `allowFail`)
 */
export async function run(
  ns: string | null,
  argv: readonly string[],
  opts: RunOpts = {},
): Promise<CmdResult> {
  const full = ns ? ["ip", "netns", "exec", ns, ...argv] : [...argv];
  const child = new Deno.Command(full[0], {
    args: full.slice(1),
    stdin: opts.input === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (opts.input !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(opts.input));
    await w.close();
  }
  const out = await child.output();
  const res = {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
  if (res.code !== 0 && !opts.allowFail) {
    throw new Error(
      `Command failed (exit ${res.code}): ${full.join(" ")}: ${
        res.stderr.trim() || res.stdout.trim()
      }`,
    );
  }
  return res;
}

/** Why this machine cannot build the topology, or null when it can. */
export async function labUnavailable(): Promise<string | null> {
  if (Deno.build.os !== "linux") return "network namespaces need Linux";
  if (Deno.uid?.() !== 0) return "building network namespaces needs root";
  for (
    const [tool, args] of [["ip", ["-V"]], ["iptables", ["-V"]], ["ip6tables", ["-V"]], [
      "tc",
      ["-V"],
    ]] as const
  ) {
    try {
      await run(null, [tool, ...args]);
    } catch (e) {
      return `"${tool}" is not usable: ${(e as Error).message}`;
    }
  }
  return null;
}

/** A short random prefix for this run's namespaces, e.g. `kw3fa2`. */
export function runPrefix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(2));
  return `kw${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}
