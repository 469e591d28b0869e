/**
 * Staff accounts for admins: the accounts of the tenant (every tenant for a provider admin)
 * with their state, disable/enable and password reset; and a form to add one. A new or reset
 * password is shown once, on the page that answers the form.
 *
 * @module
 */
import type { StaffAccount } from "../../../collector/accounts.ts";
import { can, ROLES } from "../../../collector/roles.ts";
import { consolePage, CsrfField, type PageCtx } from "./layout.tsx";
import { fmtTime, ROLE_TEXT, W } from "./words.ts";

/** What the staff page shows. */
export interface StaffView {
  accounts: StaffAccount[];
  /** A password to hand over once, and whose. */
  oneTime?: { login: string; password: string };
  message?: { text: string; error: boolean };
  now: Date;
}

/** Renders the staff page. */
export function staffPage(ctx: PageCtx, v: StaffView): Promise<string> {
  const { lang, staff } = ctx;
  const provider = staff ? can(staff, "all-tenants") : false;
  const roles = ROLES.filter((r) => r !== "provider-admin" || provider);
  return consolePage(
    ctx,
    { title: W.staff[lang], section: "staff" },
    <>
      <h1>{W.staff[lang]}</h1>
      {v.message
        ? <p class={`banner${v.message.error ? " error" : ""}`} role="status">{v.message.text}</p>
        : null}
      {v.oneTime
        ? (
          <section class="panel" role="status">
            <p>
              <strong translate="no">{v.oneTime.login}</strong>: {W.oneTimePassword[lang]}
            </p>
            <p class="one-time code" translate="no">{v.oneTime.password}</p>
          </section>
        )
        : null}
      <div class="table-wrap" tabindex={0} role="region" aria-label={W.staff[lang]}>
        <table class="grid-table">
          <thead>
            <tr>
              <th>{W.login[lang]}</th>
              <th>{W.name[lang]}</th>
              <th>{W.role[lang]}</th>
              {provider ? <th>{W.tenant[lang]}</th> : null}
              <th>{W.state[lang]}</th>
              <th>{W.lastSignIn[lang]}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {v.accounts.map((a) => {
              const locked = a.lockedUntil !== null && a.lockedUntil > v.now;
              const self = staff?.id === a.id;
              return (
                <tr>
                  <td translate="no">{a.login}</td>
                  <td>{a.displayName}</td>
                  <td>{ROLE_TEXT[a.role][lang]}</td>
                  {provider ? <td translate="no">{a.tenant}</td> : null}
                  <td
                    class={a.disabled ? "state-disabled" : locked ? "state-locked" : ""}
                  >
                    {a.disabled ? W.disabled[lang] : locked ? W.locked[lang] : W.active[lang]}
                  </td>
                  <td>{a.lastSignIn ? fmtTime(a.lastSignIn, ctx.timeZone) : "–"}</td>
                  <td>
                    {self ? null : (
                      <div class="actions">
                        <form
                          method="post"
                          action={`/console/staff/${a.login}/${a.disabled ? "enable" : "disable"}`}
                          class="inline"
                        >
                          <CsrfField token={ctx.csrf} />
                          <button type="submit" class={a.disabled ? "secondary" : "danger"}>
                            {a.disabled ? W.enable[lang] : W.disable[lang]}
                          </button>
                        </form>
                        <form
                          method="post"
                          action={`/console/staff/${a.login}/reset`}
                          class="inline"
                        >
                          <CsrfField token={ctx.csrf} />
                          <button type="submit" class="secondary">{W.reset[lang]}</button>
                        </form>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section class="panel">
        <h2>{W.addStaff[lang]}</h2>
        <form method="post" action="/console/staff" class="field-grid">
          <CsrfField token={ctx.csrf} />
          <label>
            {W.login[lang]}
            <input type="text" name="login" required maxlength={64} autocomplete="off" />
          </label>
          <label>
            {W.name[lang]}
            <input type="text" name="name" maxlength={200} autocomplete="off" />
          </label>
          <label>
            {W.role[lang]}
            <select name="role">
              {roles.map((r) => <option key={r} value={r}>{ROLE_TEXT[r][lang]}</option>)}
            </select>
          </label>
          {provider
            ? (
              <label>
                {W.tenant[lang]}
                <input type="text" name="tenant" maxlength={200} required value={staff?.tenant} />
              </label>
            )
            : null}
          <div class="actions">
            <button type="submit">{W.add[lang]}</button>
          </div>
        </form>
      </section>
    </>,
  );
}
