/**
 * `kiriwake license status|install FILE|remove` for customers, and
 * `kiriwake license keygen|issue` for the provider (they need the private key file, which
 * never ships with the kit).
 *
 * @module
 */
import { judgeLicence } from "../consent/decide.ts";
import { formatTime } from "../consent/decide_text.ts";
import { importVerifyKeys } from "../util/crypto.ts";
import {
  installLicence,
  licencePath,
  readInstalledLicence,
  readTokenText,
  removeLicence,
} from "../consent/licence_store.ts";
import { verifyLicenceToken } from "../consent/licence_token.ts";
import { requirementsOf } from "../consent/policy.ts";
import { termsFacts } from "../consent/terms.ts";
import type { Brand } from "../brand/schema.ts";
import { EXIT, InvalidInputError, RefusedError, UsageError } from "../util/errors.ts";
import { parseCommandArgs } from "../util/args.ts";
import type { Command, CommandContext, Io } from "../session/command.ts";
import { issueLicence, keygen } from "./license_issue.ts";

const SUBS = ["status", "install", "remove", "keygen", "issue"];

/** The `license` command. */
export const licenseCommand: Command = async (args, io, ctx) => {
  const { values, positionals } = parseCommandArgs("license", args, {
    json: { type: "boolean" },
    out: { type: "string" },
    key: { type: "string" },
    licensee: { type: "string" },
    "licensee-name": { type: "string" },
    services: { type: "string" },
    product: { type: "string" },
    id: { type: "string" },
    "not-before": { type: "string" },
    "not-after": { type: "string" },
  }, 2);
  const [sub, file] = positionals;
  if (file !== undefined && sub !== "install") {
    throw new UsageError({
      ja: `license ${sub}: 余分な引数があります: ${file}`,
      en: `license ${sub}: unexpected argument: ${file}`,
    });
  }
  switch (sub) {
    case "status":
      return await status(io, ctx, values.json ?? false);
    case "install":
      if (!file) {
        throw new UsageError({
          ja: "license install: ライセンス ファイルを指定してください",
          en: "license install: name the licence file",
        });
      }
      return await install(io, ctx, file);
    case "remove":
      return await remove(io, ctx);
    case "keygen":
      return await keygen(io, ctx, values.out);
    case "issue":
      return await issueLicence(io, ctx, values);
    default:
      throw new UsageError({
        ja: `license: サブコマンドは ${SUBS.join("|")} のいずれかです`,
        en: `license: the subcommand is one of ${SUBS.join("|")}`,
      });
  }
};

async function judge(brand: Brand, evidence: Parameters<typeof judgeLicence>[1], now: Date) {
  const req = requirementsOf(brand, await termsFacts(brand), Deno.build.os, null);
  return judgeLicence(req, evidence, now);
}

async function status(io: Io, ctx: CommandContext, json: boolean): Promise<number> {
  const { brand, lang } = ctx;
  const keys = await importVerifyKeys(brand.licence.publicKeys, "licence.publicKeys");
  const evidence = await readInstalledLicence(ctx.configDir, keys);
  const { problem, block } = await judge(brand, evidence, ctx.now());
  const path = licencePath(ctx.configDir);
  const blocks = problem !== null && brand.licence.required;
  if (json) {
    io.out(
      JSON.stringify({ ...block, installed: evidence.state !== "none", file: path }, null, 2) +
        "\n",
    );
    return blocks ? EXIT.refused : EXIT.ok;
  }
  const ja = lang === "ja";
  const lines = [
    `${ja ? "ライセンス" : "Licence"}: ${
      brand.licence.required ? (ja ? "必要" : "required") : (ja ? "不要" : "not required")
    }`,
  ];
  if (block.status === "valid") {
    lines.push(ja ? "状態: 有効" : "State: valid");
  } else if (evidence.state !== "none" || brand.licence.required) {
    lines.push(`${ja ? "状態" : "State"}: ${block.reason?.[lang] ?? block.status}`);
  } else lines.push(ja ? "状態: インストールされていません" : "State: none installed");
  if (block.licensee) {
    lines.push(`${ja ? "契約者" : "Licensee"}: ${block.licensee}`);
    lines.push(`${ja ? "ライセンス ID" : "Licence id"}: ${block.id}`);
    lines.push(`${ja ? "サービス" : "Services"}: ${block.services!.join(", ")}`);
    lines.push(
      `${ja ? "有効期間" : "Valid"}: ${formatTime(block.notBefore!)} – ${
        formatTime(block.notAfter!)
      }`,
    );
  }
  if (evidence.state !== "none") lines.push(`${ja ? "ファイル" : "File"}: ${path}`);
  io.out(lines.join("\n") + "\n");
  return blocks ? EXIT.refused : EXIT.ok;
}

async function install(io: Io, ctx: CommandContext, file: string): Promise<number> {
  const { brand, lang } = ctx;
  const keys = await importVerifyKeys(brand.licence.publicKeys, "licence.publicKeys");
  // Read once: the bytes verified are the bytes installed.
  const read = await readTokenText(file);
  const evidence = "text" in read ? await verifyLicenceToken(read.text, keys) : read.evidence;
  if (evidence.state === "none" || !("text" in read)) {
    const why = evidence.state === "rejected" ? evidence.detail : "it does not exist";
    throw new InvalidInputError({
      ja: `ライセンス ファイル "${file}" を読めません (${why})`,
      en: `Cannot read licence file "${file}": ${why}`,
    });
  }
  const { problem, block } = await judge(brand, evidence, ctx.now());
  if (evidence.state === "rejected") {
    // Truncated, edited or foreign: the file itself is wrong.
    throw new InvalidInputError({
      ja: `ライセンス ファイル "${file}" をインストールしません: ${block.reason!.ja}`,
      en: `Not installing licence file "${file}": ${block.reason!.en}`,
    });
  }
  if (problem) {
    throw new RefusedError({
      ja: `ライセンス ファイル "${file}" をインストールしません: ${block.reason!.ja}`,
      en: `Not installing licence file "${file}": ${block.reason!.en}`,
    });
  }
  let path: string;
  try {
    path = await installLicence(ctx.configDir, read.text);
  } catch (e) {
    throw new InvalidInputError({
      ja: `ライセンスを "${ctx.configDir}" に保存できません: ${(e as Error).message}`,
      en: `Cannot install the licence into "${ctx.configDir}": ${(e as Error).message}`,
    });
  }
  io.err(
    lang === "ja"
      ? `ライセンスをインストールしました (${block.licensee}、${
        formatTime(block.notAfter!)
      } まで): ${path}\n`
      : `Licence installed (${block.licensee}, valid until ${
        formatTime(block.notAfter!)
      }): ${path}\n`,
  );
  return EXIT.ok;
}

async function remove(io: Io, ctx: CommandContext): Promise<number> {
  const removed = await removeLicence(ctx.configDir);
  const ja = ctx.lang === "ja";
  io.err(
    removed
      ? (ja ? "ライセンスを削除しました\n" : "Licence removed\n")
      : (ja ? "インストールされたライセンスはありません\n" : "No licence was installed\n"),
  );
  return EXIT.ok;
}
