/**
 * `path.mtu`: the path MTU to each MTU target, IPv4 and IPv6, found with Don't-Fragment
 * pings of growing size (Linux `ping -M do -s`, macOS `ping -D -s` / `ping6 -D -m -s`,
 * Windows `ping -f -l`), including "Frag needed" / "Message too long" answers and silent
 * black holes. 1454 points at PPPoE on NTT NGN, 1460 at IPv4 over IPv6 (DS-Lite, MAP-E).
 *
 * @module
 */
import { z } from "zod";
import type { PathTarget } from "../config_paths.ts";
import { describeFailure } from "../lib/exec.ts";
import { type MtuOutcome, searchMtu } from "../lib/mtu_search.ts";
import { ParseError } from "../parse/parse_error.ts";
import { parsePing } from "../parse/ping.ts";
import { pingBudgetMs, pingCommand, type PingSpec } from "../lib/ping_command.ts";
import { familyOf } from "../lib/ping_run.ts";
import {
  defineProbe,
  type Evidence,
  type Platform,
  type ProbeContext,
  SkipProbe,
} from "../types.ts";
import type { Localized } from "../../util/text.ts";

const localized = z.object({ ja: z.string(), en: z.string() }).strict();
const target = z.object({
  name: z.string().optional(),
  target: z.string(),
  family: z.union([z.literal(4), z.literal(6)]),
  status: z.enum(["ok", "warn", "skipped", "error"]),
  reason: localized.optional(),
  pathMtu: z.number().nullable(),
  atLeast: z.boolean(),
  blackHole: z.boolean(),
  quotedMtu: z.number().nullable(),
  steps: z.array(
    z.object({
      mtu: z.number(),
      outcome: z.enum(["fits", "too-big", "silent"]),
      quotedMtu: z.number().nullable(),
    }).strict(),
  ),
}).strict();
const schema = z.object({
  targets: z.array(target),
  /** The smallest path MTU measured per family (what isp.access reads); null when none. */
  pathMtuV4: z.number().nullable(),
  pathMtuV6: z.number().nullable(),
}).strict();

/** Data of `path.mtu`. */
export type PathMtuData = z.infer<typeof schema>;
type MtuTarget = z.infer<typeof target>;

/** IP + ICMP header bytes in front of the ping payload. */
const HEADERS = { 4: 28, 6: 48 } as const;

/** The `path.mtu` probe. Requires `--allow-run=ping` (`ping6` on macOS); no admin. */
export const pathMtuProbe = defineProbe({
  id: "path.mtu",
  title: { ja: "経路 MTU", en: "Path MTU" },
  description: {
    ja: "分割禁止の ping で、途中で分割されずに届く最大のパケット長を IPv4・IPv6 で調べます",
    en:
      "The largest packet that crosses the path unfragmented, IPv4 and IPv6, by Don't-Fragment pings",
  },
  segment: "isp",
  dataCategories: ["measurements", "network"],
  dependsOn: [],
  timeoutMs: 90_000,
  platforms: ["windows", "darwin", "linux"],
  schema,
  async run(ctx) {
    const os = ctx.os;
    if (ctx.config.mtu.targets.length === 0) {
      throw new SkipProbe({
        ja: "MTU を調べる宛先が設定されていません",
        en: "No MTU targets configured",
      });
    }
    const done: MtuTarget[] = [];
    const runs = await Promise.all(ctx.config.mtu.targets.map(async (t) => {
      const r = await measure(ctx, os, t);
      done.push(r.record);
      ctx.checkpoint({ targets: [...done], pathMtuV4: null, pathMtuV6: null });
      ctx.progress({ fraction: done.length / ctx.config.mtu.targets.length, note: t.address });
      return r;
    }));
    const targets = runs.map((r) => r.record);
    const data = { targets, pathMtuV4: smallest(targets, 4), pathMtuV6: smallest(targets, 6) };
    return { ...verdict(targets), data, evidence: runs.flatMap((r) => r.evidence) };
  },
});

async function measure(
  ctx: ProbeContext,
  os: Platform,
  t: PathTarget,
): Promise<{ record: MtuTarget; evidence: Evidence[] }> {
  const cfg = ctx.config.mtu;
  const family = familyOf(t.address, t.family);
  const base = { ...(t.name ? { name: t.name } : {}), target: t.address, family };
  const none = { pathMtu: null, atLeast: false, blackHole: false, quotedMtu: null, steps: [] };
  if (os === "windows" && family === 6) {
    const reason = {
      ja: "Windows の ping は IPv6 で分割禁止を指定できないため測れません",
      en: "Windows ping cannot forbid fragmentation over IPv6, so this is not measured",
    };
    return { record: { ...base, ...none, status: "skipped", reason }, evidence: [] };
  }
  const evidence: Evidence[] = [];
  const probe = async (mtu: number): Promise<MtuOutcome> => {
    const spec: PingSpec = {
      target: t.address,
      family,
      count: 1,
      intervalMs: 1000,
      waitMs: cfg.waitMs,
      payloadBytes: mtu - HEADERS[family],
      dontFragment: true,
    };
    const line = pingCommand(os, spec);
    const r = await ctx.exec(line.cmd, line.args, {
      signal: ctx.signal,
      timeoutMs: pingBudgetMs(os, spec),
    });
    const text = r.stderr.trim() ? `${r.stdout}\n${r.stderr}` : r.stdout;
    evidence.push({ label: r.command, text });
    if (!r.ok && r.failure !== "exit-code" && r.failure !== "timeout") {
      return { kind: "unreachable", reason: describeFailure(r) };
    }
    try {
      return outcomeOf(parsePing(text, { os }));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      // A killed ping6 that never answered prints nothing useful: no answer at this size.
      return { kind: "silent" };
    }
  };
  const s = await searchMtu(probe, family === 6 ? 1280 : cfg.minMtu4, cfg.maxMtu);
  const status = s.pathMtu === null ? "error" : s.blackHole ? "warn" : "ok";
  const reason = s.reason ?? (s.blackHole ? blackHoleReason(s.pathMtu!) : undefined);
  const { reason: _, ...found } = s;
  return { record: { ...base, ...found, status, ...(reason ? { reason } : {}) }, evidence };
}

function smallest(targets: readonly MtuTarget[], family: 4 | 6): number | null {
  const found = targets.filter((t) => t.family === family && t.pathMtu !== null).map((t) =>
    t.pathMtu!
  );
  return found.length ? Math.min(...found) : null;
}

function outcomeOf(p: ReturnType<typeof parsePing>): MtuOutcome {
  if (p.received > 0) return { kind: "fits" };
  const frag = p.errors.find((e) => e.kind === "frag-needed");
  if (frag) return { kind: "too-big", mtu: p.errors.find((e) => e.mtu)?.mtu ?? null };
  const fatal = p.errors.find((e) => e.kind !== "other");
  if (fatal) {
    return {
      kind: "unreachable",
      reason: {
        ja: `ping がエラーを返しました: ${fatal.text}`,
        en: `ping reported: ${fatal.text}`,
      },
    };
  }
  return { kind: "silent" };
}

function blackHoleReason(mtu: number): Localized {
  return {
    ja: `${mtu} バイトを超えるパケットが通知なしに消えています (PMTU ブラックホール)`,
    en:
      `Packets over ${mtu} bytes vanish without a "fragmentation needed" answer (PMTU black hole)`,
  };
}

function verdict(
  targets: readonly MtuTarget[],
): { status: "ok" | "warn" | "skipped"; summary: Localized; reason?: Localized } {
  const measured = targets.filter((t) => t.pathMtu !== null);
  if (measured.length === 0) {
    const reasons = [
      ...new Map(targets.filter((t) => t.reason).map((t) => [t.reason!.en, t.reason!])).values(),
    ];
    const reason = {
      ja: reasons.map((r) => r.ja).join("。") || "経路 MTU を測れませんでした",
      en: reasons.map((r) => r.en).join("; ") || "The path MTU could not be measured",
    };
    return { status: "skipped", summary: reason, reason };
  }
  const parts = measured.map((t) =>
    `IPv${t.family} ${t.atLeast ? "≥ " : ""}${t.pathMtu} (${t.target})`
  );
  const holes = measured.filter((t) => t.blackHole);
  return {
    status: holes.length ? "warn" : "ok",
    summary: {
      ja: `経路 MTU: ${parts.join("、")}${holes.length ? "。PMTU ブラックホールがあります" : ""}`,
      en: `Path MTU: ${parts.join(", ")}${
        holes.length ? "; a PMTU black hole drops larger packets" : ""
      }`,
    },
  };
}
