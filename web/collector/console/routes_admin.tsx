/**
 * Admin routes: the audit log (and its CSV), staff accounts (add, disable, enable, reset) and
 * tenants' retention. Each checks the role's permission first; the data-access layer then
 * holds the tenant boundary (an account or tenant outside the scope is "not found").
 *
 * @module
 */
import type { Hono } from "hono";
import { AccountError, LOGIN_PATTERN, normaliseLogin } from "../../../collector/accounts.ts";
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditQuery,
  logEvent,
  readAudit,
} from "../../../collector/audit_log.ts";
import { toCsv } from "../../../collector/csv.ts";
import { can, isRole } from "../../../collector/roles.ts";
import { wallTimeToDate } from "../../../collector/search_filter.ts";
import { listTenants, setRetention } from "../../../collector/tenants.ts";
import { parseReceipt } from "../../../util/receipt.ts";
import type { ConsoleContext, Helpers } from "./helpers.ts";
import { auditPage } from "./audit_page.tsx";
import { checkedForm, type ConsoleEnv } from "./guard.ts";
import { download } from "./routes_find.tsx";
import { staffPage } from "./staff_page.tsx";
import { tenantsPage } from "./tenants_page.tsx";
import { W } from "./words.ts";

/** Adds the admin routes. */
export function adminRoutes(app: Hono<ConsoleEnv>, h: Helpers): void {
  const con = h.con;

  const auditQuery = (c: ConsoleContext, limit: number) => {
    const url = new URL(c.req.url);
    const fields: Record<string, string> = {};
    const problems: string[] = [];
    const q: AuditQuery = { limit };
    const get = (k: string) => {
      const v = url.searchParams.get(k)?.trim();
      if (v) fields[k] = v.slice(0, 100);
      return v || undefined;
    };
    const lang = h.ctx(c).lang;
    const receipt = get("receipt");
    if (receipt) {
      q.receipt = parseReceipt(receipt);
      if (!q.receipt) {
        problems.push(lang === "ja" ? "受付番号として読めません" : "Not a receipt code");
      }
    }
    const login = get("login");
    if (login) {
      const l = normaliseLogin(login);
      if (l === "-" || LOGIN_PATTERN.test(l)) q.login = l;
      else problems.push(lang === "ja" ? "ユーザー名が正しくありません" : "Not a user name");
    }
    const action = get("action");
    if (action) {
      if ((AUDIT_ACTIONS as readonly string[]).includes(action)) q.action = action as AuditAction;
      else problems.push(lang === "ja" ? "操作の指定が正しくありません" : "Not an action");
    }
    for (const k of ["from", "to"] as const) {
      const v = get(k);
      if (!v) continue;
      const d = wallTimeToDate(v, con.timeZone, k === "to");
      if (d) q[k] = d;
      else problems.push(lang === "ja" ? "日時が正しくありません" : "Not a date");
    }
    const tenant = get("tenant");
    if (tenant && h.scope(c).kind === "all-tenants") q.tenant = tenant;
    else delete fields.tenant;
    const before = get("before");
    if (before) {
      if (/^\d{1,18}$/.test(before)) q.beforeId = Number(before);
      else problems.push(lang === "ja" ? "ページの指定が正しくありません" : "Not a page marker");
    }
    delete fields.before;
    return { q, fields, problems };
  };

  app.get("/audit", async (c) => {
    const refused = await h.refuseUnless(c, "read-audit");
    if (refused) return refused;
    const scope = h.scope(c);
    const { q, fields, problems } = auditQuery(c, 101);
    const rows = await readAudit(con.db, scope, q);
    const staff = c.get("session")!.staff;
    const tenants = can(staff, "all-tenants")
      ? (await listTenants(con.db, scope)).map((t) => t.id)
      : null;
    return h.html(
      c,
      await auditPage(h.ctx(c), {
        rows: rows.slice(0, 100),
        more: rows.length > 100,
        fields,
        tenants,
        problems,
      }),
    );
  });

  app.get("/audit.csv", async (c) => {
    const refused = await h.refuseUnless(c, "read-audit");
    if (refused) return refused;
    const scope = h.scope(c);
    const { q } = auditQuery(c, con.settings.exportLimit);
    const rows = await readAudit(con.db, scope, q);
    const actor = h.actor(c);
    await logEvent(con.db, scope, {
      tenant: actor.tenant,
      actor,
      action: "export",
      detail: { what: "audit log", rows: rows.length },
    });
    const csv = toCsv(
      ["at", "tenant", "actor_login", "actor_tenant", "action", "receipts", "detail"],
      rows.map((r) => [
        r.at,
        r.tenant,
        r.actorLogin,
        r.actorTenant,
        r.action,
        r.receipts.join(" "),
        JSON.stringify(r.detail),
      ]),
    );
    return download(csv, "audit.csv", "text/csv");
  });

  const staffView = async (
    c: ConsoleContext,
    extra: {
      oneTime?: { login: string; password: string };
      message?: { text: string; error: boolean };
    },
    status = 200,
  ) => {
    const accounts = await con.accounts.list(h.scope(c));
    return h.html(c, await staffPage(h.ctx(c), { accounts, now: con.now(), ...extra }), status);
  };
  const accountMessage = (c: ConsoleContext, e: AccountError) => {
    const lang = h.ctx(c).lang;
    const text: Record<string, { ja: string; en: string }> = {
      "exists": { ja: "このユーザー名はすでに使われています", en: "This user name is taken" },
      "bad-login": {
        ja: "ユーザー名は英小文字・数字・. _ @ - の 2〜64 文字です",
        en: "A user name is 2–64 lowercase letters, digits or . _ @ -",
      },
      "forbidden": W.forbidden,
      "not-found": { ja: "そのアカウントはありません", en: "No such account" },
    };
    return { text: (text[e.code] ?? W.failed)[lang], error: true };
  };

  app.get("/staff", async (c) => {
    const refused = await h.refuseUnless(c, "manage-staff");
    return refused ?? await staffView(c, {});
  });

  app.post("/staff", async (c) => {
    const refused = await h.refuseUnless(c, "manage-staff");
    if (refused) return refused;
    const session = c.get("session")!;
    const form = await checkedForm(c, con, session.csrf);
    if (!form) return await h.message(c, 403, W.badForm[h.ctx(c).lang]);
    const staff = session.staff;
    const role = form.role;
    const tenant = can(staff, "all-tenants") ? (form.tenant ?? "").trim() : staff.tenant;
    if (!isRole(role) || tenant === "" || tenant.length > 200) {
      return await staffView(c, { message: { text: W.failed[h.ctx(c).lang], error: true } }, 400);
    }
    try {
      const made = await con.accounts.add(h.scope(c), { ...h.actor(c), role: staff.role }, {
        tenant,
        login: form.login ?? "",
        role,
        displayName: form.name,
      });
      return await staffView(c, {
        oneTime: { login: made.account.login, password: made.password },
      });
    } catch (e) {
      if (e instanceof AccountError) {
        return await staffView(c, { message: accountMessage(c, e) }, 400);
      }
      throw e;
    }
  });

  app.post("/staff/:login/:what{disable|enable|reset}", async (c) => {
    const refused = await h.refuseUnless(c, "manage-staff");
    if (refused) return refused;
    const session = c.get("session")!;
    const form = await checkedForm(c, con, session.csrf);
    if (!form) return await h.message(c, 403, W.badForm[h.ctx(c).lang]);
    const actor = { ...h.actor(c), role: session.staff.role };
    const login = c.req.param("login");
    const what = c.req.param("what");
    try {
      if (what === "reset") {
        const r = await con.accounts.reset(h.scope(c), actor, login);
        return await staffView(c, { oneTime: { login: r.account.login, password: r.password } });
      }
      await con.accounts.setDisabled(h.scope(c), actor, login, what === "disable");
      return c.redirect("/console/staff", 303);
    } catch (e) {
      if (e instanceof AccountError) {
        return await staffView(
          c,
          { message: accountMessage(c, e) },
          e.code === "not-found" ? 404 : 400,
        );
      }
      throw e;
    }
  });

  const tenantsView = async (
    c: ConsoleContext,
    message?: { text: string; error: boolean },
    status = 200,
  ) =>
    h.html(
      c,
      await tenantsPage(h.ctx(c), {
        tenants: await listTenants(con.db, h.scope(c)),
        defaultDays: con.retentionDays,
        message,
      }),
      status,
    );

  app.get("/tenants", async (c) => {
    const refused = await h.refuseUnless(c, "set-retention");
    return refused ?? await tenantsView(c);
  });

  app.post("/tenants/:id/retention", async (c) => {
    const refused = await h.refuseUnless(c, "set-retention");
    if (refused) return refused;
    const session = c.get("session")!;
    const lang = h.ctx(c).lang;
    const form = await checkedForm(c, con, session.csrf);
    if (!form) return await h.message(c, 403, W.badForm[lang]);
    const text = (form.days ?? "").trim();
    const days = text === "" ? null : /^\d{1,5}$/.test(text) ? Number(text) : NaN;
    try {
      const ok = await setRetention(con.db, h.scope(c), h.actor(c), c.req.param("id"), days);
      if (!ok) return await h.message(c, 404, W.pageNotFound[lang]);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      return await tenantsView(c, { text: e.message, error: true }, 400);
    }
    return await tenantsView(c, { text: W.saved[lang], error: false });
  });
}
