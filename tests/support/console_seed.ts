/**
 * A support desk's day, stored in a collector database for browser tests and screenshots:
 * two tenants (`acme`, a corporate customer's IT; `globex`, another), staff of each and a
 * provider admin, and reports made from the lab's real reports —
 *
 * - a crowd of PPPoE customers, slow every evening at 21:00 (Tokyo) and fast in the morning,
 *   so the evening is congestion;
 * - Tanaka's device: two earlier evenings and tonight's report (typical for the evening crowd);
 * - a neighbour far below the crowd (an individual fault);
 * - six customers losing packets from the same provider hop in the last hour (an incident);
 * - a report full of hostile strings (SSID, host name, headline, ticket);
 * - globex's own reports, which acme must never see.
 *
 * Times are fixed: the console's clock is {@link SEED_NOW}.
 *
 * @module
 */
import type { Database } from "../../collector/db.ts";
import { PROVIDER_TENANT } from "../../collector/scope.ts";
import type { SupportConsole } from "../../collector/console.ts";
import {
  addStaff,
  type Stored,
  storeReport,
  variantReport,
} from "../../collector/testing_console.ts";
import { HOSTILE } from "../../report/html/testing.ts";

/** The console's "now": 2026-12-03 21:40 in Tokyo. */
export const SEED_NOW = new Date("2026-12-03T12:40:00Z");

/** 21:mm (Tokyo) `daysAgo` days before {@link SEED_NOW}. */
const evening = (daysAgo: number, minute = 0) =>
  new Date(Date.UTC(2026, 11, 3 - daysAgo, 12, minute));
/** 10:mm (Tokyo). */
const morning = (daysAgo: number, minute = 0) =>
  new Date(Date.UTC(2026, 11, 3 - daysAgo, 1, minute));

/** What was stored. */
export interface Seeded {
  /** Tanaka's reports, oldest first; the last is tonight's. */
  tanaka: Stored[];
  /** A neighbour far below the crowd. */
  broken: Stored;
  /** The incident's reports. */
  incident: Stored[];
  hostile: Stored;
  globex: Stored[];
  /** Every acme receipt. */
  acmeReceipts: string[];
}

/** The hostile ticket. */
export const HOSTILE_TICKET = `"><img src=x onerror=alert(9)>`;

/** Stores the day and the staff. Accounts: aiko, boss (acme), gina (globex), root (provider). */
export async function seedConsole(db: Database, con: SupportConsole): Promise<Seeded> {
  await addStaff(con, "acme", "aiko", "agent");
  await addStaff(con, "acme", "boss", "tenant-admin");
  await addStaff(con, "globex", "gina", "agent");
  await addStaff(con, PROVIDER_TENANT, "root", "provider-admin");
  const acme: Stored[] = [];
  const put = async (tenant: string, v: Parameters<typeof variantReport>[0], ticket?: string) => {
    const s = await storeReport(db, tenant, await variantReport(v), ticket ? { ticket } : {});
    if (tenant === "acme") acme.push(s);
    return s;
  };
  // The crowd: 18 days of PPPoE customers through the day; the evening (20–23 h) is busy.
  const HOURS = [8, 10, 13, 15, 18, 20, 21, 22];
  for (let day = 1; day <= 18; day++) {
    for (const [k, hour] of HOURS.entries()) {
      const busy = hour >= 20;
      const i = day * 8 + k;
      await put("acme", {
        lab: busy && i % 3 === 0 ? "isp-bufferbloat" : "baseline-speed",
        at: new Date(Date.UTC(2026, 11, 3 - day, hour - 9, (i * 7) % 50)),
        access: "pppoe",
        downMbps: busy ? 24 + (i * 7) % 17 : 78 + (i * 5) % 19,
        upMbps: busy ? 8 + (i % 5) : 28 + (i % 7),
        loadedMs: busy ? 60 + (i * 13) % 70 : 22 + (i * 3) % 15,
        lossPercent: busy ? (i % 4) * 0.25 : 0,
      });
    }
  }
  const mac = "00:1b:21:3a:4f:0c";
  const tanaka = [
    await put("acme", {
      at: evening(9, 12),
      mac,
      access: "pppoe",
      downMbps: 36,
      upMbps: 11,
      loadedMs: 74,
      lossPercent: 0,
    }, "T-2041"),
    await put("acme", {
      at: morning(4, 40),
      mac,
      access: "pppoe",
      downMbps: 91,
      upMbps: 33,
      loadedMs: 25,
      lossPercent: 0,
    }, "T-2041"),
    await put("acme", {
      lab: "isp-bufferbloat",
      at: evening(0, 5),
      mac,
      access: "pppoe",
      downMbps: 29,
      upMbps: 9,
      loadedMs: 96,
      lossPercent: 0.25,
    }, "T-2041"),
  ];
  const broken = await put("acme", {
    lab: "isp-bufferbloat",
    at: evening(0, 8),
    mac: "00:1b:21:77:10:02",
    access: "pppoe",
    downMbps: 2.1,
    upMbps: 0.8,
    loadedMs: 430,
    lossPercent: 0,
  });
  const incident: Stored[] = [];
  for (let i = 0; i < 6; i++) {
    incident.push(
      await put("acme", {
        lab: "isp-access-loss",
        at: new Date(SEED_NOW.getTime() - (4 + i * 7) * 60_000),
        mac: `00:1b:21:55:00:0${i}`,
        access: "ipv4-over-ipv6",
      }),
    );
  }
  const hostile = await put("acme", {
    at: evening(1, 30),
    hostile: true,
    mac: "00:1b:21:66:00:01",
  }, HOSTILE_TICKET);
  const globex: Stored[] = [];
  for (let i = 0; i < 4; i++) {
    globex.push(
      await put("globex", {
        at: evening(i, 20 + i),
        access: "pppoe",
        mac,
        downMbps: 5 + i,
      }, "T-2041"),
    );
  }
  void HOSTILE;
  return { tanaka, broken, incident, hostile, globex, acmeReceipts: acme.map((s) => s.receipt) };
}
