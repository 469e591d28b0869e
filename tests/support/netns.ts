/**
 * Network namespaces for system tests: unique names per run, removed in every case.
 * Tests that need them fail when `CI=true` and they cannot be made, and skip otherwise.
 *
 * @module
 */

/** Runs a command, throwing with its stderr on failure. */
export async function sh(cmd: string, ...args: string[]): Promise<string> {
  const out = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped" }).output();
  const dec = new TextDecoder();
  if (!out.success) throw new Error(`${cmd} ${args.join(" ")}: ${dec.decode(out.stderr).trim()}`);
  return dec.decode(out.stdout);
}

/**
 * Why namespaces cannot be used here, or null when they can.
 * Needs root and `ip` from iproute2.
 */
export async function netnsUnavailable(): Promise<string | null> {
  if (Deno.build.os !== "linux") return "network namespaces need Linux";
  if (Deno.uid() !== 0) return "network namespaces need root";
  try {
    await sh("ip", "-V");
  } catch {
    return "iproute2 (ip) is not installed";
  }
  return null;
}

/**
 * Registers a test that needs namespaces: skipped with a printed reason where they are
 * unavailable, failed on CI.
 */
export function netnsTest(name: string, fn: () => Promise<void>): void {
  Deno.test({
    name,
    sanitizeResources: false,
    sanitizeOps: false,
    fn: async () => {
      const why = await netnsUnavailable();
      if (why) {
        if (Deno.env.get("CI") === "true") throw new Error(`${name}: ${why} (required on CI)`);
        console.log(`skipped: ${why}`);
        return;
      }
      await fn();
    },
  });
}

/** A short unique prefix for namespace and interface names (interface names ≤ 15 chars). */
export function uniquePrefix(): string {
  return `kw${crypto.randomUUID().slice(0, 4)}`;
}

/** Deletes namespaces and their /etc/netns entries, ignoring what is already gone. */
export async function removeNamespaces(names: string[]): Promise<void> {
  for (const ns of names) {
    await sh("ip", "netns", "del", ns).catch(() => {});
    await Deno.remove(`/etc/netns/${ns}`, { recursive: true }).catch(() => {});
  }
}
