/**
 * The tenant isolation suite of the console: two tenants with reports that share a device, a
 * ticket and an incident's hop; staff of each. Acme's agent and admin try to reach globex's
 * data through every route — by receipt and report id, search on every field, compare,
 * exports, the report page's baseline, timeline and incident, the audit log, staff and
 * tenant pages, their POSTs, and the metrics — and any of globex's receipts, report ids,
 * tickets, device keys, logins or its name in an answer is a leak. A provider admin sees
 * both (so the data is really there). Run on PGlite and on PostgreSQL.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Database } from "../../collector/db.ts";
import { PROVIDER_TENANT, Scope } from "../../collector/scope.ts";
import {
  addStaff,
  type Stored,
  storeReport,
  variantReport,
} from "../../collector/testing_console.ts";
import { Browser, consoleTestApp, csrfOf } from "../../web/collector/console/testing.ts";

const at = (h: number, m = 0) => new Date(Date.UTC(2026, 11, 3, h, m));
const NOW = at(12, 40);

/**
 * Fails with the leaked value and where, when `text` contains any secret — after taking out
 * what the request itself carried (a value the asker typed is echoed, not leaked).
 */
function assertNoLeak(text: string, secrets: readonly string[], where: string): void {
  let rest = text;
  const url = new URL(where, "http://x");
  const echoed = [...url.searchParams.values(), ...url.pathname.split("/")].filter((v) =>
    v.length > 2
  );
  for (const v of echoed) {
    rest = rest.replaceAll(v, "").replaceAll(encodeURIComponent(v), "");
  }
  for (const s of secrets) {
    assert.ok(!rest.includes(s), `${where} leaks "${s}"`);
  }
}

/** Runs the suite over a fresh, migrated `db` (as steps of `t`). */
export async function isolationSuite(t: Deno.TestContext, db: Database): Promise<void> {
  const { app, con, errors } = await consoleTestApp(db, {}, () => NOW);
  await addStaff(con, "acme", "aiko", "agent");
  await addStaff(con, "acme", "boss", "tenant-admin");
  await addStaff(con, "globex", "gina", "agent");
  await addStaff(con, "globex", "gabe.globex", "tenant-admin");
  await addStaff(con, PROVIDER_TENANT, "root", "provider-admin");
  const mac = "00:1b:21:3a:4f:0c";
  const acme: Stored[] = [];
  const globex: Stored[] = [];
  for (let i = 0; i < 6; i++) {
    acme.push(
      await storeReport(
        db,
        "acme",
        await variantReport({ lab: "isp-access-loss", at: at(12, i * 5), mac, access: "pppoe" }),
        { ticket: "T-SHARED" },
      ),
    );
    globex.push(
      await storeReport(
        db,
        "globex",
        await variantReport({
          lab: "isp-access-loss",
          at: at(12, 1 + i * 5),
          mac,
          access: "pppoe",
        }),
        { ticket: i === 0 ? "T-SHARED" : `GLOBEX-ONLY-${i}`, licenceId: "lic-globex-1" },
      ),
    );
  }
  const [deviceRow] = await db.query<{ device_key: string }>(
    "SELECT device_key FROM reports WHERE tenant = 'globex' LIMIT 1",
  );
  const secrets = [
    "globex",
    "gina",
    "gabe.globex",
    "lic-globex-1",
    deviceRow.device_key,
    ...globex.flatMap((s) => [s.receipt, s.report.id]),
    ...[1, 2, 3, 4, 5].map((i) => `GLOBEX-ONLY-${i}`),
  ];
  const g = globex[0];

  // Globex's own staff read their reports, so globex has audit rows to leak.
  const gina = new Browser(app, "198.51.100.7");
  await gina.signIn("gina");
  for (const s of globex) await gina.get(`/console/r/${s.receipt}`);

  const agent = new Browser(app);
  assert.equal((await agent.signIn("aiko")).status, 200);
  const admin = new Browser(app);
  assert.equal((await admin.signIn("boss")).status, 200);

  await t.step(
    "audit log, staff and tenants: the tenant admin sees its own (before any probing)",
    async () => {
      for (
        const path of [
          "/console/audit",
          "/console/audit?tenant=globex",
          `/console/audit?receipt=${g.receipt}`,
          "/console/audit?login=gina",
          "/console/audit.csv",
          "/console/audit.csv?tenant=globex",
          "/console/staff",
          "/console/tenants",
        ]
      ) {
        const { res, text } = await admin.get(path);
        assert.equal(res.status, 200, path);
        assertNoLeak(text, secrets, path);
      }
    },
  );

  await t.step("search: the list, every field, a typed receipt", async () => {
    const reads = [
      "/console",
      `/console?ticket=T-SHARED`,
      `/console?ticket=GLOBEX-ONLY-1`,
      `/console?tenant=globex`,
      `/console?device=${deviceRow.device_key}`,
      `/console?licence=lic-globex-1`,
      "/console?segment=isp&access=pppoe&os=linux",
      `/console?before=${encodeURIComponent(`${at(13).toISOString()}|zzz`)}`,
    ];
    for (const path of reads) {
      for (const who of [agent, admin]) {
        const { res, text } = await who.get(path);
        assert.equal(res.status, 200, path);
        assertNoLeak(text, secrets, path);
      }
    }
    const typed = await agent.get(`/console?receipt=${g.receipt}`);
    assert.equal(typed.url.startsWith("/console?"), true, "no redirect to globex's report");
    assertNoLeak(typed.text, secrets, typed.url);
  });

  await t.step("by receipt: the report, its details and downloads are not found", async () => {
    const missing = await agent.get("/console/r/KW-3333-3333");
    for (const suffix of ["", "/details", "/report.json", "/report.html", "/report.txt"]) {
      const { res, text } = await agent.get(`/console/r/${g.receipt}${suffix}`);
      assert.equal(res.status, 404, suffix);
      assertNoLeak(text, secrets, `/console/r/${g.receipt}${suffix}`);
      if (suffix === "") {
        assert.equal(
          text.replaceAll(g.receipt, "KW-3333-3333"),
          missing.text,
          "the same answer as for a receipt that does not exist",
        );
      }
    }
  });

  await t.step("compare: another tenant's report on either side is not found", async () => {
    for (
      const path of [
        `/console/compare?a=${acme[0].receipt}&b=${g.receipt}`,
        `/console/compare?a=${g.receipt}&b=${acme[0].receipt}`,
        `/console/compare?r=${g.receipt}&r=${globex[1].receipt}`,
      ]
    ) {
      const { res, text } = await agent.get(path);
      assert.equal(res.status, 404, path);
      assertNoLeak(text, secrets, path);
    }
  });

  await t.step("exports: CSV of every search holds only the tenant's reports", async () => {
    for (const q of ["", "?ticket=T-SHARED", "?tenant=globex", `?device=${deviceRow.device_key}`]) {
      const { res, text } = await agent.get(`/console/export.csv${q}`);
      assert.equal(res.status, 200);
      assertNoLeak(text, secrets, `/console/export.csv${q}`);
    }
    const all = await agent.get("/console/export.csv");
    assert.equal(all.text.trim().split("\r\n").length, 1 + acme.length);
  });

  await t.step("a report page: baseline, timeline and incident count the tenant only", async () => {
    const { res, text } = await agent.get(`/console/r/${acme[5].receipt}`);
    assert.equal(res.status, 200);
    assertNoLeak(text, secrets, "report page");
    assert.equal((text.match(/<li class="(this)?">/g) ?? []).length, 6, "acme's 6 on the timeline");
    assert.match(text, /6 (件のレポート|reports)/, "the incident counts acme's 6, not 12");
  });

  await t.step("POSTs on another tenant's staff and retention change nothing", async () => {
    const csrf = csrfOf((await admin.get("/console/staff")).text);
    for (const what of ["disable", "reset", "enable"]) {
      const res = await admin.post(`/console/staff/gina/${what}`, { csrf });
      assert.equal(res.status, 404, what);
      assertNoLeak(await res.text(), secrets, `/console/staff/gina/${what}`);
    }
    const retention = await admin.post("/console/tenants/globex/retention", { csrf, days: "1" });
    assert.equal(retention.status, 404);
    const made = await admin.post("/console/staff", {
      csrf,
      login: "spy",
      role: "agent",
      tenant: "globex",
    });
    assert.equal(made.status, 200);
    const [spy] = await db.query<{ tenant: string }>(
      "SELECT tenant FROM staff WHERE login = 'spy'",
    );
    assert.equal(spy.tenant, "acme", "a tenant admin's new account is always its own tenant's");
    const [gRow] = await db.query<{ disabled: boolean; must: boolean }>(
      "SELECT disabled, must_change_password AS must FROM staff WHERE login = 'gina'",
    );
    assert.deepEqual(gRow, { disabled: false, must: false });
    const [t] = await db.query<{ d: number | null }>(
      "SELECT retention_days AS d FROM tenants WHERE id = 'globex'",
    );
    assert.equal(t.d, null);
    assert.ok((await gina.get("/console")).res.status === 200, "gina still signed in");
  });

  await t.step("metrics name no tenant, receipt or ticket", async () => {
    const res = await app.request("http://collector.test/metrics");
    const text = await res.text();
    assertNoLeak(text, [...secrets, "acme", "T-SHARED", ...acme.map((s) => s.receipt)], "/metrics");
    assert.match(text, /kiriwake_collector/, "the metrics are there");
  });

  await t.step(
    "after the probing, acme's audit log names only what acme's staff typed",
    async () => {
      // Acme's searches for globex's ticket, device, licence and receipt are acme's own records
      // (with what was typed); nothing globex did or holds beyond that may appear.
      const typed = new Set([
        "globex",
        g.receipt,
        globex[1].receipt,
        deviceRow.device_key,
        "lic-globex-1",
        "GLOBEX-ONLY-1",
        "gina",
      ]);
      const untyped = secrets.filter((x) => !typed.has(x));
      for (const path of ["/console/audit", "/console/audit.csv"]) {
        const { text } = await admin.get(path);
        assertNoLeak(text, untyped, path);
        assert.doesNotMatch(text, /@globex|,globex,/, `${path}: a globex actor or tenant`);
      }
    },
  );

  await t.step("the provider admin sees both tenants (the data is there)", async () => {
    const root = new Browser(app);
    await root.signIn("root");
    const list = await root.get("/console?ticket=T-SHARED");
    assert.ok(list.text.includes(g.receipt) && list.text.includes(acme[0].receipt));
    assert.equal((await root.get(`/console/r/${g.receipt}`)).res.status, 200);
    const acmeOnly = await root.get("/console?tenant=acme&ticket=T-SHARED");
    assert.ok(!acmeOnly.text.includes(g.receipt));
  });

  await t.step("the data-access layer itself refuses the other tenant", async () => {
    const { searchReports } = await import("../../collector/search.ts");
    const page = await searchReports(db, Scope.tenant("acme"), { tenant: "globex" }, 50, {
      id: "t",
      login: "t",
      tenant: "acme",
    });
    assert.ok(page.rows.every((r) => r.tenant === "acme"));
  });

  assert.deepEqual(errors, []);
}
