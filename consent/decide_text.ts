/**
 * The words of the decision's reasons, in Japanese and English. Kept apart from
 * `decide.ts` so the logic reads on one screen; pure like it.
 *
 * @module
 */
import { CATEGORY_TEXT } from "./categories.ts";
import type { LicenceClaims } from "./licence_token.ts";
import type { Lang, Localized } from "../util/text.ts";
import type { DataCategory } from "../util/data_categories.ts";
import type { Grants, LicenceProblem, Requirements, TermsProblem } from "./requirements.ts";

/** `2027-03-31 23:59 UTC`: unambiguous for a customer and a support desk alike. */
export function formatTime(iso: string): string {
  return new Date(iso).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/** Why the terms are not accepted. */
export function terms(req: Requirements, grants: Grants, problem: TermsProblem): Localized {
  const v = req.terms.version;
  const how = {
    ja:
      `内容を kiriwake terms show で読み、同意する場合は kiriwake terms accept ${v} を実行してください`,
    en: `read them with kiriwake terms show and, if you agree, run kiriwake terms accept ${v}`,
  };
  const path = grants.state === "damaged" || grants.state === "unreadable" ? grants.path : "";
  const detail = grants.state === "damaged" || grants.state === "unreadable" ? grants.detail : "";
  switch (problem) {
    case "not-accepted":
      return {
        ja: `規約 (第 ${v} 版) にまだ同意していません。${how.ja}`,
        en: `The terms (version ${v}) have not been accepted; ${how.en}`,
      };
    case "old-version": {
      const old = grants.state === "accepted" ? grants.terms.version : "?";
      return {
        ja: `規約が第 ${old} 版から第 ${v} 版に改定されたため、改めて同意が必要です。${how.ja}`,
        en:
          `The terms changed from version ${old} to version ${v} and must be accepted again; ${how.en}`,
      };
    }
    case "changed-text":
      return {
        ja: `同意した第 ${v} 版の規約と現在の文面が異なるため、改めて同意が必要です。${how.ja}`,
        en:
          `The text of terms version ${v} is not the text that was accepted, so it must be accepted again; ${how.en}`,
      };
    case "record-damaged":
      return {
        ja:
          `同意記録 "${path}" が壊れているか、手で編集されています (${detail})。同意したことにはしません。${how.ja}`,
        en:
          `The consent record "${path}" is damaged or was edited by hand (${detail}), so it does not count as consent; ${how.en}`,
      };
    case "record-unreadable":
      return {
        ja: `同意記録 "${path}" を読めません (${detail})。設定ディレクトリの権限を確認してください`,
        en:
          `Cannot read the consent record "${path}" (${detail}); check the config directory and its permissions`,
      };
    case "brand-mismatch":
      return brandMismatch(req, "ja");
  }
}

/** The brand declares another hash for this version's text than the text has. */
export function brandMismatch(req: Requirements, lang: Lang): Localized {
  const v = req.terms.version;
  const d = req.terms.declared[lang];
  const a = req.terms.actual[lang];
  return {
    ja:
      `規約 第 ${v} 版 (${lang}) の文面の SHA-256 (${a}) が、ブランド設定がこの版に宣言する値 (${d}) と一致しません。このビルドの規約は信頼できないため測定しません。提供者に連絡してください`,
    en:
      `The terms text of version ${v} (${lang}) hashes to ${a}, not to the SHA-256 the brand declares for that version (${d}); these terms cannot be trusted, so nothing is measured. Contact the provider`,
  };
}

/** A required category was not granted. */
export function categoryNeeded(c: DataCategory): Localized {
  return {
    ja: `測定には「${CATEGORY_TEXT[c].ja}」の記録への同意が必要です`,
    en: `Measuring needs consent to record ${CATEGORY_TEXT[c].en}`,
  };
}

/** A requested category the customer never granted. */
export function notConsented(req: Requirements, c: DataCategory): Localized {
  return {
    ja: `「${
      CATEGORY_TEXT[c].ja
    }」は同意されていないため記録しません (変えるには kiriwake terms accept ${req.terms.version} --consent …)`,
    en: `${
      CATEGORY_TEXT[c].en
    } is not recorded: it was not consented (change that with kiriwake terms accept ${req.terms.version} --consent …)`,
  };
}

/** This OS is not one the brand supports. */
export function os(req: Requirements): Localized {
  const list = req.os.supported.join(", ");
  const refuse = req.os.elsewhere === "refuse";
  return {
    ja: `この OS (${req.os.current}) は ${req.product} の対応 OS (${list}) ではありません${
      refuse ? "。そのため測定しません" : "。結果が正しくない場合があります"
    }`,
    en: `This OS (${req.os.current}) is not one ${req.product} supports (${list})${
      refuse ? ", so nothing is measured" : "; results may be wrong"
    }`,
  };
}

/** A licence is required and none is installed. */
export function licenceMissing(req: Requirements): Localized {
  return {
    ja:
      `${req.product} の利用にはライセンスが必要ですが、インストールされていません。提供者から届いたライセンス ファイルを kiriwake license install ファイル でインストールしてください`,
    en:
      `${req.product} needs a licence, and none is installed; install the licence file from your provider with kiriwake license install FILE`,
  };
}

/** Why an installed licence is not valid. */
export function licence(
  req: Requirements,
  problem: LicenceProblem,
  detail: string,
  claims: LicenceClaims | null,
): Localized {
  switch (problem) {
    case "missing":
      return licenceMissing(req);
    case "malformed":
      return {
        ja:
          `ライセンス ファイルが正しくありません (${detail})。提供者から届いたファイルをもう一度インストールしてください`,
        en:
          `The licence file is not a valid licence (${detail}); install the file from your provider again`,
      };
    case "unknown-key":
      return {
        ja:
          `ライセンスが ${req.product} の知らない鍵で署名されています (${detail})。この製品のライセンスではありません`,
        en:
          `The licence is signed by a key ${req.product} does not know (${detail}): it is not a licence for this kit`,
      };
    case "bad-signature":
      return {
        ja: "ライセンスの署名が正しくありません。ファイルが改変されたか壊れています",
        en: "The licence signature is wrong: the file was altered or damaged",
      };
    case "wrong-product":
      return {
        ja: `このライセンスは「${claims?.product}」用で、${req.product} 用ではありません`,
        en: `This licence is for "${claims?.product}", not for ${req.product}`,
      };
    case "expired":
      return {
        ja: `ライセンスの有効期限 (${formatTime(claims!.notAfter)}) が切れています`,
        en: `The licence expired on ${formatTime(claims!.notAfter)}`,
      };
    case "not-yet-valid":
      return {
        ja: `ライセンスはまだ有効ではありません (${formatTime(claims!.notBefore)} から有効)`,
        en: `The licence is not valid yet: it starts on ${formatTime(claims!.notBefore)}`,
      };
  }
}
