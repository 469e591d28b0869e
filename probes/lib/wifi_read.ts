/**
 * Reads the Wi-Fi link through each OS's commands, falling back where one is refused or
 * gone: Windows `netsh wlan`; macOS `system_profiler -json`, `wdutil` (root only) and the
 * legacy `airport`; Linux `iw`, then `nmcli`. Parsing lives in `probes/parse/`.
 *
 * @module
 */
import { describeFailure, type ExecResult } from "./exec.ts";
import { parseAirport } from "../parse/airport.ts";
import { parseIw } from "../parse/iw.ts";
import { parseNetshWlan } from "../parse/netsh_wlan.ts";
import { ParseError } from "../parse/parse_error.ts";
import { NMCLI_PROBE_FIELDS, parseNmcliWifi } from "../parse/nmcli.ts";
import { parseSystemProfiler } from "../parse/system_profiler.ts";
import { parseWdutil } from "../parse/wdutil.ts";
import type { WifiReading } from "../parse/wifi_common.ts";
import type { Evidence, Platform, ProbeContext } from "../types.ts";
import type { Localized } from "../../util/text.ts";

/** What one platform's reader found, with the commands it ran and what it could not do. */
export interface WifiAttempt {
  reading: WifiReading;
  /** The command whose output the reading came from. */
  source: string;
  evidence: Evidence[];
  notes: Localized[];
  /** Set when no command could be run at all. */
  failure?: Localized;
}

/** Options of {@link readWifi}; tests fix the platform and privileges. */
export interface WifiReadOptions {
  os: Platform;
  isRoot: boolean;
}

const AIRPORT =
  "/System/Library/PrivateFrameworks/Apple80211.framework/Versions/Current/Resources/airport";

/** Reads the Wi-Fi state on `opts.os`. Never throws for a missing or refused command. */
export function readWifi(ctx: ProbeContext, opts: WifiReadOptions): Promise<WifiAttempt> {
  if (opts.os === "windows") return readWindows(ctx);
  if (opts.os === "darwin") return readDarwin(ctx, opts.isRoot);
  return readLinux(ctx);
}

function ev(r: ExecResult): Evidence {
  return { label: r.command, text: (r.stdout || r.stderr).trim().slice(0, 2000) };
}

const unrecognized: WifiReading = { state: "unrecognized", interfaces: [] };

/** `parse()`, or null when the parser refused the output as not its kind. */
function tryParse<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ParseError) return null;
    throw e;
  }
}

async function readWindows(ctx: ProbeContext): Promise<WifiAttempt> {
  const r = await ctx.exec("netsh", ["wlan", "show", "interfaces"], {
    signal: ctx.signal,
    timeoutMs: 10_000,
  });
  const text = `${r.stdout}\n${r.stderr}`;
  if (!r.ok && !text.trim()) {
    return {
      reading: unrecognized,
      source: r.command,
      evidence: [],
      notes: [],
      failure: describeFailure(r),
    };
  }
  // netsh exits 1 with its refusal on stdout: parse whatever it said
  const reading = tryParse(() => parseNetshWlan(text)) ?? unrecognized;
  return { reading, source: r.command, evidence: [ev(r)], notes: [] };
}

async function readDarwin(ctx: ProbeContext, isRoot: boolean): Promise<WifiAttempt> {
  const notes: Localized[] = [];
  const evidence: Evidence[] = [];
  const sp = await ctx.exec("system_profiler", ["-json", "SPAirPortDataType"], {
    signal: ctx.signal,
    timeoutMs: 20_000,
  });
  let reading: WifiReading | null = null;
  let source = sp.command;
  if (sp.ok) {
    reading = tryParse(() => parseSystemProfiler(sp.stdout));
    evidence.push({ label: sp.command, text: reading ? "(JSON, parsed)" : ev(sp).text });
  } else notes.push(describeFailure(sp));
  if (isRoot) {
    const wd = await ctx.exec("wdutil", ["info"], { signal: ctx.signal, timeoutMs: 10_000 });
    const w = wd.ok ? tryParse(() => parseWdutil(wd.stdout)) : null;
    const link = w?.interfaces[0];
    if (link && reading) {
      const cur = reading.interfaces.find((l) => l.connected);
      if (cur) { // wdutil adds what system_profiler leaves out on recent macOS
        cur.bssid ??= link.bssid;
        cur.noiseDbm ??= link.noiseDbm;
        cur.snrDb ??= link.snrDb;
      }
      evidence.push(ev(wd));
    } else if (link && !reading) {
      reading = w;
      source = wd.command;
      evidence.push(ev(wd));
    }
  } else {
    notes.push({
      ja: "wdutil は管理者権限が必要なため使っていません",
      en: "wdutil needs administrator rights, so it was not used",
    });
  }
  if (!reading) {
    const ap = await ctx.exec(AIRPORT, ["-I"], { signal: ctx.signal, timeoutMs: 10_000 });
    if (ap.ok || ap.stdout.trim()) {
      reading = tryParse(() => parseAirport(ap.stdout)) ?? unrecognized;
      source = "airport -I";
      evidence.push(ev(ap));
      if (reading.state === "tool-removed") {
        notes.push({
          ja: "airport コマンドは macOS 14.4 で機能が削除されています",
          en: "The airport tool lost its function in macOS 14.4",
        });
      }
    }
  }
  if (!reading) {
    return {
      reading: unrecognized,
      source,
      evidence,
      notes,
      failure: notes[0] ?? describeFailure(sp),
    };
  }
  return { reading, source, evidence, notes };
}

async function readLinux(ctx: ProbeContext): Promise<WifiAttempt> {
  const opts = { signal: ctx.signal, timeoutMs: 5_000 };
  const dev = await ctx.exec("iw", ["dev"], opts);
  if (/nl80211 not found/i.test(dev.stderr + dev.stdout)) {
    // the kernel has no wireless stack loaded: there is no Wi-Fi adapter to ask about
    return {
      reading: { state: "no-interface", interfaces: [] },
      source: dev.command,
      evidence: [ev(dev)],
      notes: [],
    };
  }
  if (!dev.ok) return readNmcli(ctx, [describeFailure(dev)]);
  // `iw dev` prints nothing at all when there is no wireless interface.
  const parsed = dev.stdout.trim() ? tryParse(() => parseIw(dev.stdout)) : null;
  if (dev.stdout.trim() && !parsed) return readNmcli(ctx, []);
  const managed = parsed?.command === "dev"
    ? parsed.interfaces.filter((i) => i.type === "managed")
    : [];
  if (managed.length === 0) {
    return {
      reading: { state: "no-interface", interfaces: [] },
      source: dev.command,
      evidence: [ev(dev)],
      notes: [],
    };
  }
  const name = managed[0].name;
  const link = await ctx.exec("iw", ["dev", name, "link"], opts);
  const l = link.ok ? tryParse(() => parseIw(link.stdout)) : null;
  if (!l || l.command !== "link") return readNmcli(ctx, [describeFailure(link)]);
  l.link.interface ??= name;
  const evidence = [ev(dev), ev(link)];
  if (l.link.connected) {
    const survey = await ctx.exec("iw", ["dev", name, "survey", "dump"], opts);
    const s = survey.ok ? tryParse(() => parseIw(survey.stdout)) : null;
    if (s?.command === "survey" && s.noiseDbm !== null) {
      l.link.noiseDbm = s.noiseDbm;
      if (l.link.rssiDbm !== null) l.link.snrDb = l.link.rssiDbm - s.noiseDbm;
      evidence.push(ev(survey));
    }
  }
  return {
    reading: { state: "ok", interfaces: [l.link] },
    source: link.command,
    evidence,
    notes: [],
  };
}

async function readNmcli(ctx: ProbeContext, notes: Localized[]): Promise<WifiAttempt> {
  const r = await ctx.exec(
    "nmcli",
    ["-t", "-f", NMCLI_PROBE_FIELDS.join(","), "dev", "wifi", "list", "--rescan", "no"],
    { signal: ctx.signal, timeoutMs: 10_000 },
  );
  if (!r.ok) {
    return {
      reading: unrecognized,
      source: r.command,
      evidence: [],
      notes,
      failure: notes[0] ?? describeFailure(r),
    };
  }
  // No networks in range: nmcli prints nothing.
  const links = r.stdout.trim()
    ? tryParse(() => parseNmcliWifi(r.stdout, { fields: NMCLI_PROBE_FIELDS }))
    : [];
  if (!links) return { reading: unrecognized, source: r.command, evidence: [ev(r)], notes };
  return {
    reading: {
      state: links.length ? "ok" : "no-interface",
      interfaces: links.filter((l) => l.connected),
    },
    source: r.command,
    evidence: [ev(r)],
    notes,
  };
}
