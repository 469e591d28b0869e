/**
 * The terms and the consent form: the full text with its version and hash, a checkbox per
 * data category (required ones fixed and explained), agree and decline.
 *
 * @module
 */
import { CATEGORY_TEXT } from "../../consent/categories.ts";
import type { Terms } from "../../consent/terms.ts";
import type { PageCtx } from "../context.ts";
import { CsrfField } from "./forms.tsx";
import { page } from "./layout.tsx";
import { DATA_CATEGORIES, type DataCategory } from "../../util/data_categories.ts";

const T = {
  title: { ja: "利用規約と記録する情報", en: "Terms of use and what is recorded" },
  read: {
    ja: "診断を始める前に、利用規約をお読みください。",
    en: "Before the check starts, please read the terms of use.",
  },
  version: { ja: "版", en: "Version" },
  effective: { ja: "施行日", en: "Effective" },
  choose: { ja: "記録してよい情報", en: "What may be recorded" },
  chooseHint: {
    ja: "チェックを外した情報は測定・記録しません (一部の診断ができなくなります)。",
    en: "Unticked information is neither measured nor recorded (some checks will be skipped).",
  },
  required: { ja: "必須", en: "required" },
  agree: { ja: "同意して次へ", en: "Agree and continue" },
  decline: { ja: "同意しない", en: "Decline" },
  steps: {
    ja: ["1. 規約への同意", "2. 測定", "3. 結果と保存"],
    en: ["1. Accept the terms", "2. Measure", "3. Verdict and save"],
  },
};

/** Renders the terms page; `checked` is what the form starts with. */
export function termsPage(
  ctx: PageCtx,
  terms: Terms,
  optional: readonly DataCategory[],
  checked: readonly DataCategory[],
  error?: string,
): Promise<string> {
  const { lang } = ctx;
  return page(
    ctx,
    { title: T.title[lang] },
    <>
      <ol class="steps">
        {T.steps[lang].map((s, i) => <li key={i} class={i === 0 ? "now" : ""}>{s}</li>)}
      </ol>
      <h1>{T.title[lang]}</h1>
      {error ? <p class="banner error">{error}</p> : null}
      <p>{T.read[lang]}</p>
      <p class="muted">
        {T.version[lang]} {terms.version} · {T.effective[lang]} {terms.effectiveDate} · SHA-256{" "}
        <code>{terms.sha256.slice(0, 16)}…</code>
      </p>
      <div class="terms-text" tabindex={0} id="terms-text">{terms.text}</div>
      <form method="post" action="/consent">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="version" value={terms.version} />
        <input type="hidden" name="sha256" value={terms.sha256} />
        <h2 class="section-title">{T.choose[lang]}</h2>
        <p class="muted">{T.chooseHint[lang]}</p>
        <ul class="checks">
          {DATA_CATEGORIES.map((c) => {
            const isOptional = optional.includes(c);
            return (
              <li>
                <label>
                  <input
                    type="checkbox"
                    name="category"
                    value={c}
                    checked={!isOptional || checked.includes(c)}
                    disabled={!isOptional}
                  />
                  <span>
                    <strong>{CATEGORY_TEXT[c][lang]}</strong>
                    {isOptional ? null : <span class="pill">{T.required[lang]}</span>}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        <div class="actions">
          <button type="submit" name="decision" value="agree" class="big" id="agree">
            {T.agree[lang]}
          </button>
          <button type="submit" name="decision" value="decline" class="secondary" id="decline">
            {T.decline[lang]}
          </button>
        </div>
      </form>
    </>,
  );
}
