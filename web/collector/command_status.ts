/**
 * `kiriwake collector status keygen|sign|show`: the provider makes its status signing key
 * (kept offline), signs a status document that the collector then serves as is, and checks
 * what a collector would serve.
 *
 * @module
 */
import { readStatus, signStatus } from "../../consent/status_document.ts";
import { completePayload, generateStatusKey, parseStatusKey } from "../../collector/status_sign.ts";
import type { CommandContext, Io } from "../../session/command.ts";
import { atomicWrite } from "../../util/atomic_write.ts";
import { importVerifyKeys } from "../../util/crypto.ts";
import { EXIT, InvalidInputError, UsageError } from "../../util/errors.ts";

/** The flags `status` reads. */
export interface StatusFlags {
  key?: string;
  payload?: string;
  out?: string;
  status?: string;
}

/** Runs `collector status ACTION`. */
export async function statusCommand(
  io: Io,
  ctx: CommandContext,
  action: string | undefined,
  f: StatusFlags,
  where: { dataDir: string; statusPath: string },
): Promise<number> {
  const ja = ctx.lang === "ja";
  switch (action) {
    case "keygen": {
      if (!f.out) throw need("collector status keygen", "--out KEYFILE");
      const key = await generateStatusKey(ctx.now());
      try {
        await Deno.writeTextFile(f.out, JSON.stringify(key, null, 2) + "\n", {
          createNew: true,
          mode: 0o600,
        });
      } catch (e) {
        throw cannot(
          f.out,
          "作れません (既存のファイルは上書きしません)",
          "Cannot create (an existing file is never overwritten)",
          e,
        );
      }
      io.out(JSON.stringify({ keyId: key.keyId, publicKey: key.publicKey }, null, 2) + "\n");
      io.err(
        ja
          ? `秘密鍵を "${f.out}" に保存しました。コレクターには置かず、公開しないでください。publicKey をブランド設定の status.publicKeys に加えてください\n`
          : `Private key saved to "${f.out}": keep it secret and off the collector. Add publicKey to status.publicKeys in the brand configuration\n`,
      );
      return EXIT.ok;
    }
    case "sign": {
      if (!f.key) throw need("collector status sign", "--key KEYFILE");
      const key = parseStatusKey(await read(f.key), f.key);
      const partial = f.payload ? parseJson(await read(f.payload), f.payload) : {};
      const payload = completePayload(partial, ctx.brand, ctx.now(), f.payload ?? "(defaults)");
      const text = await signStatus(payload, key);
      const out = f.out ?? where.statusPath;
      if (out === "-") io.out(text);
      else {
        await Deno.mkdir(where.dataDir, { recursive: true }).catch(() => {});
        await atomicWrite(out, text);
        io.err(
          ja
            ? `署名したステータス文書を "${out}" に書きました (有効期限 ${payload.expiresAt})。実行中のコレクターは 30 秒以内に読み込みます\n`
            : `Signed status document written to "${out}" (expires ${payload.expiresAt}); running collectors pick it up within 30 s\n`,
        );
      }
      return EXIT.ok;
    }
    case "show": {
      const path = f.status ?? where.statusPath;
      const text = await read(path);
      const keys = f.key
        ? await importVerifyKeys([parseStatusKey(await read(f.key), f.key).publicKey], "--key")
        : null;
      const evidence = await readStatus(text, keys);
      if (evidence.state === "rejected") {
        throw new InvalidInputError({
          ja: `ステータス文書 "${path}" を使えません (${evidence.problem}): ${evidence.detail}`,
          en: `Status document "${path}" is not usable (${evidence.problem}): ${evidence.detail}`,
        });
      }
      io.out(
        JSON.stringify(
          { keyId: evidence.keyId, verified: evidence.verified, payload: evidence.payload },
          null,
          2,
        ) + "\n",
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError({
        ja: "使い方: kiriwake collector status keygen|sign|show",
        en: "Usage: kiriwake collector status keygen|sign|show",
      });
  }
}

async function read(path: string): Promise<string> {
  try {
    return await Deno.readTextFile(path);
  } catch (e) {
    throw cannot(path, "読めません", "Cannot read", e);
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw cannot(path, "JSON ではありません", "Not JSON", e);
  }
}

function need(form: string, flag: string): UsageError {
  return new UsageError({
    ja: `${form}: ${flag} を指定してください`,
    en: `${form}: ${flag} is required`,
  });
}

function cannot(path: string, ja: string, en: string, e: unknown): InvalidInputError {
  const why = (e as Error).message;
  return new InvalidInputError({ ja: `"${path}" ${ja}: ${why}`, en: `${en} "${path}": ${why}` });
}
