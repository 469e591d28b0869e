/**
 * Class 7: every input file as something that is not a file to read — a named pipe (blocks
 * for ever), `/dev/zero` (endless), a directory, a symbolic-link loop, a sparse 10 GB file —
 * given as a report, config, manifest, manifest signature, consent record, licence, signing
 * key, licence key and CA file. Each is refused at once with one line.
 *
 * @module
 */
import {
  BAD_FILES,
  type BadFile,
  badFile,
  manifestOf,
  modulePlugin,
  onlyConfig,
  runArgs,
} from "./fixtures.ts";
import { type Case, expectError, type Kit, type KitRun, type Outcome } from "./harness.ts";

const CLS = "7 files";

/** Where a bad file goes, and what must come of it. */
interface Slot {
  what: string;
  run(k: Kit, bad: BadFile): Promise<Outcome>;
}

const err = (code: number) => (r: KitRun) => expectError(r, code);

const SLOTS: Slot[] = [
  {
    what: "report (report verify)",
    run: async (k, b) => err(4)(await k.run(["report", "verify", await badFile(k, "r.json", b)])),
  },
  {
    what: "report (view)",
    run: async (k, b) =>
      err(4)(
        await k.run(["view", "--no-open", await badFile(k, "r.json", b)], { timeoutMs: 20_000 }),
      ),
  },
  {
    what: "config (run --dry-run --config)",
    run: async (k, b) =>
      err(4)(await k.run(runArgs("--dry-run", "--config", await badFile(k, "c.json", b)))),
  },
  {
    what: "manifest (plugins verify)",
    run: async (k, b) => err(4)(await k.run(["plugins", "verify", await badFile(k, "m.json", b)])),
  },
  {
    what: "manifest signature (plugins verify)",
    run: async (k, b) => {
      const m = await manifestOf(k, [modulePlugin("x", "return 1;")]);
      await badFile(k, "manifest.json.sig", b);
      return err(4)(await k.run(["plugins", "verify", m]));
    },
  },
  {
    what: "plugin file (plugins verify)",
    run: async (k, b) => {
      const m = await manifestOf(k, [modulePlugin("x", "return 1;")]);
      await Deno.remove(k.path("x.ts"));
      await badFile(k, "x.ts", b);
      return err(4)(await k.run(["plugins", "verify", m]));
    },
  },
  {
    what: "consent record (run)",
    run: async (k, b) => {
      await Deno.mkdir(k.env.KIRIWAKE_CONFIG_DIR, { recursive: true });
      await badFile(k, "cfg/consent.json", b);
      const config = await k.write("c.json", onlyConfig(["system.info"]));
      // An unreadable record is an invalid file (exit 4), never a hang.
      return err(4)(await k.run(["run", "--lang", "en", "--config", config]));
    },
  },
  {
    what: "licence (license install)",
    run: async (k, b) => err(4)(await k.run(["license", "install", await badFile(k, "l.json", b)])),
  },
  {
    what: "signing key (plugins sign --key)",
    run: async (k, b) => {
      const m = await manifestOf(k, [modulePlugin("x", "return 1;")]);
      return err(4)(await k.run(["plugins", "sign", m, "--key", await badFile(k, "k.json", b)]));
    },
  },
  {
    what: "licence key (license issue --key)",
    run: async (k, b) =>
      err(4)(
        await k.run([
          "license",
          "issue",
          "--key",
          await badFile(k, "k.json", b),
          "--licensee",
          "x",
          "--services",
          "a",
          "--not-after",
          "2030-01-01",
        ]),
      ),
  },
  {
    what: "CA file (config caCertFile)",
    run: async (k, b) => {
      await badFile(k, "ca.pem", b);
      const config = await k.write("c.json", {
        http: { targets: [{ url: "https://127.0.0.1:1/", caCertFile: "ca.pem" }] },
      });
      return err(4)(await k.run(runArgs("--dry-run", "--config", config)));
    },
  },
];

/** The class's cases: every slot with every kind of bad file. */
export function fileCases(): Case[] {
  return SLOTS.flatMap((s) =>
    // A directory is what `view` lists: it is served, not refused.
    BAD_FILES.filter((b) => !(s.what.includes("view") && b === "directory")).map((b) => ({
      cls: CLS,
      name: `${s.what}: ${b}`,
      run: (k: Kit) => s.run(k, b),
    }))
  );
}
