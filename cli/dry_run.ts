/**
 * `kiriwake run --dry-run`: shows what a run would record, per category, which probes
 * would be skipped, and which of this device's identifiers would be masked — before
 * anything is measured. It sends nothing over the network, runs no probe and writes
 * nothing (no record, no report).
 *
 * @module
 */
import { CATEGORY_TEXT, parseCategories } from "../consent/categories.ts";
import { decide, judgeTerms } from "../consent/decide.ts";
import { formatTime } from "../consent/decide_text.ts";
import { grantsOf, loadConsentState } from "../consent/gate.ts";
import { machineIdentifiers } from "../consent/identifiers.ts";
import { requirementsOf } from "../consent/policy.ts";
import { buildPreview, type Preview, type PreviewBasis } from "../session/preview.ts";
import { type Probe } from "../probes/types.ts";
import { EXIT } from "../util/errors.ts";
import type { CommandContext, Io } from "../session/command.ts";
import type { Lang } from "../util/text.ts";
import type { LicenceStatus } from "../consent/licence_status.ts";
import { DATA_CATEGORIES, type DataCategory } from "../util/data_categories.ts";
import { jsonSafeForTerminal, terminalSafe } from "../util/terminal_text.ts";

/** What the dry run needs besides the context. */
export interface DryRunOptions {
  /** The planned probes. */
  probes: readonly Probe[];
  /** `--consent`, if given. */
  consent?: string;
  json?: boolean;
  /** The OS; default `Deno.build.os`. */
  os?: string;
}

/** Prints the preview and returns exit code 0. */
export async function dryRun(io: Io, ctx: CommandContext, opts: DryRunOptions): Promise<number> {
  const { brand, lang } = ctx;
  const os = opts.os ?? Deno.build.os;
  const state = await loadConsentState(brand, ctx.configDir);
  const requested = opts.consent ? parseCategories(opts.consent) : null;
  const req = requirementsOf(brand, state.terms, os, requested);
  const grants = grantsOf(state.record);
  const d = decide(req, grants, state.licence, ctx.now());
  const termsProblem = judgeTerms(req, grants);
  // Without an acceptance, show what the prompt suggests: everything but identifiers.
  const basis: PreviewBasis = termsProblem === null
    ? "record"
    : requested
    ? "consent-flag"
    : "default";
  const granted: DataCategory[] = termsProblem === null
    ? d.granted
    : requested ?? DATA_CATEGORIES.filter((c) => c !== "identifiers");
  const preview = buildPreview(opts.probes, granted, basis, os, machineIdentifiers());
  const refusals = d.reasons.filter((r) =>
    r.blocking &&
    !["terms-not-accepted", "terms-old-version", "terms-changed-text"].includes(r.code)
  );
  if (opts.json) {
    const out = {
      dryRun: true,
      terms: {
        version: state.terms.version,
        accepted: termsProblem === null,
        problem: termsProblem,
        acceptedAt: termsProblem === null && state.record.state === "ok"
          ? state.record.record.acceptedAt
          : null,
      },
      licence: d.licence,
      wouldRefuse: refusals.map((r) => ({ code: r.code, text: r.text })),
      warnings: d.reasons.filter((r) => !r.blocking).map((r) => ({ code: r.code, text: r.text })),
      ...preview,
    };
    io.out(jsonSafeForTerminal(JSON.stringify(out, null, 2)) + "\n");
    return EXIT.ok;
  }
  const ja = lang === "ja";
  const lines: string[] = [];
  lines.push(
    ja
      ? "試行 (dry run): 何も測定せず、何も保存しません。"
      : "Dry run: nothing is measured and nothing is written.",
  );
  lines.push("");
  const acceptedAt = termsProblem === null && state.record.state === "ok"
    ? state.record.record.acceptedAt
    : null;
  const v = state.terms.version;
  lines.push(
    ja
      ? `規約: 第 ${v} 版 — ${
        acceptedAt ? `${acceptedAt} に同意済み` : "未同意 (測定の前に確認します)"
      }`
      : `Terms: version ${v} — ${
        acceptedAt
          ? `accepted at ${acceptedAt}`
          : "not accepted (you will be asked before measuring)"
      }`,
  );
  lines.push(`${ja ? "ライセンス" : "Licence"}: ${licenceLine(d.licence, lang)}`);
  lines.push(basisLine(basis, lang));
  lines.push("");
  lines.push(ja ? "記録される内容:" : "What would be recorded:");
  lines.push(...categoryLines(preview, lang));
  lines.push("");
  const skipped = preview.probes.filter((p) => !p.runs);
  lines.push(ja ? "省略される測定:" : "Probes that would be skipped:");
  if (skipped.length === 0) lines.push(ja ? "  なし" : "  none");
  for (const p of skipped) lines.push(`  ${p.id.padEnd(20)} ${p.reason![lang]}`);
  for (const r of d.reasons.filter((r) => !r.blocking)) lines.push("", `! ${r.text[lang]}`);
  if (refusals.length > 0) {
    lines.push("", ja ? "この状態では測定は拒否されます:" : "A run would be refused:");
    for (const r of refusals) lines.push(`  ${r.text[lang]}`);
  }
  io.out(terminalSafe(lines.join("\n")) + "\n");
  return EXIT.ok;
}

function categoryLines(preview: Preview, lang: Lang): string[] {
  const ja = lang === "ja";
  const lines: string[] = [];
  for (const c of preview.categories) {
    const mark = c.recorded
      ? (ja ? "記録" : "record")
      : c.category === "identifiers"
      ? (ja ? "伏字" : "mask")
      : (ja ? "なし" : "skip");
    lines.push(`  [${ja ? mark : mark.padEnd(6)}] ${CATEGORY_TEXT[c.category][lang]}`);
    if (c.probes.length > 0) lines.push(`           ${ja ? "測定" : "by"}: ${c.probes.join(", ")}`);
    if (c.category !== "identifiers") continue;
    lines.push(
      c.recorded
        ? (ja
          ? "           この端末の次の値がそのまま記録されます:"
          : "           these values of this device would appear as they are:")
        : (ja
          ? "           この端末の次の値は伏せ字になります (測定で見つかる SSID なども同様):"
          : "           these values of this device would be masked (so would any found while measuring, e.g. SSIDs):"),
    );
    for (const i of preview.identifiers) {
      lines.push(
        `             ${i.kind.padEnd(10)} ${i.value}${c.recorded ? "" : ` → ${i.inReport}`}`,
      );
    }
  }
  return lines;
}

function basisLine(basis: PreviewBasis, lang: Lang): string {
  const text = {
    "consent-flag": {
      ja: "同意の区分: --consent の指定どおり",
      en: "Categories: as given with --consent",
    },
    record: {
      ja: "同意の区分: 保存されている同意のとおり",
      en: "Categories: as in your stored consent",
    },
    default: {
      ja: "同意の区分: まだありません。確認画面の初期値 (識別子は伏せ字) で表示しています",
      en: "Categories: none given yet; shown with the prompt's defaults (identifiers masked)",
    },
  } as const;
  return text[basis][lang];
}

function licenceLine(l: LicenceStatus, lang: Lang): string {
  const ja = lang === "ja";
  if (l.status === "not-required") return ja ? "不要" : "not required";
  if (l.status === "valid") {
    return ja
      ? `有効 (${l.licensee}、${formatTime(l.notAfter!)} まで)`
      : `valid (${l.licensee}, until ${formatTime(l.notAfter!)})`;
  }
  return `${l.reason?.[lang] ?? l.status}${
    l.required ? "" : (ja ? " (このビルドでは不要)" : " (not needed by this build)")
  }`;
}
