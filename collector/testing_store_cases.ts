/**
 * The store's test cases, run against PGlite (`store_pglite_test.ts`) and a real PostgreSQL
 * (`tests/collector/store_postgres_test.ts`): the same SQL must behave the same on both.
 * Each case gets a fresh, migrated database.
 *
 * @module
 */
import assert from "node:assert/strict";
import { NO_STAFF_READ } from "./audit.ts";
import type { Database } from "./db.ts";
import { extractColumns } from "./extract.ts";
import { ensurePartitions, monthPartition } from "./partitions.ts";
import { runRetention } from "./retention.ts";
import { Scope } from "./scope.ts";
import { APP_ROLE, type NewReport, ReportStore } from "./store.ts";
import { distinctReport, TEST_TIME_ZONE } from "./testing.ts";
import { newReceipt } from "../util/receipt.ts";
import { sha256Hex } from "../util/crypto.ts";

/** One case: a name and a body over a fresh database. */
export interface StoreCase {
  name: string;
  run(db: Database): Promise<void>;
}

const receipts = () => newReceipt("alnum");

/** A report ready to store for `tenant`. */
export async function newReport(
  tenant: string,
  opts: { id?: string; token?: string; receivedAt?: Date; ticket?: string } = {},
): Promise<NewReport & { token: string }> {
  const r = await distinctReport({ id: opts.id });
  const token = opts.token ?? crypto.randomUUID();
  const body = JSON.stringify(r);
  return {
    columns: await extractColumns(r, tenant, TEST_TIME_ZONE),
    digest: r.digest.value,
    ticket: opts.ticket ?? null,
    licenceId: null,
    deletionSha256: await sha256Hex(token),
    body,
    sizeBytes: body.length,
    receivedAt: opts.receivedAt,
    token,
  };
}

/** Runs raw SQL as the app role with the given settings, as a buggy query would. */
async function asApp<T>(
  db: Database,
  settings: { tenant?: string; all?: boolean },
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return await db.transaction(async (tx) => {
    await tx.query(
      "SELECT set_config('role', $1, true), set_config('kiriwake.tenant', $2, true), set_config('kiriwake.all_tenants', $3, true)",
      [APP_ROLE, settings.tenant ?? "", settings.all ? "on" : "off"],
    );
    return await tx.query<T>(sql, params);
  });
}

/** Every case. */
export const STORE_CASES: StoreCase[] = [
  {
    name: "ingest() stores a report once and answers a repeat with the same receipt",
    async run(db) {
      const store = new ReportStore(db, receipts);
      const r = await newReport("acme", { ticket: "T-42" });
      const first = await store.ingest(Scope.tenant("acme"), r);
      const again = await store.ingest(Scope.tenant("acme"), r);
      assert.ok(first.status === "created" && again.status === "duplicate");
      assert.equal(again.receipt, first.receipt);
      assert.equal(await store.count(Scope.allTenants("test")), 1);
      const found = await store.findByReceipt(
        Scope.tenant("acme"),
        first.receipt,
        NO_STAFF_READ,
        "t",
      );
      assert.equal(found?.columns.reportId, r.columns.reportId);
      assert.equal(found?.ticket, "T-42");
      assert.equal(found?.tenant, "acme");
      assert.deepEqual(found?.body, JSON.parse(r.body));
    },
  },
  {
    name:
      "ingest() calls another digest under a stored id, or an id stored for another tenant, a conflict",
    async run(db) {
      const store = new ReportStore(db, receipts);
      const r = await newReport("acme");
      await store.ingest(Scope.tenant("acme"), r);
      assert.deepEqual(await store.ingest(Scope.tenant("acme"), { ...r, digest: "f".repeat(64) }), {
        status: "conflict",
        reason: "digest",
      });
      assert.deepEqual(await store.ingest(Scope.tenant("globex"), r), {
        status: "conflict",
        reason: "other-tenant",
      });
      assert.equal(await store.count(Scope.allTenants("test")), 1);
    },
  },
  {
    name: "ingest() draws another receipt when the first one is taken",
    async run(db) {
      const codes = ["KW-3333-3333", "KW-3333-3333", "KW-4444-4444"];
      const store = new ReportStore(db, () => codes.shift()!);
      const a = await store.ingest(Scope.tenant("acme"), await newReport("acme"));
      const b = await store.ingest(Scope.tenant("acme"), await newReport("acme"));
      assert.ok(a.status === "created" && b.status === "created");
      assert.equal(a.receipt, "KW-3333-3333");
      assert.equal(b.receipt, "KW-4444-4444");
    },
  },
  {
    name: "concurrent uploads of one report store one row with one receipt",
    async run(db) {
      const store = new ReportStore(db, receipts);
      const r = await newReport("acme");
      const results = await Promise.all(
        Array.from({ length: 8 }, () => store.ingest(Scope.tenant("acme"), r)),
      );
      const codes = new Set(results.map((x) => x.status !== "conflict" && x.receipt));
      assert.equal(codes.size, 1);
      assert.equal(results.filter((x) => x.status === "created").length, 1);
      assert.equal(await store.count(Scope.allTenants("test")), 1);
    },
  },
  {
    name:
      "findByReceipt() finds a report only in its own tenant or under the all-tenants capability",
    async run(db) {
      const store = new ReportStore(db, receipts);
      const a = await store.ingest(Scope.tenant("acme"), await newReport("acme"));
      await store.ingest(Scope.tenant("globex"), await newReport("globex"));
      assert.ok(a.status === "created");
      assert.equal(
        await store.findByReceipt(Scope.tenant("globex"), a.receipt, NO_STAFF_READ, "t"),
        null,
      );
      assert.equal(
        (await store.findByReceipt(Scope.allTenants("admin"), a.receipt, NO_STAFF_READ, "t"))
          ?.tenant,
        "acme",
      );
      assert.equal(await store.count(Scope.tenant("acme")), 1);
      assert.equal(await store.count(Scope.tenant("globex")), 1);
      assert.equal(await store.count(Scope.tenant("initech")), 0);
    },
  },
  {
    name: "row-level security fences SQL that forgets the tenant, and refuses writes for another",
    async run(db) {
      const store = new ReportStore(db, receipts);
      await store.ingest(Scope.tenant("acme"), await newReport("acme"));
      await store.ingest(Scope.tenant("globex"), await newReport("globex"));
      const count = async (s: { tenant?: string; all?: boolean }, table: string) =>
        (await asApp<{ n: number }>(db, s, `SELECT count(*)::int AS n FROM ${table}`))[0].n;
      for (const table of ["reports", "report_keys", "tenants"]) {
        assert.equal(await count({ tenant: "acme" }, table), 1, `${table} as acme`);
        assert.equal(await count({}, table), 0, `${table} without a tenant`);
        assert.equal(await count({ all: true }, table), 2, `${table} for all tenants`);
      }
      // Partitions are not granted to the app role: no way around the parent's policies.
      const part = monthPartition(new Date(), 0).name;
      await assert.rejects(
        asApp(db, { tenant: "acme" }, `SELECT count(*) FROM ${part}`),
        /permission denied/,
      );
      await assert.rejects(
        asApp(db, { tenant: "acme" }, "INSERT INTO tenants (id) VALUES ('globex2')"),
        /row-level security/,
      );
    },
  },
  {
    name: "row-level security also fences the data-access layer's own queries",
    async run(db) {
      const store = new ReportStore(db, receipts);
      const stored = await store.ingest(Scope.tenant("acme"), await newReport("acme"));
      assert.ok(stored.status === "created");
      // Corrupt the index row as the owner (outside row-level security): it now claims
      // globex. The lookup's WHERE clause trusts it; only the policies on reports stop it.
      await db.query("UPDATE report_keys SET tenant = 'globex' WHERE receipt = $1", [
        stored.receipt,
      ]);
      assert.equal(
        await store.findByReceipt(Scope.tenant("globex"), stored.receipt, NO_STAFF_READ, "t"),
        null,
      );
      const all = await store.findByReceipt(
        Scope.allTenants("admin"),
        stored.receipt,
        NO_STAFF_READ,
        "t",
      );
      assert.equal(all?.tenant, "acme");
    },
  },
  {
    name:
      "withdraw() deletes with the right token only; a wrong token and an unknown receipt look alike",
    async run(db) {
      const store = new ReportStore(db, receipts);
      const r = await newReport("acme", { token: "the-right-token-123" });
      const stored = await store.ingest(Scope.tenant("acme"), r);
      assert.ok(stored.status === "created");
      const wrong = Scope.withdrawal(await sha256Hex("a-wrong-token-456"));
      assert.equal(await store.withdraw(wrong, stored.receipt), false);
      assert.equal(await store.withdraw(wrong, "KW-3333-3333"), false);
      assert.equal(await store.count(Scope.tenant("acme")), 1);
      const right = Scope.withdrawal(await sha256Hex("the-right-token-123"));
      assert.equal(await store.withdraw(right, stored.receipt), true);
      assert.equal(await store.count(Scope.allTenants("test")), 0);
      assert.equal(
        (await asApp<{ n: number }>(
          db,
          { all: true },
          "SELECT count(*)::int AS n FROM report_keys",
        ))[0].n,
        0,
      );
      assert.equal(await store.withdraw(right, stored.receipt), false);
    },
  },
  {
    name:
      "runRetention() deletes reports past their tenant's retention and drops emptied partitions",
    async run(db) {
      const store = new ReportStore(db, receipts);
      const now = new Date();
      const old = new Date(now.getTime() - 400 * 86_400_000);
      const recent = new Date(now.getTime() - 20 * 86_400_000);
      await ensurePartitions(db, old, 0);
      const oldPart = monthPartition(old, 0).name;
      await store.ingest(Scope.tenant("acme"), await newReport("acme", { receivedAt: old }));
      await store.ingest(Scope.tenant("acme"), await newReport("acme", { receivedAt: recent }));
      await store.ingest(Scope.tenant("keeper"), await newReport("keeper", { receivedAt: recent }));
      // A tenant that keeps reports only 10 days.
      await asApp(
        db,
        { tenant: "keeper" },
        "UPDATE tenants SET retention_days = 10 WHERE id = 'keeper'",
      );
      const r = await runRetention(db, store, now, 365, 1);
      assert.equal(r.deleted, 2);
      assert.deepEqual(r.droppedPartitions, [oldPart]);
      assert.equal(await store.count(Scope.tenant("acme")), 1);
      assert.equal(await store.count(Scope.tenant("keeper")), 0);
      const [left] = await db.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [
        oldPart,
      ]);
      assert.equal(left.t, null);
      // This month's partition stays even when empty.
      const thisMonth = monthPartition(now, 0).name;
      const [kept] = await db.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [
        thisMonth,
      ]);
      assert.equal(kept.t, thisMonth);
    },
  },
  {
    name: "the store refuses a call without a Scope, and scopes of the wrong kind",
    async run(db) {
      const store = new ReportStore(db, receipts);
      const r = await newReport("acme");
      // deno-lint-ignore no-explicit-any
      await assert.rejects(store.ingest(undefined as any, r), TypeError);
      // deno-lint-ignore no-explicit-any
      await assert.rejects(store.count({ kind: "all-tenants" } as any), TypeError);
      await assert.rejects(store.ingest(Scope.allTenants("admin"), r), /one tenant/);
      await assert.rejects(store.withdraw(Scope.tenant("acme"), "KW-3333-3333"), /deletion token/);
      await assert.rejects(
        store.deleteExpired(Scope.tenant("acme"), new Date(), 1, 10),
        /all tenants/,
      );
      assert.equal(await store.count(Scope.allTenants("test")), 0);
    },
  },
];
