import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { InvalidInputError } from "../util/errors.ts";
import { WatchStore } from "./store.ts";
import { STORE_VERSION } from "./store_schema.ts";
import { pathSample, pathSeries } from "./testing.ts";

async function withTempDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = await Deno.makeTempDir({ prefix: "kw-watch-store-" });
  try {
    return await f(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const SESSION = { id: "w1", startedAt: 1000, untilAt: 5000, everyMs: 600_000, settings: { a: 1 } };

Deno.test("WatchStore.open() makes a versioned WAL history that round-trips samples", async () => {
  await withTempDir((dir) => {
    const path = join(dir, "watch", "history.sqlite");
    const store = WatchStore.open(path);
    store.createSession(SESSION);
    const s = {
      ...pathSample(2000, { provider: 3, dns: 1 }),
      wifi: {
        connected: true,
        ssid: "[redacted:ssid]",
        ssidTag: "00aa",
        bssid: "[redacted:bssid]",
        bssidTag: "11bb",
        band: "5",
        channel: 36,
        rssiDbm: -61,
      },
      addresses: { tag: "t", list: ["gw4 192.168.1.1"] },
      throughput: { downMbps: 91.5, upMbps: 40.2, bytes: 9_000_000 },
      accessType: "pppoe",
    };
    store.addSample("w1", s);
    const [back] = store.samples("w1");
    assert.deepEqual(back, s);
    assert.equal(store.sampleCount("w1").count, 1);
    const db = new DatabaseSync(path);
    assert.equal(Object.values(db.prepare("PRAGMA user_version").get()!)[0], STORE_VERSION);
    assert.equal(Object.values(db.prepare("PRAGMA journal_mode").get()!)[0], "wal");
    db.close();
    store.close();
    return Promise.resolve();
  });
});

Deno.test("WatchStore lets a second process read and steer while the watch writes", async () => {
  await withTempDir((dir) => {
    const path = join(dir, "h.sqlite");
    const writer = WatchStore.open(path);
    writer.createSession(SESSION);
    const reader = WatchStore.open(path);
    writer.addSample("w1", pathSample(2000));
    reader.updateSession("w1", { pausedUntil: 9000, stopRequested: true });
    assert.equal(reader.samples("w1").length, 1);
    const row = writer.session("w1")!;
    assert.equal(row.pausedUntil, 9000);
    assert.equal(row.stopRequested, true);
    assert.deepEqual(row.settings, { a: 1 });
    assert.equal(writer.latestSession()!.id, "w1");
    writer.addGap("w1", { from: 3000, to: 4000, reason: "paused" });
    assert.deepEqual(reader.gaps("w1"), [{ from: 3000, to: 4000, reason: "paused" }]);
    reader.close();
    writer.close();
    return Promise.resolve();
  });
});

Deno.test("WatchStore.open() refuses a history from a newer kit and a file that is not one", async () => {
  await withTempDir(async (dir) => {
    const newer = join(dir, "newer.sqlite");
    const db = new DatabaseSync(newer);
    db.exec(`PRAGMA user_version = ${STORE_VERSION + 1}`);
    db.close();
    assert.throws(
      () => WatchStore.open(newer),
      (e: unknown) =>
        e instanceof InvalidInputError && /written by a newer kit \(schema 2/.test(e.message),
    );
    const junk = join(dir, "junk.sqlite");
    await Deno.writeTextFile(junk, "not a database at all, but long enough to be read as one....");
    assert.throws(
      () => WatchStore.open(junk),
      (e: unknown) =>
        e instanceof InvalidInputError && /Cannot open the watch history/.test(e.message),
    );
  });
});

Deno.test("WatchStore.rotate() drops samples past the age limit, then the oldest past the size", async () => {
  await withTempDir((dir) => {
    const store = WatchStore.open(join(dir, "h.sqlite"));
    store.createSession(SESSION);
    const day = 86_400_000;
    const now = 40 * day;
    for (const s of pathSeries(now - 35 * day, 3_600_000, 35 * 24)) store.addSample("w1", s);
    assert.equal(store.rotate({ maxBytes: 100_000_000, maxAgeDays: 30 }, now), 5 * 24);
    assert.equal(store.sampleCount("w1").count, 30 * 24);
    const before = store.sizeBytes();
    const removed = store.rotate({ maxBytes: 60_000, maxAgeDays: 30 }, now);
    assert.ok(removed > 0);
    const left = store.samples("w1");
    assert.ok(left[0].at > now - 30 * day, "the oldest went first");
    assert.equal(left.at(-1)!.at, now - 3_600_000, "the newest stayed");
    assert.ok(store.sizeBytes() < before, `${store.sizeBytes()} < ${before}`);
    store.close();
    return Promise.resolve();
  });
});
