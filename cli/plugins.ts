/**
 * `kiriwake plugins list|verify [FILE]`, `plugins new NAME`, `plugins keygen --out FILE`,
 * `plugins sign MANIFEST --key FILE`: what a provider engineer needs to write, check, sign
 * and ship plugin probes.
 *
 * @module
 */
import { join } from "node:path";
import { EXIT, InvalidInputError, UsageError } from "../util/errors.ts";
import { discoverPlugins, processDiscovery } from "../plugins/discover.ts";
import { type LoadedManifest, loadManifest, signaturePath } from "../plugins/manifest_load.ts";
import { scaffoldPlugin } from "../plugins/scaffold.ts";
import { generateSigningKey, signingKeySchema, signManifest } from "../plugins/signature.ts";
import { BUILTIN_IDS } from "../probes/mod.ts";
import { atomicWrite } from "../util/atomic_write.ts";
import { INPUT_LIMITS, readInputFile, readInputText } from "../util/read_input.ts";
import { parseJson } from "../util/json_text.ts";
import { formatIssues } from "../util/zod_issues.ts";
import { parseCommandArgs } from "../util/args.ts";
import type { Command, CommandContext, Io } from "../session/command.ts";
import type { Lang } from "../util/text.ts";
import { jsonSafeForTerminal, terminalSafe } from "../util/terminal_text.ts";

const USAGE = {
  ja:
    "plugins list|verify [ファイル] | new 名前 [--dir DIR] | keygen --out ファイル | sign マニフェスト --key ファイル",
  en:
    "plugins list|verify [FILE] | new NAME [--dir DIR] | keygen --out FILE | sign MANIFEST --key FILE",
};

/** The `plugins` command. */
export const pluginsCommand: Command = async (args, io, ctx) => {
  const [sub, ...rest] = args;
  switch (sub) {
    case "list":
    case "verify":
      return await listOrVerify(sub, rest, io, ctx);
    case "new":
      return await newPlugin(rest, io, ctx);
    case "keygen":
      return await keygen(rest, io, ctx);
    case "sign":
      return await sign(rest, io, ctx);
    default:
      throw new UsageError({ ja: `使い方: ${USAGE.ja}`, en: `Usage: ${USAGE.en}` });
  }
};

async function listOrVerify(sub: string, args: string[], io: Io, ctx: CommandContext) {
  const { values, positionals } = parseCommandArgs(`plugins ${sub}`, args, {
    json: { type: "boolean" },
  }, 1);
  const m = await discoverPlugins(ctx.brand, processDiscovery(positionals[0], ctx.configDir));
  if (!m) {
    if (sub === "verify") {
      throw new InvalidInputError({
        ja: "プラグイン マニフェストが見つかりません",
        en: "No plugin manifest found",
      });
    }
    io.out(ctx.lang === "ja" ? "プラグインはありません\n" : "No plugins\n");
    return EXIT.ok;
  }
  // A manifest's titles and names are the publisher's words: inert on a terminal.
  if (values.json) io.out(jsonSafeForTerminal(JSON.stringify(describe(m), null, 2)) + "\n");
  else io.out(terminalSafe(sub === "list" ? listText(m, ctx.lang) : verifyText(m, ctx.lang)));
  for (const w of m.warnings) io.err(`${terminalSafe(w[ctx.lang])}\n`);
  return EXIT.ok;
}

function describe(m: LoadedManifest) {
  return {
    manifest: m.path,
    sha256: m.sha256,
    publisher: m.publisher,
    signedBy: m.signedBy,
    plugins: m.plugins.map((p) => ({
      id: p.entry.id,
      kind: p.entry.module ? "module" : "command",
      segment: p.entry.segment,
      title: p.entry.title,
      file: p.file,
      sha256: (p.entry.module ?? p.entry.command)!.sha256,
      dataCategories: p.entry.dataCategories,
      ...(p.permissions ? { permissions: p.permissions } : {}),
      ...(p.entry.command ? { env: p.entry.command.env } : {}),
    })),
  };
}

function listText(m: LoadedManifest, lang: Lang): string {
  const lines = [verifyText(m, lang)];
  for (const p of m.plugins) {
    const e = p.entry;
    const perms = p.permissions
      ? Object.entries(p.permissions).filter(([, l]) => l.length).map(([k, l]) =>
        `${k}: ${l.join(",")}`
      ).join("; ") || (lang === "ja" ? "権限なし" : "no permissions")
      : `${(e.command!.interpreter ?? []).join(" ")} ${e.command!.path}`.trim();
    lines.push(
      `  ${e.id.padEnd(28)} ${e.segment.padEnd(9)} ${(e.module ? "module" : "command").padEnd(8)} ${
        e.title[lang]
      }\n  ${" ".repeat(47)}${perms}\n`,
    );
  }
  return lines.join("");
}

function verifyText(m: LoadedManifest, lang: Lang): string {
  const sig = m.signedBy ?? (lang === "ja" ? "署名なし" : "unsigned");
  return lang === "ja"
    ? `OK: ${m.path}: ${m.publisher.name} (${m.publisher.id}) のプラグイン ${m.plugins.length} 件、ハッシュ一致、${sig}\n`
    : `OK: ${m.path}: ${m.plugins.length} plugins from ${m.publisher.name} (${m.publisher.id}), hashes match, ${
      m.signedBy ? `signed by key ${sig}` : sig
    }\n`;
}

async function newPlugin(args: string[], io: Io, ctx: CommandContext) {
  const { values, positionals } = parseCommandArgs("plugins new", args, {
    dir: { type: "string" },
    publisher: { type: "string" },
  }, 1);
  const name = positionals[0];
  if (!name) throw new UsageError({ ja: `使い方: ${USAGE.ja}`, en: `Usage: ${USAGE.en}` });
  let files;
  try {
    files = await scaffoldPlugin(name, values.publisher);
  } catch (e) {
    throw new UsageError({ ja: (e as Error).message, en: (e as Error).message });
  }
  const dir = values.dir ?? name;
  await Deno.mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await Deno.writeTextFile(join(dir, file), text, { createNew: true }).catch((e) => {
      throw e instanceof Deno.errors.AlreadyExists
        ? new UsageError({
          ja: `"${join(dir, file)}" は既にあります`,
          en: `"${join(dir, file)}" already exists`,
        })
        : e;
    });
  }
  io.out(
    ctx.lang === "ja"
      ? `${dir}/ に作成しました: ${Object.keys(files).join(", ")}\n`
      : `Created in ${dir}/: ${Object.keys(files).join(", ")}\n`,
  );
  return EXIT.ok;
}

async function keygen(args: string[], io: Io, ctx: CommandContext) {
  const { values } = parseCommandArgs("plugins keygen", args, { out: { type: "string" } });
  if (!values.out) throw new UsageError({ ja: `使い方: ${USAGE.ja}`, en: `Usage: ${USAGE.en}` });
  const key = await generateSigningKey();
  await Deno.writeTextFile(values.out, JSON.stringify(key, null, 2) + "\n", {
    createNew: true,
    mode: 0o600,
  }).catch((e) => {
    throw e instanceof Deno.errors.AlreadyExists
      ? new UsageError({
        ja: `"${values.out}" は既にあります`,
        en: `"${values.out}" already exists`,
      })
      : e;
  });
  io.out(
    ctx.lang === "ja"
      ? `秘密鍵を ${values.out} に書きました (秘密にしてください)。鍵 ID ${key.keyId}\nブランド設定の plugins.publicKeys に加える公開鍵:\n${key.publicKey}\n`
      : `Wrote the private key to ${values.out} (keep it secret). Key id ${key.keyId}\nPublic key for the brand's plugins.publicKeys:\n${key.publicKey}\n`,
  );
  return EXIT.ok;
}

async function sign(args: string[], io: Io, ctx: CommandContext) {
  const { values, positionals } = parseCommandArgs("plugins sign", args, {
    key: { type: "string" },
  }, 1);
  const path = positionals[0];
  if (!path || !values.key) {
    throw new UsageError({ ja: `使い方: ${USAGE.ja}`, en: `Usage: ${USAGE.en}` });
  }
  // Only a manifest whose hashes match is worth a signature.
  await loadManifest(path, {
    unsigned: "allow",
    publicKeys: [],
    builtinIds: BUILTIN_IDS,
    ignoreSignature: true,
  });
  let key;
  try {
    const text = await readInputText(values.key, INPUT_LIMITS.record).catch((e) => {
      throw new Error(`it ${(e as Error).message}`);
    });
    const r = signingKeySchema.safeParse(parseJson(text));
    if (!r.success) throw new Error(formatIssues(r.error.issues));
    key = r.data;
  } catch (e) {
    throw new InvalidInputError({
      ja: `鍵 "${values.key}" を読み込めません: ${(e as Error).message}`,
      en: `Cannot load key "${values.key}": ${(e as Error).message}`,
    });
  }
  const sig = await signManifest(await readInputFile(path, INPUT_LIMITS.manifest), key);
  await atomicWrite(signaturePath(path), JSON.stringify(sig, null, 2) + "\n");
  io.out(
    ctx.lang === "ja"
      ? `署名しました: ${signaturePath(path)} (鍵 ID ${sig.keyId})\n`
      : `Signed: ${signaturePath(path)} (key id ${sig.keyId})\n`,
  );
  return EXIT.ok;
}
