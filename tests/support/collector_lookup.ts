/**
 * Looks a receipt up in a stopped collector's embedded database, the way the provider's
 * own data-access layer does (all tenants, no staff audit): the proof an end-to-end test
 * needs that the receipt a customer was shown finds their report. The collector's modules
 * are imported at run time, so this file compiles in builds that do not have them yet.
 *
 * @module
 */

/** What the collector holds under a receipt, or null. */
export interface Found {
  receipt: string;
  reportId: string;
  digest: string;
  ticket: string | null;
  report: Record<string, unknown>;
}

/** True when this build has the collector (its store, and its command in the provider's entry). */
export async function collectorPresent(): Promise<boolean> {
  try {
    await Deno.stat(new URL("../../collector/store.ts", import.meta.url));
  } catch {
    return false;
  }
  const { COLLECTOR_COMMANDS } = await import("../../collector_main.ts");
  return "collector" in COLLECTOR_COMMANDS;
}

/**
 * Opens the PGlite database in `dataDir` (the collector must be stopped) and returns the
 * report stored under `receipt`.
 */
export async function lookupReceipt(dataDir: string, receipt: string): Promise<Found | null> {
  const mod = (p: string) => import(new URL(`../../collector/${p}`, import.meta.url).href);
  const { openDatabase } = await mod("open_db.ts");
  const { ReportStore } = await mod("store.ts");
  const { Scope } = await mod("scope.ts");
  const { NO_STAFF_READ } = await mod("audit.ts");
  const db = await openDatabase(undefined, dataDir);
  try {
    const store = new ReportStore(db, () => "KW-UNUSED");
    const found = await store.findByReceipt(
      Scope.allTenants("send-e2e-test"),
      receipt,
      NO_STAFF_READ,
      "send-e2e-test",
    );
    if (!found) return null;
    const body = found.body as { id: string; digest: { value: string } };
    return {
      receipt: found.receipt,
      reportId: body.id,
      digest: body.digest.value,
      ticket: found.ticket ?? null,
      report: found.body,
    };
  } finally {
    await db.close();
  }
}
