/**
 * The sign-in page and the password change page (forced after a reset, or by choice).
 * Both forms carry a form token; the password fields are never echoed back.
 *
 * @module
 */
import { MIN_PASSWORD_LENGTH } from "../../../collector/password.ts";
import { consolePage, CsrfField, type PageCtx } from "./layout.tsx";
import { W } from "./words.ts";

/** The sign-in page, with a message (a refusal, signed out, session ended) when there is one. */
export function signInPage(
  ctx: PageCtx,
  v: { preToken: string; login?: string; message?: string; next?: string },
): Promise<string> {
  const { lang } = ctx;
  return consolePage(
    ctx,
    { title: W.signIn[lang] },
    <section class="panel sign-in">
      <h1>{W.signIn[lang]}</h1>
      {v.message ? <p class="banner error" role="alert">{v.message}</p> : null}
      <form method="post" action="/console/sign-in" class="stack">
        <CsrfField token={v.preToken} />
        {v.next ? <input type="hidden" name="next" value={v.next} /> : null}
        <label>
          {W.login[lang]}
          <input
            type="text"
            name="login"
            autocomplete="username"
            autocapitalize="none"
            required
            maxlength={64}
            value={v.login ?? ""}
            autofocus
          />
        </label>
        <label>
          {W.password[lang]}
          <input
            type="password"
            name="password"
            autocomplete="current-password"
            required
            maxlength={512}
          />
        </label>
        <button type="submit">{W.signIn[lang]}</button>
      </form>
    </section>,
  );
}

/** The password change page. */
export function passwordPage(
  ctx: PageCtx,
  v: { forced: boolean; message?: string; done?: boolean },
): Promise<string> {
  const { lang } = ctx;
  return consolePage(
    ctx,
    { title: W.changePassword[lang] },
    <section class="panel sign-in">
      <h1>{W.changePassword[lang]}</h1>
      {v.forced ? <p class="banner">{W.mustChange[lang]}</p> : null}
      {v.done ? <p class="banner" role="status">{W.saved[lang]}</p> : null}
      {v.message ? <p class="banner error" role="alert">{v.message}</p> : null}
      <form method="post" action="/console/password" class="stack">
        <CsrfField token={ctx.csrf} />
        <input
          type="text"
          name="username"
          value={ctx.staff?.login ?? ""}
          autocomplete="username"
          hidden
        />
        <label>
          {W.current[lang]}
          <input
            type="password"
            name="current"
            autocomplete="current-password"
            required
            maxlength={512}
          />
        </label>
        <label>
          {W.newPassword[lang]}
          <input
            type="password"
            name="next"
            autocomplete="new-password"
            required
            minlength={MIN_PASSWORD_LENGTH}
            maxlength={512}
          />
        </label>
        <label>
          {W.repeat[lang]}
          <input
            type="password"
            name="repeat"
            autocomplete="new-password"
            required
            minlength={MIN_PASSWORD_LENGTH}
            maxlength={512}
          />
        </label>
        <button type="submit">{W.save[lang]}</button>
      </form>
    </section>,
  );
}
