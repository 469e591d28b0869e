/**
 * `kiriwake terms show|accept [VERSION]|status|revoke`: read, accept, inspect and withdraw
 * the acceptance of the terms.
 *
 * @module
 */
import { parseCategories } from "../consent/categories.ts";
import { judgeTerms } from "../consent/decide.ts";
import { acceptTerms, grantsOf, loadConsentState } from "../consent/gate.ts";
import { requirementsOf } from "../consent/policy.ts";
import { promptConsent } from "./consent_prompt.ts";
import { recordPath, removeRecord } from "../consent/record.ts";
import { remainingReports } from "../consent/report_list.ts";
import { currentTerms, termsFacts } from "../consent/terms.ts";
import { EXIT, InvalidInputError, RefusedError, UsageError } from "../util/errors.ts";
import { parseCommandArgs } from "../util/args.ts";
import type { Command, CommandContext, Io } from "../session/command.ts";
import type { Lang } from "../util/text.ts";

const SUBS = ["show", "accept", "status", "revoke"];

/** The `terms` command. */
export const termsCommand: Command = async (args, io, ctx) => {
  const { values, positionals } = parseCommandArgs("terms", args, {
    json: { type: "boolean" },
    consent: { type: "string" },
  }, 2);
  const [sub, arg] = positionals;
  if (arg !== undefined && sub !== "accept") {
    throw new UsageError({
      ja: `terms ${sub}: 余分な引数があります: ${arg}`,
      en: `terms ${sub}: unexpected argument: ${arg}`,
    });
  }
  switch (sub) {
    case "show":
      return await show(io, ctx, values.json ?? false);
    case "accept":
      return await accept(io, ctx, arg, values.consent);
    case "status":
      return await status(io, ctx, values.json ?? false);
    case "revoke":
      return await revoke(io, ctx, values.json ?? false);
    default:
      throw new UsageError({
        ja: `terms: サブコマンドは ${SUBS.join("|")} のいずれかです`,
        en: `terms: the subcommand is one of ${SUBS.join("|")}`,
      });
  }
};

async function show(io: Io, ctx: CommandContext, json: boolean): Promise<number> {
  const terms = await currentTerms(ctx.brand, ctx.lang);
  if (json) {
    const facts = await termsFacts(ctx.brand);
    io.out(
      JSON.stringify(
        {
          version: terms.version,
          effectiveDate: terms.effectiveDate,
          lang: terms.lang,
          sha256: terms.sha256,
          sha256ByLang: facts.actual,
          declaredSha256ByLang: facts.declared,
          text: terms.text,
        },
        null,
        2,
      ) + "\n",
    );
    return EXIT.ok;
  }
  const ja = ctx.lang === "ja";
  io.out(
    `${terms.text}\n\n${ja ? "版" : "Version"}: ${terms.version}  ${
      ja ? "施行日" : "Effective"
    }: ${terms.effectiveDate}  SHA-256: ${terms.sha256}\n`,
  );
  return EXIT.ok;
}

async function accept(
  io: Io,
  ctx: CommandContext,
  version: string | undefined,
  consent: string | undefined,
): Promise<number> {
  const { brand, lang } = ctx;
  let categories = consent ? parseCategories(consent) : null;
  let method: "prompt" | "command" = "command";
  if (version === undefined) {
    const terms = await currentTerms(brand, lang);
    if (!io.stdinIsTty) {
      throw new UsageError({
        ja: `terms accept: 同意する版を指定してください (現在の版: ${terms.version})`,
        en: `terms accept: name the version you accept (current: ${terms.version})`,
      });
    }
    const answer = await promptConsent(io, terms, brand.optionalCategories);
    if (!answer.accepted) {
      throw new RefusedError({
        ja: "規約に同意いただけませんでした。何も記録していません",
        en: "The terms were not accepted; nothing was recorded",
      });
    }
    version = terms.version;
    categories = categories
      ? answer.granted.filter((c) => categories!.includes(c))
      : answer.granted;
    method = "prompt";
  }
  const record = await acceptTerms({
    brand,
    lang,
    dir: ctx.configDir,
    now: ctx.now(),
    version,
    categories: categories ?? parseCategories("all"),
    method,
  });
  io.err(
    lang === "ja"
      ? `規約 第 ${record.terms.version} 版に同意しました。記録を許可した区分: ${
        record.granted.join(", ")
      }\n同意の記録: ${recordPath(ctx.configDir)}\n`
      : `Accepted terms version ${record.terms.version}. Categories that may be recorded: ${
        record.granted.join(", ")
      }\nRecord: ${recordPath(ctx.configDir)}\n`,
  );
  return EXIT.ok;
}

async function status(io: Io, ctx: CommandContext, json: boolean): Promise<number> {
  const { brand, lang } = ctx;
  const state = await loadConsentState(brand, ctx.configDir);
  const terms = await currentTerms(brand, lang);
  const req = requirementsOf(brand, state.terms, Deno.build.os, null);
  const problem = judgeTerms(req, grantsOf(state.record));
  const rec = state.record.state === "ok" ? state.record.record : null;
  const out = {
    version: terms.version,
    effectiveDate: terms.effectiveDate,
    sha256: terms.sha256,
    accepted: problem === null,
    problem,
    recordState: state.record.state,
    ...(state.record.state === "damaged" || state.record.state === "unreadable"
      ? { detail: state.record.detail }
      : {}),
    acceptedVersion: rec?.terms.version ?? null,
    acceptedAt: rec?.acceptedAt ?? null,
    acceptedLang: rec?.terms.lang ?? null,
    method: rec?.method ?? null,
    granted: rec?.granted ?? [],
    refused: rec?.refused ?? [],
    record: recordPath(ctx.configDir),
  };
  if (json) io.out(JSON.stringify(out, null, 2) + "\n");
  else {
    const ja = lang === "ja";
    const said = problem === null
      ? (ja
        ? `済み (${out.acceptedAt}、区分: ${out.granted.join(", ")})`
        : `yes (${out.acceptedAt}; categories: ${out.granted.join(", ")})`)
      : problemText(problem, out.acceptedVersion, lang, "detail" in out ? out.detail ?? "" : "");
    io.out(
      ja
        ? `現在の規約: 第 ${out.version} 版 (${out.effectiveDate} 施行)\nSHA-256: ${out.sha256}\n同意: ${said}\n記録: ${out.record}\n`
        : `Current terms: version ${out.version} (effective ${out.effectiveDate})\nSHA-256: ${out.sha256}\nAccepted: ${said}\nRecord: ${out.record}\n`,
    );
  }
  return state.record.state === "damaged" || state.record.state === "unreadable"
    ? EXIT.invalidInput
    : EXIT.ok;
}

function problemText(
  problem: string,
  acceptedVersion: string | null,
  lang: Lang,
  detail: string,
): string {
  const ja = lang === "ja";
  switch (problem) {
    case "old-version":
      return ja
        ? `いいえ (第 ${acceptedVersion} 版に同意済み、改定あり)`
        : `no (version ${acceptedVersion} was accepted; the terms have changed)`;
    case "changed-text":
      return ja
        ? "いいえ (同意後に文面が変わりました)"
        : "no (the text changed after it was accepted)";
    case "record-damaged":
      return ja
        ? `いいえ (記録が壊れているか編集されています: ${detail})`
        : `no (the record is damaged or was edited: ${detail})`;
    case "record-unreadable":
      return ja
        ? `いいえ (記録を読めません: ${detail})`
        : `no (the record cannot be read: ${detail})`;
    default:
      return ja ? "していません" : "no";
  }
}

async function revoke(io: Io, ctx: CommandContext, json: boolean): Promise<number> {
  const { lang } = ctx;
  const ja = lang === "ja";
  let removed: boolean;
  try {
    removed = await removeRecord(ctx.configDir);
  } catch (e) {
    throw new InvalidInputError({
      ja: `同意記録 "${recordPath(ctx.configDir)}" を削除できません: ${(e as Error).message}`,
      en: `Cannot remove the consent record "${recordPath(ctx.configDir)}": ${
        (e as Error).message
      }`,
    });
  }
  let remaining: { path: string; at: string }[] = [];
  let listError: string | null = null;
  try {
    remaining = await remainingReports(ctx.configDir);
  } catch (e) {
    listError = (e as Error).message;
  }
  if (json) {
    io.out(JSON.stringify({ removed, remainingReports: remaining, listError }, null, 2) + "\n");
    return EXIT.ok;
  }
  const lines = [
    removed
      ? (ja
        ? "同意を取り消しました。次回の測定前に改めて確認します。"
        : "Consent withdrawn; you will be asked again before the next run.")
      : (ja ? "取り消す同意はありません。" : "There was no consent to withdraw."),
  ];
  if (listError) {
    lines.push(
      ja
        ? `保存したレポートの一覧を読めません (${listError})。~/kiriwake-reports などを確認してください。`
        : `The list of saved reports cannot be read (${listError}); look in ~/kiriwake-reports and wherever you saved them.`,
    );
  } else if (remaining.length === 0) {
    lines.push(
      ja
        ? "このツールが保存したレポートは残っていません。"
        : "No report saved by this kit remains on disk.",
    );
  } else {
    lines.push(
      ja
        ? `次のレポートは端末に残っています (取り消しでは削除されません。不要なら削除してください):`
        : "These reports remain on disk (withdrawing does not delete them; delete them if you no longer need them):",
    );
    for (const r of remaining) lines.push(`  ${r.path}  (${r.at})`);
  }
  io.out(lines.join("\n") + "\n");
  return EXIT.ok;
}
