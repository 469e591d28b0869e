import assert from "node:assert/strict";
import { memoryDatabase } from "../../../collector/testing.ts";
import { addStaff, storeReport, variantReport } from "../../../collector/testing_console.ts";
import { verifyReportText } from "../../../report/verify.ts";
import { CONSOLE_CSP } from "./guard.ts";
import { Browser, consoleTestApp, csrfOf, ORIGIN } from "./testing.ts";

const evening = (d: number, m = 0) => new Date(Date.UTC(2026, 11, d, 12, m));

Deno.test("the console over PGlite", async (t) => {
  const db = await memoryDatabase();
  const { app, con, errors } = await consoleTestApp(db);
  try {
    await addStaff(con, "acme", "aiko", "agent");
    await addStaff(con, "acme", "boss", "tenant-admin");
    const mac = "00:1a:2b:3c:4d:5e";
    const early = await storeReport(
      db,
      "acme",
      await variantReport({ at: evening(1), mac, access: "pppoe", downMbps: 80 }),
      { ticket: "T-7" },
    );
    const late = await storeReport(
      db,
      "acme",
      await variantReport({ lab: "isp-access-loss", at: evening(2), mac, access: "pppoe" }),
      { ticket: "T-7" },
    );

    await t.step("a visitor is sent to sign in; pages carry the strict policy", async () => {
      const b = new Browser(app);
      const root = await b.request("/");
      assert.equal(root.status, 303);
      assert.equal(root.headers.get("location"), "/console");
      const page = await b.get("/console/r/" + early.receipt);
      assert.equal(
        page.url,
        `/console/sign-in?next=${encodeURIComponent(`/console/r/${early.receipt}`)}`,
      );
      assert.equal(page.res.headers.get("content-security-policy"), CONSOLE_CSP);
      assert.match(CONSOLE_CSP, /script-src 'none'/);
      assert.equal(page.res.headers.get("x-frame-options"), "DENY");
      assert.ok(!page.text.includes(early.report.id), "nothing of the report");
      assert.ok(!page.text.includes(early.report.diagnosis.headline.text.ja));
    });

    await t.step(
      "an agent types the code the customer reads out and the report opens",
      async () => {
        const b = new Browser(app);
        const home = await b.signIn("aiko");
        assert.equal(home.status, 200);
        assert.match(home.text, /class="mini-path"/);
        const cookie = b.jar.get("kw_console")!;
        assert.ok(cookie.length >= 40);
        const typed = late.receipt.toLowerCase().replaceAll("-", " ");
        const found = await b.get(`/console?receipt=${encodeURIComponent(typed)}`);
        assert.equal(found.url, `/console/r/${late.receipt}`);
        assert.match(found.text, /baseline-title/);
        assert.match(found.text, /timeline-title/);
        assert.match(
          found.text,
          new RegExp(`/console/compare\\?a=${early.receipt}&amp;b=${late.receipt}`),
        );
        assert.match(found.text, /10\.64\.0\.1|Data is lost|データが失われています/);
        const details = await b.get(`/console/r/${late.receipt}/details`);
        assert.equal(details.res.status, 200);
        const json = await b.get(`/console/r/${late.receipt}/report.json`);
        assert.match(
          json.res.headers.get("content-disposition")!,
          /attachment; filename=".+\.json"/,
        );
        const r = await verifyReportText(json.text, "download");
        assert.equal(r.id, late.report.id);
        const html = await b.get(`/console/r/${late.receipt}/report.html?lang=en`);
        assert.match(html.text, /^<!DOCTYPE html>/);
        const txt = await b.get(`/console/r/${late.receipt}/report.txt`);
        assert.equal(txt.res.status, 200);
        const cmp = await b.get(`/console/compare?r=${late.receipt}&r=${early.receipt}`);
        assert.equal(cmp.res.status, 200);
        const grid = cmp.text.slice(cmp.text.indexOf(`class="compare-grid"`));
        assert.ok(grid.indexOf(early.receipt) < grid.indexOf(late.receipt), "older first");
        const csv = await b.get("/console/export.csv?ticket=T-7");
        assert.equal(csv.text.trim().split("\r\n").length, 3);
        const missing = await b.get("/console?receipt=KW-3333-3333");
        assert.equal(missing.res.status, 200);
        assert.match(missing.text, /banner error/);
        const notFound = await b.get("/console/r/KW-XXXX-XXXX");
        assert.equal(notFound.res.status, 404);
      },
    );

    await t.step(
      "forms from elsewhere, without the token or without an origin are refused",
      async () => {
        const b = new Browser(app);
        await b.signIn("boss");
        const page = await b.get("/console/staff");
        const csrf = csrfOf(page.text);
        const add = { csrf, login: "mallory", role: "agent", name: "" };
        assert.equal(
          (await b.post("/console/staff", add, { origin: "http://evil.test" })).status,
          403,
        );
        assert.equal((await b.post("/console/staff", add, { origin: null })).status, 403);
        assert.equal((await b.post("/console/staff", { ...add, csrf: "x" })).status, 403);
        assert.equal(
          (await con.accounts.list(
            (await import("../../../collector/scope.ts")).Scope.tenant("acme"),
          )).some((a) => a.login === "mallory"),
          false,
        );
        const ok = await b.post("/console/staff", add);
        assert.equal(ok.status, 200);
        const text = await ok.text();
        const password = /class="one-time code" translate="no">([^<]+)</.exec(text)?.[1];
        assert.ok(password && password.length === 20, "the one-time password is shown once");
        // The new account must change its password before anything else.
        const m = new Browser(app);
        const first = await m.signIn("mallory", password);
        assert.match(first.text, /name="current"/);
        const again = await m.get("/console");
        assert.equal(again.url, "/console/password");
        const set = await m.post("/console/password", {
          csrf: csrfOf(again.text),
          current: password,
          next: "a new long enough secret",
          repeat: "a new long enough secret",
        });
        assert.equal(set.status, 303);
        assert.equal((await m.get("/console")).url, "/console");
      },
    );

    await t.step(
      "sign-in: a planted session cookie is never adopted; sign-out ends the session",
      async () => {
        const b = new Browser(app);
        b.jar.set("kw_console", "planted-by-an-attacker-0123456789abcdefghijklmnop");
        const signIn = await b.get("/console/sign-in");
        assert.equal(b.jar.has("kw_console"), false, "an unknown session cookie is deleted");
        b.jar.set("kw_console", "planted-by-an-attacker-0123456789abcdefghijklmnop");
        const res = await b.post("/console/sign-in", {
          csrf: csrfOf(signIn.text),
          login: "aiko",
          password: "correct horse battery staple",
        });
        assert.equal(res.status, 303);
        const issued = b.jar.get("kw_console")!;
        assert.notEqual(issued, "planted-by-an-attacker-0123456789abcdefghijklmnop");
        assert.match(
          res.headers.getSetCookie().join("\n"),
          /kw_console=[^;]+; Path=\/console; HttpOnly; SameSite=Strict/,
        );
        const home = await b.get("/console");
        const out = await b.post("/console/sign-out", { csrf: csrfOf(home.text) });
        assert.equal(out.status, 303);
        const old = new Browser(app);
        old.jar.set("kw_console", issued);
        assert.match((await old.get("/console")).url, /^\/console\/sign-in/);
      },
    );

    await t.step(
      "sign-in from another site, or without the pre-sign-in token, is refused",
      async () => {
        const b = new Browser(app);
        const page = await b.get("/console/sign-in");
        const fields = {
          csrf: csrfOf(page.text),
          login: "aiko",
          password: "correct horse battery staple",
        };
        assert.equal(
          (await b.post("/console/sign-in", fields, { origin: "http://evil.test" })).status,
          403,
        );
        const fresh = new Browser(app);
        assert.equal((await fresh.post("/console/sign-in", fields)).status, 403);
      },
    );

    await t.step("an agent may not manage staff, read the audit log or set retention", async () => {
      const b = new Browser(app);
      await b.signIn("aiko");
      for (
        const p of ["/console/staff", "/console/audit", "/console/audit.csv", "/console/tenants"]
      ) {
        assert.equal((await b.get(p)).res.status, 403, p);
      }
      const home = await b.get("/console");
      const res = await b.post("/console/tenants/acme/retention", {
        csrf: csrfOf(home.text),
        days: "1",
      });
      assert.equal(res.status, 403);
    });

    await t.step(
      "the audit log shows who opened and exported what, and exports as CSV",
      async () => {
        const b = new Browser(app);
        await b.signIn("boss");
        const page = await b.get(`/console/audit?receipt=${late.receipt}`);
        assert.match(page.text, /aiko/);
        assert.match(page.text, /レポートを開いた|opened a report/);
        const csv = await b.request(`/console/audit.csv?receipt=${late.receipt}&action=export`);
        const bytes = new Uint8Array(await csv.arrayBuffer());
        assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "a UTF-8 mark for Excel");
        const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
        assert.equal(lines[0], "at,tenant,actor_login,actor_tenant,action,receipts,detail");
        assert.ok(lines.length >= 4, "json, html and text downloads");
        assert.ok(lines.slice(1).every((l) => l.includes(late.receipt) && l.includes(",export,")));
      },
    );

    assert.deepEqual(errors, []);
    void ORIGIN;
  } finally {
    await db.close();
  }
});
