/**
 * `kiriwake terms show|accept VERSION|status|revoke`: read, accept, inspect and withdraw
 * the acceptance of the terms.
 *
 * @module
 */
import { ensureConsent } from "../consent/gate.ts";
import { readRecord, recordPath, removeRecord } from "../consent/record.ts";
import { currentTerms } from "../consent/terms.ts";
import { EXIT, UsageError } from "../errors.ts";
import { parseCommandArgs } from "./args.ts";
import type { Command } from "./io.ts";

const SUBS = ["show", "accept", "status", "revoke"];

/** The `terms` command. */
export const termsCommand: Command = async (args, io, ctx) => {
  const { values, positionals } = parseCommandArgs("terms", args, {
    json: { type: "boolean" },
    consent: { type: "string" },
  }, 2);
  const [sub, arg] = positionals;
  const { lang, brand } = ctx;
  const terms = await currentTerms(brand, lang);
  switch (sub) {
    case "show":
      io.out(
        `${terms.text}\n\n${
          lang === "ja" ? "版" : "Version"
        }: ${terms.version}  SHA-256: ${terms.sha256}\n`,
      );
      return EXIT.ok;
    case "accept": {
      if (!arg) {
        throw new UsageError({
          ja: `terms accept: 同意する版を指定してください (現在の版: ${terms.version})`,
          en: `terms accept: name the version you accept (current: ${terms.version})`,
        });
      }
      const grant = await ensureConsent({
        brand,
        lang,
        io,
        dir: ctx.configDir,
        now: ctx.now(),
        acceptTerms: arg,
        consent: values.consent ?? "all",
      });
      io.err(
        lang === "ja"
          ? `規約 第 ${terms.version} 版に同意しました。記録を許可した区分: ${
            grant.granted.join(", ")
          }\n`
          : `Accepted terms version ${terms.version}. Categories that may be recorded: ${
            grant.granted.join(", ")
          }\n`,
      );
      return EXIT.ok;
    }
    case "status": {
      const record = await readRecord(ctx.configDir);
      const accepted = record !== null && record.terms.version === terms.version &&
        (await currentTerms(brand, record.terms.lang)).sha256 === record.terms.sha256;
      const status = {
        version: terms.version,
        effectiveDate: terms.effectiveDate,
        sha256: terms.sha256,
        accepted,
        acceptedVersion: record?.terms.version ?? null,
        acceptedAt: record?.acceptedAt ?? null,
        granted: record?.granted ?? [],
        refused: record?.refused ?? [],
        record: recordPath(ctx.configDir),
      };
      if (values.json) io.out(JSON.stringify(status, null, 2) + "\n");
      else {
        io.out(
          lang === "ja"
            ? `現在の規約: 第 ${status.version} 版 (${status.effectiveDate} 施行)\nSHA-256: ${status.sha256}\n同意: ${
              accepted
                ? `済み (${status.acceptedAt}、区分: ${status.granted.join(", ")})`
                : "していません"
            }\n記録: ${status.record}\n`
            : `Current terms: version ${status.version} (effective ${status.effectiveDate})\nSHA-256: ${status.sha256}\nAccepted: ${
              accepted
                ? `yes (${status.acceptedAt}; categories: ${status.granted.join(", ")})`
                : "no"
            }\nRecord: ${status.record}\n`,
        );
      }
      return EXIT.ok;
    }
    case "revoke": {
      const removed = await removeRecord(ctx.configDir);
      io.err(
        removed
          ? (lang === "ja"
            ? "同意を取り消しました。次回の測定前に改めて確認します\n"
            : "Consent withdrawn; you will be asked again before the next run\n")
          : (lang === "ja" ? "取り消す同意はありません\n" : "There was no consent to withdraw\n"),
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError({
        ja: `terms: サブコマンドは ${SUBS.join("|")} のいずれかです`,
        en: `terms: the subcommand is one of ${SUBS.join("|")}`,
      });
  }
};
