/**
 * The provider's side of `kiriwake license`: `keygen` makes an Ed25519 key pair (the
 * private half stays with the provider; the public half goes into the brand
 * configuration), `issue` signs a licence for one customer.
 *
 * @module
 */
import { generateKeyPair } from "../consent/licence_token.ts";
import { importVerifyKeys } from "../util/crypto.ts";
import {
  type LicenceClaims,
  parseKeyPairFile,
  signLicence,
  verifyLicenceToken,
} from "../consent/licence_token.ts";
import { EXIT, InvalidInputError, UsageError } from "../util/errors.ts";
import { atomicWrite } from "../util/atomic_write.ts";
import { INPUT_LIMITS, readInputText } from "../util/read_input.ts";
import type { CommandContext, Io } from "../session/command.ts";

/** `license keygen --out FILE`: writes the key pair file (never over an existing one). */
export async function keygen(
  io: Io,
  ctx: CommandContext,
  out: string | undefined,
): Promise<number> {
  if (!out) {
    throw new UsageError({
      ja: "license keygen: 秘密鍵の保存先を --out ファイル で指定してください",
      en: "license keygen: name the private key file with --out FILE",
    });
  }
  const pair = await generateKeyPair(ctx.now());
  try {
    await Deno.writeTextFile(out, JSON.stringify(pair, null, 2) + "\n", {
      createNew: true,
      mode: 0o600,
    });
  } catch (e) {
    throw new InvalidInputError({
      ja: `鍵ファイル "${out}" を作れません (既存のファイルは上書きしません): ${
        (e as Error).message
      }`,
      en: `Cannot create key file "${out}" (an existing file is never overwritten): ${
        (e as Error).message
      }`,
    });
  }
  io.out(JSON.stringify({ keyId: pair.keyId, publicKey: pair.publicKey }, null, 2) + "\n");
  io.err(
    ctx.lang === "ja"
      ? `秘密鍵を "${out}" に保存しました。公開しないでください。publicKey をブランド設定の licence.publicKeys に加えてください\n`
      : `Private key saved to "${out}"; keep it secret. Add publicKey to licence.publicKeys in the brand configuration\n`,
  );
  return EXIT.ok;
}

/** The flags of `license issue`. */
export interface IssueFlags {
  key?: string;
  licensee?: string;
  "licensee-name"?: string;
  services?: string;
  product?: string;
  id?: string;
  "not-before"?: string;
  "not-after"?: string;
  out?: string;
}

/**
 * `license issue --key FILE --licensee ID --services A,B --not-after DATE [...]`: signs a
 * licence and writes it to `--out` or stdout.
 *
 * @throws {UsageError} for a missing flag or a bad date
 * @throws {InvalidInputError} for a bad key file
 */
export async function issueLicence(io: Io, ctx: CommandContext, f: IssueFlags): Promise<number> {
  for (const flag of ["key", "licensee", "services", "not-after"] as const) {
    if (!f[flag]) {
      throw new UsageError({
        ja: `license issue: --${flag} を指定してください`,
        en: `license issue: --${flag} is required`,
      });
    }
  }
  let keyText: string;
  try {
    keyText = await readInputText(f.key!, INPUT_LIMITS.record);
  } catch (e) {
    throw new InvalidInputError({
      ja: `鍵ファイル "${f.key}" を読めません: ${(e as Error).message}`,
      en: `Cannot read key file "${f.key}": it ${(e as Error).message}`,
    });
  }
  const pair = parseKeyPairFile(keyText, f.key!);
  const now = ctx.now();
  const claims: LicenceClaims = {
    schema: "kiriwake.licence/v1",
    id: f.id ?? `lic-${crypto.randomUUID()}`,
    licensee: { id: f.licensee!, ...(f["licensee-name"] ? { name: f["licensee-name"] } : {}) },
    product: f.product ?? ctx.brand.id,
    services: f.services!.split(",").map((s) => s.trim()).filter(Boolean),
    notBefore: f["not-before"]
      ? parseWhen(f["not-before"], "--not-before", "start")
      : now.toISOString(),
    notAfter: parseWhen(f["not-after"]!, "--not-after", "end"),
    issuedAt: now.toISOString(),
  };
  let token: string;
  try {
    token = await signLicence(claims, pair);
  } catch (e) {
    throw new UsageError({
      ja: `license issue: ${(e as Error).message}`,
      en: `license issue: ${(e as Error).message}`,
    });
  }
  // A key file whose halves do not belong together would issue licences nobody can verify.
  const check = await verifyLicenceToken(
    token,
    await importVerifyKeys([pair.publicKey], "licence.publicKeys"),
  );
  if (check.state !== "verified") {
    throw new InvalidInputError({
      ja: `鍵ファイル "${f.key}" の秘密鍵と公開鍵が対応していません`,
      en: `Key file "${f.key}": the private key does not match its public key`,
    });
  }
  const known = await importVerifyKeys(ctx.brand.licence.publicKeys, "licence.publicKeys");
  if (!known.some((k) => k.keyId === pair.keyId)) {
    io.err(
      ctx.lang === "ja"
        ? `注意: 鍵 ${pair.keyId} はこのビルドのブランド設定にないため、このビルドはこのライセンスを受け付けません\n`
        : `Note: key ${pair.keyId} is not in this build's brand configuration, so this build will not accept the licence\n`,
    );
  }
  if (f.out) await atomicWrite(f.out, token, 0o600);
  else io.out(token);
  return EXIT.ok;
}

/** A date (`2027-03-31`: the whole day, UTC) or a full ISO time. */
function parseWhen(text: string, flag: string, edge: "start" | "end"): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T${edge === "start" ? "00:00:00.000" : "23:59:59.999"}Z`
    : text;
  const t = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(text) || Number.isNaN(t)) {
    throw new UsageError({
      ja: `${flag}: 日付 (2027-03-31) または ISO 時刻ではありません: "${text}"`,
      en: `${flag}: not a date (2027-03-31) or an ISO time: "${text}"`,
    });
  }
  return new Date(t).toISOString();
}
