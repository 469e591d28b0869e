/**
 * The console's data-access cases, run against PGlite (`console_store_pglite_test.ts`) and a
 * real PostgreSQL (`tests/collector/console_store_postgres_test.ts`): accounts and lockout,
 * search, the crowd baseline, incidents, the timeline and the audit log — each also proving
 * that one tenant never sees another's rows, with row-level security as the second wall.
 *
 * @module
 */
import assert from "node:assert/strict";
import { type Actor, readAudit } from "./audit_log.ts";
import { crowdBaseline } from "./baseline.ts";
import { readBaseline } from "./baseline_reading.ts";
import type { Database } from "./db.ts";
import { findIncidents } from "./incidents.ts";
import { openPair, openReport } from "./report_open.ts";
import { PROVIDER_TENANT, Scope } from "./scope.ts";
import { inScope } from "./scoped.ts";
import { exportReports, searchReports } from "./search.ts";
import { parseSearch } from "./search_filter.ts";
import { setRetention } from "./tenants.ts";
import {
  addStaff,
  storeReport,
  TEST_OPERATOR,
  TEST_PASSWORD,
  testConsole,
  variantReport,
} from "./testing_console.ts";
import { TEST_TIME_ZONE } from "./testing.ts";
import { customerTimeline } from "./timeline.ts";

/** One case over a fresh, migrated database. */
export interface ConsoleCase {
  name: string;
  run(db: Database): Promise<void>;
}

const ACME = Scope.tenant("acme");
const GLOBEX = Scope.tenant("globex");
const AGENT: Actor = { id: "a1", login: "aiko", tenant: "acme" };
const ADMIN: Actor = { id: "p1", login: "root", tenant: PROVIDER_TENANT };

/** 21:00 in Tokyo on day `d` of December 2026, plus `minutes`. */
const evening = (d: number, minutes = 0) => new Date(Date.UTC(2026, 11, d, 12, minutes));
const morning = (d: number, minutes = 0) => new Date(Date.UTC(2026, 11, d, 1, minutes));

/** The cases. */
export const CONSOLE_CASES: ConsoleCase[] = [
  {
    name: "sign-in: the right password opens a session; wrong ones lock the account",
    async run(db) {
      let now = new Date("2026-12-01T00:00:00Z");
      const c = testConsole(db, { maxFailures: 3, lockMinutes: 10 }, () => now);
      await addStaff(c, "acme", "aiko", "agent");
      const ok = await c.accounts.signIn("AIKO ", TEST_PASSWORD, "192.0.2.1");
      assert.ok(ok.ok);
      const s = await c.accounts.session(ok.token);
      assert.equal(s?.staff.login, "aiko");
      assert.equal(s?.staff.tenant, "acme");
      for (let i = 0; i < 3; i++) {
        assert.deepEqual(await c.accounts.signIn("aiko", "wrong", "192.0.2.9"), {
          ok: false,
          reason: "refused",
        });
      }
      // Locked: even the right password is refused, with the same answer.
      assert.equal((await c.accounts.signIn("aiko", TEST_PASSWORD, "192.0.2.1")).ok, false);
      assert.equal((await c.accounts.signIn("nobody", TEST_PASSWORD, "192.0.2.1")).ok, false);
      now = new Date(now.getTime() + 11 * 60_000);
      assert.equal((await c.accounts.signIn("aiko", TEST_PASSWORD, "192.0.2.1")).ok, true);
      const log = await readAudit(db, ACME, { limit: 100 });
      const actions = log.map((r) => r.action).reverse();
      assert.deepEqual(actions, [
        "staff-add",
        "sign-in",
        "sign-in-failed",
        "sign-in-failed",
        "locked",
        "sign-in-failed",
        "sign-in",
      ]);
      // The unknown name was recorded under the provider, not under acme.
      const provider = await readAudit(db, Scope.tenant(PROVIDER_TENANT), { limit: 10 });
      assert.equal(provider[0].detail.why, "unknown");
    },
  },
  {
    name: "sessions: idle and absolute expiry, sign-out, disabling ends them; tokens are hashed",
    async run(db) {
      let now = new Date("2026-12-01T00:00:00Z");
      const c = testConsole(db, { sessionIdleMinutes: 30, sessionHours: 2 }, () => now);
      await addStaff(c, "acme", "aiko", "agent");
      await addStaff(c, "acme", "boss", "tenant-admin");
      const a = await c.accounts.signIn("aiko", TEST_PASSWORD, "x");
      assert.ok(a.ok);
      now = new Date(now.getTime() + 25 * 60_000);
      assert.ok(await c.accounts.session(a.token), "within the idle time");
      now = new Date(now.getTime() + 25 * 60_000);
      assert.ok(await c.accounts.session(a.token), "touched 25 minutes ago");
      now = new Date(now.getTime() + 31 * 60_000);
      assert.equal(await c.accounts.session(a.token), null, "idle too long");
      const b = await c.accounts.signIn("aiko", TEST_PASSWORD, "x");
      assert.ok(b.ok);
      for (let i = 0; i < 5; i++) {
        now = new Date(now.getTime() + 25 * 60_000);
        await c.accounts.session(b.token);
      }
      assert.equal(await c.accounts.session(b.token), null, "past two hours whatever happens");
      const d = await c.accounts.signIn("aiko", TEST_PASSWORD, "x");
      assert.ok(d.ok);
      const rows = await db.query<{ token_sha256: string }>(
        "SELECT token_sha256 FROM staff_sessions",
      );
      assert.ok(
        rows.every((r) => r.token_sha256 !== d.token && /^[0-9a-f]{64}$/.test(r.token_sha256)),
      );
      const boss = { id: "boss", login: "boss", tenant: "acme", role: "tenant-admin" as const };
      await c.accounts.setDisabled(ACME, boss, "aiko", true);
      assert.equal(await c.accounts.session(d.token), null, "disabled: sessions end");
      assert.equal((await c.accounts.signIn("aiko", TEST_PASSWORD, "x")).ok, false);
      await c.accounts.setDisabled(ACME, boss, "aiko", false);
      const e = await c.accounts.signIn("aiko", TEST_PASSWORD, "x");
      assert.ok(e.ok);
      await c.accounts.endSession(e.token, AGENT);
      assert.equal(await c.accounts.session(e.token), null, "signed out");
      // The seam for OIDC: an account another provider vouches for, found by its subject.
      await db.query(
        `INSERT INTO staff (id, tenant, login, role, auth, subject)
         VALUES ('o1', 'acme', 'oidc.user', 'agent', 'oidc:https://idp.example', 'sub-1')`,
      );
      const ext = await c.accounts.findExternal("oidc:https://idp.example", "sub-1");
      assert.equal(ext?.login, "oidc.user");
      assert.equal(await c.accounts.findExternal("password", "sub-1"), null);
      assert.equal((await c.accounts.signIn("oidc.user", "", "x")).ok, false, "no password way in");
      const started = await c.accounts.startSession(ext!, "x");
      assert.ok(
        started.ok && (await c.accounts.session(started.token))?.staff.login === "oidc.user",
      );
    },
  },
  {
    name: "staff: a tenant admin manages only its tenant; only a provider admin makes another",
    async run(db) {
      const c = testConsole(db);
      await addStaff(c, "acme", "boss", "tenant-admin");
      await addStaff(c, "globex", "gina", "agent");
      const boss = { id: "boss", login: "boss", tenant: "acme", role: "tenant-admin" as const };
      const made = await c.accounts.add(ACME, boss, {
        tenant: "acme",
        login: "new.agent",
        role: "agent",
      });
      assert.equal(made.account.mustChangePassword, true);
      assert.equal(made.password.length, 20);
      await assert.rejects(
        c.accounts.add(ACME, boss, { tenant: "globex", login: "spy", role: "agent" }),
        /may not add/,
      );
      await assert.rejects(
        c.accounts.add(ACME, boss, { tenant: "acme", login: "root2", role: "provider-admin" }),
        /provider admin belongs/,
      );
      await assert.rejects(c.accounts.setDisabled(ACME, boss, "gina", true), /No account/);
      await assert.rejects(c.accounts.reset(ACME, boss, "gina"), /No account/);
      assert.deepEqual((await c.accounts.list(ACME)).map((a) => a.login), ["boss", "new.agent"]);
      await assert.rejects(
        c.accounts.add(ACME, boss, { tenant: "acme", login: "BOSS", role: "agent" }),
        /taken/,
      );
      const reset = await c.accounts.reset(ACME, boss, "new.agent");
      assert.equal((await c.accounts.signIn("new.agent", made.password, "x")).ok, false);
      const s = await c.accounts.signIn("new.agent", reset.password, "x");
      assert.ok(s.ok && s.session.staff.mustChangePassword);
    },
  },
  {
    name: "row-level security: a query that forgets the tenant still sees only its tenant",
    async run(db) {
      const c = testConsole(db);
      await addStaff(c, "acme", "aiko", "agent");
      await addStaff(c, "globex", "gina", "agent");
      await c.accounts.signIn("aiko", TEST_PASSWORD, "x");
      await c.accounts.signIn("gina", TEST_PASSWORD, "x");
      const seen = await inScope(db, ACME, (sql) =>
        sql.query<{ t: string; n: number }>(
          `SELECT 'staff' AS t, count(*)::int AS n FROM staff
           UNION ALL SELECT 'sessions', count(*)::int FROM staff_sessions
           UNION ALL SELECT 'audit', count(*)::int FROM audit_log WHERE tenant <> 'acme'
           UNION ALL SELECT 'staff-other', count(*)::int FROM staff WHERE tenant <> 'acme'`,
        ));
      assert.deepEqual(Object.fromEntries(seen.map((r) => [r.t, r.n])), {
        staff: 1,
        sessions: 1,
        audit: 0,
        "staff-other": 0,
      });
      await assert.rejects(
        inScope(db, ACME, (sql) =>
          sql.query(
            "INSERT INTO audit_log (tenant, actor, actor_login, actor_tenant, action) VALUES ('globex','x','x','acme','open')",
          )),
        /row-level security/,
      );
      await assert.rejects(
        inScope(db, ACME, (sql) => sql.query("DELETE FROM audit_log")),
        /permission denied/,
      );
    },
  },
  {
    name: "search: every filter narrows, pages follow, a tenant sees only its own",
    async run(db) {
      const a1 = await storeReport(
        db,
        "acme",
        await variantReport({ at: evening(1), access: "pppoe" }),
        { ticket: "T-100" },
      );
      const a2 = await storeReport(
        db,
        "acme",
        await variantReport({ lab: "isp-access-loss", at: evening(2) }),
      );
      const a3 = await storeReport(
        db,
        "acme",
        await variantReport({ lab: "dns-provider-servfail", at: evening(3) }),
      );
      const g1 = await storeReport(
        db,
        "globex",
        await variantReport({ at: evening(2), access: "pppoe" }),
        { ticket: "T-100" },
      );
      const find = async (scope: Scope, q: Record<string, string>) => {
        const { filter, problems } = parseSearch(q, TEST_TIME_ZONE);
        assert.deepEqual(problems, []);
        return (await searchReports(db, scope, filter, 50, AGENT)).rows.map((r) => r.receipt);
      };
      assert.deepEqual(await find(ACME, {}), [a3.receipt, a2.receipt, a1.receipt]);
      assert.deepEqual(await find(ACME, { ticket: "T-100" }), [a1.receipt]);
      assert.deepEqual(await find(ACME, { receipt: g1.receipt.toLowerCase() }), []);
      assert.deepEqual(await find(ACME, { receipt: a2.receipt.replaceAll("-", " ") }), [
        a2.receipt,
      ]);
      assert.deepEqual(await find(ACME, { segment: "isp" }), [a2.receipt]);
      assert.deepEqual(await find(ACME, { segment: "dns" }), [a3.receipt]);
      assert.deepEqual(await find(ACME, { segment: "none" }), [a1.receipt]);
      assert.deepEqual(await find(ACME, { access: "pppoe" }), [a1.receipt]);
      assert.deepEqual(await find(ACME, { os: "linux", kit: a1.report.tool.version }), [
        a3.receipt,
        a2.receipt,
        a1.receipt,
      ]);
      assert.deepEqual(await find(ACME, { os: "windows" }), []);
      assert.deepEqual(await find(ACME, { from: "2026-12-02", to: "2026-12-02" }), [a2.receipt]);
      assert.deepEqual(await find(GLOBEX, {}), [g1.receipt]);
      const all = Scope.allTenants("staff:root");
      assert.deepEqual(await find(all, { ticket: "T-100" }), [g1.receipt, a1.receipt]);
      assert.deepEqual(await find(all, { tenant: "globex" }), [g1.receipt]);
      const p1 = await searchReports(db, ACME, {}, 2, AGENT);
      assert.equal(p1.more, true);
      const last = p1.rows[1];
      const p2 = await searchReports(
        db,
        ACME,
        { before: { at: last.receivedAt, id: last.reportId } },
        2,
        AGENT,
      );
      assert.deepEqual(p2.rows.map((r) => r.receipt), [a1.receipt]);
      assert.equal(p2.more, false);
      assert.equal(p1.rows[0].headline?.en, a3.report.diagnosis.headline.text.en);
    },
  },
  {
    name: "search: SQL in every field is a value or a refusal, never SQL",
    async run(db) {
      await storeReport(db, "acme", await variantReport({ at: evening(1) }));
      await storeReport(db, "globex", await variantReport({ at: evening(1) }));
      const attacks = [
        "' OR '1'='1",
        "x'; DROP TABLE reports; --",
        "1) OR (1=1",
        "acme' UNION SELECT * FROM staff --",
        "$1",
        "\\'; SELECT pg_sleep(5); --",
      ];
      for (
        const field of [
          "receipt",
          "ticket",
          "segment",
          "access",
          "os",
          "kit",
          "tenant",
          "device",
          "licence",
          "from",
          "to",
          "before",
        ]
      ) {
        for (const attack of attacks) {
          const { filter } = parseSearch({ [field]: attack }, TEST_TIME_ZONE);
          const page = await searchReports(db, ACME, filter, 50, AGENT);
          assert.ok(page.rows.every((r) => r.tenant === "acme"), `${field}: ${attack}`);
          const out = await exportReports(db, ACME, filter, 50, AGENT);
          assert.ok(out.every((r) => r.tenant === "acme"));
        }
      }
      const [n] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM reports");
      assert.equal(n.n, 2, "nothing dropped");
    },
  },
  {
    name: "crowd baseline: congestion, an individual fault, a typical hour, too few peers",
    async run(db) {
      const peers = [];
      for (let i = 0; i < 24; i++) {
        peers.push(
          storeReport(
            db,
            "acme",
            await variantReport({
              at: evening(1 + (i % 20), i),
              access: "pppoe",
              downMbps: 28 + i % 7,
              loadedMs: 70 + i,
              lossPercent: 0,
            }),
          ),
        );
        peers.push(
          storeReport(
            db,
            "acme",
            await variantReport({
              at: morning(1 + (i % 20), i),
              access: "pppoe",
              downMbps: 88 + i % 9,
              loadedMs: 30 + i % 5,
              lossPercent: 0,
            }),
          ),
        );
        // Another tenant's evening is awful: it must not move acme's baseline.
        peers.push(
          storeReport(
            db,
            "globex",
            await variantReport({
              at: evening(1 + (i % 20), i),
              access: "pppoe",
              downMbps: 1,
              loadedMs: 900,
              lossPercent: 30,
            }),
          ),
        );
      }
      await Promise.all(peers);
      const subject = async (at: Date, down: number, loaded: number) => {
        const s = await storeReport(
          db,
          "acme",
          await variantReport({
            at,
            access: "pppoe",
            downMbps: down,
            loadedMs: loaded,
            lossPercent: 0,
          }),
        );
        const r = await openReport(db, ACME, s.receipt, AGENT, "open");
        const c = r!.columns;
        return {
          reportId: c.reportId,
          tenant: "acme",
          receivedAt: r!.receivedAt,
          hourOfDay: c.hourOfDay,
          accessType: c.accessType,
          values: {
            down: c.downMbps,
            up: c.upMbps,
            loaded: c.loadedLatencyMs,
            loss: c.lossPercent,
          },
        };
      };
      const congested = await subject(evening(21, 5), 31, 80);
      const b1 = await crowdBaseline(db, ACME, congested, 28);
      assert.equal(b1.hour.hour, 21);
      assert.equal(b1.hour.n, 24);
      assert.equal(b1.day.n, 48);
      assert.equal(readBaseline(b1, 20).kind, "congestion");
      // A provider admin sees acme's baseline as acme's agents do, or the whole provider's.
      const all = Scope.allTenants("staff:root");
      assert.equal((await crowdBaseline(db, all, congested, 28)).hour.n, 24);
      assert.equal((await crowdBaseline(db, all, congested, 28, true)).hour.n, 48);
      await assert.rejects(crowdBaseline(db, GLOBEX, congested, 28), /another tenant/);
      const broken = await subject(evening(21, 6), 2, 85);
      const r2 = readBaseline(await crowdBaseline(db, ACME, broken, 28), 20);
      assert.equal(r2.kind, "individual");
      assert.deepEqual(r2.because, ["down"]);
      assert.ok(r2.placements.down.beats! < 0.05);
      const fine = await subject(morning(21, 7), 90, 31);
      assert.equal(readBaseline(await crowdBaseline(db, ACME, fine, 28), 20).kind, "typical");
      assert.equal(readBaseline(await crowdBaseline(db, ACME, fine, 28), 30).kind, "unknown");
    },
  },
  {
    name: "incidents: many reports blaming one segment and hop in the window, per tenant",
    async run(db) {
      const at = new Date("2026-12-05T12:00:00Z");
      const stored = [];
      for (let i = 0; i < 6; i++) {
        stored.push(
          await storeReport(
            db,
            "acme",
            await variantReport({
              lab: "isp-access-loss",
              at: new Date(at.getTime() - i * 5 * 60_000),
            }),
          ),
        );
      }
      for (let i = 0; i < 4; i++) {
        await storeReport(
          db,
          "globex",
          await variantReport({ lab: "isp-access-loss", at: new Date(at.getTime() - i * 60_000) }),
        );
      }
      await storeReport(db, "acme", await variantReport({ lab: "dns-provider-servfail", at }));
      const q = { to: at, windowMinutes: 60, threshold: 5 };
      const acme = await findIncidents(db, ACME, q);
      assert.equal(acme.length, 1);
      assert.equal(acme[0].segment, "isp");
      assert.equal(acme[0].count, 6);
      assert.deepEqual(acme[0].hops.map((h) => [h.hop, h.count]), [["10.64.0.1", 6]]);
      assert.equal(acme[0].first.toISOString(), new Date(at.getTime() - 25 * 60_000).toISOString());
      assert.equal(acme[0].last.toISOString(), at.toISOString());
      assert.deepEqual(await findIncidents(db, GLOBEX, q), [], "4 is below the threshold");
      const all = await findIncidents(db, Scope.allTenants("staff:root"), q);
      assert.equal(all[0].count, 10, "the provider sees the outage across tenants");
      assert.deepEqual(await findIncidents(db, ACME, { ...q, windowMinutes: 10 }), []);
    },
  },
  {
    name: "timeline and audit: the customer's reports; who opened, compared and exported what",
    async run(db) {
      const mac = "00:1a:2b:3c:4d:5e";
      const own = [];
      for (let d = 1; d <= 3; d++) {
        own.push(await storeReport(db, "acme", await variantReport({ at: evening(d), mac })));
      }
      await storeReport(
        db,
        "acme",
        await variantReport({ at: evening(2), mac: "00:1a:2b:00:00:01" }),
      );
      const other = await storeReport(db, "globex", await variantReport({ at: evening(2), mac }));
      const opened = await openReport(db, ACME, own[2].receipt, AGENT, "open");
      assert.ok(opened);
      const keys = {
        tenant: "acme",
        receipt: opened.receipt,
        deviceKey: opened.columns.deviceKey,
        ticket: null,
        licenceId: null,
      };
      const line = await customerTimeline(db, ACME, keys, 50, AGENT);
      assert.deepEqual(line.map((r) => r.receipt), own.map((s) => s.receipt).reverse());
      // The same device under globex has another key, and a provider admin stays in acme.
      const root = Scope.allTenants("staff:root");
      assert.equal((await customerTimeline(db, root, keys, 50, ADMIN)).length, 3);
      assert.equal(await openReport(db, ACME, other.receipt, AGENT, "open"), null);
      assert.equal(await openPair(db, ACME, own[0].receipt, other.receipt, AGENT), null);
      assert.ok(await openPair(db, ACME, own[0].receipt, own[1].receipt, AGENT));
      const { filter } = parseSearch({}, TEST_TIME_ZONE);
      await exportReports(db, root, filter, 100, ADMIN);
      const acmeLog = await readAudit(db, ACME, { limit: 100 });
      const actions = acmeLog.map((r) => `${r.actorLogin}:${r.action}:${r.receipts.length}`);
      assert.deepEqual(actions, [
        "root:export:4",
        "aiko:compare:2",
        "root:search:2",
        "aiko:search:2",
        "aiko:open:1",
      ]);
      assert.ok(acmeLog.every((r) => r.receipts.every((x) => x !== other.receipt)));
      const globexLog = await readAudit(db, GLOBEX, { limit: 100 });
      assert.deepEqual(globexLog.map((r) => [r.action, r.receipts]), [["export", [other.receipt]]]);
      assert.deepEqual(
        (await readAudit(db, ACME, { receipt: own[0].receipt, limit: 10 })).map((r) => r.action),
        ["export", "compare", "search", "search"],
      );
    },
  },
  {
    name: "retention: a tenant admin sets its own tenant's, not another's",
    async run(db) {
      await storeReport(db, "acme", await variantReport());
      await storeReport(db, "globex", await variantReport());
      assert.equal(await setRetention(db, ACME, AGENT, "acme", 30), true);
      assert.equal(await setRetention(db, ACME, AGENT, "globex", 1), false);
      const [g] = await db.query<{ d: number | null }>(
        "SELECT retention_days AS d FROM tenants WHERE id = 'globex'",
      );
      assert.equal(g.d, null);
      await assert.rejects(setRetention(db, ACME, AGENT, "acme", 0), /1–3650/);
      assert.equal(
        await setRetention(db, Scope.allTenants("x"), TEST_OPERATOR, "globex", 90),
        true,
      );
    },
  },
];
