import assert from "node:assert/strict";
import { join } from "node:path";
import { canonicalJson } from "../util/canonical_json.ts";
import {
  type ConsentRecord,
  readRecordState,
  recordPath,
  removeRecord,
  type UnsealedRecord,
  writeRecord,
} from "./record.ts";
import { sha256Hex } from "../util/crypto.ts";

const unsealed: UnsealedRecord = {
  schema: "kiriwake.consent/v1",
  terms: { version: "1.0", effectiveDate: "2026-11-24", sha256: "a".repeat(64), lang: "ja" },
  granted: ["device", "measurements"],
  refused: ["network", "identifiers"],
  acceptedAt: "2026-11-24T09:00:00.000Z",
  method: "prompt",
  toolVersion: "0.1.0",
};

async function withDir(f: (dir: string) => Promise<void>) {
  const dir = await Deno.makeTempDir({ prefix: "kw-rec-" });
  try {
    await f(join(dir, "cfg"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Rewrites the record's JSON as a hand edit would, optionally recomputing the digest. */
async function handEdit(dir: string, f: (r: ConsentRecord) => void, reseal = false) {
  const r = JSON.parse(await Deno.readTextFile(recordPath(dir)));
  f(r);
  if (reseal) {
    const { digest: _, ...body } = r;
    r.digest.value = await sha256Hex(canonicalJson(body));
  }
  await Deno.writeTextFile(recordPath(dir), JSON.stringify(r, null, 2));
}

Deno.test("writeRecord() seals the record, owner-only, atomically; readRecordState() reads it back", async () => {
  await withDir(async (dir) => {
    const sealed = await writeRecord(dir, unsealed);
    assert.deepEqual(await readRecordState(dir), { state: "ok", record: sealed });
    assert.equal((await Deno.stat(recordPath(dir))).mode! & 0o777, 0o600);
    assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["consent.json"]);
  });
});

Deno.test("readRecordState() never takes a hand-edited or damaged record for consent", async () => {
  const cases: [string, (dir: string) => Promise<void>, RegExp][] = [
    [
      "category added by hand",
      (d) =>
        handEdit(d, (r) => {
          r.granted.push("identifiers");
          r.refused = r.refused.filter((c) => c !== "identifiers");
        }),
      /digest: does not match/,
    ],
    ["version bumped by hand", (d) => handEdit(d, (r) => (r.terms.version = "2.0")), /digest/],
    [
      "digest removed",
      (d) => handEdit(d, (r) => delete (r as Partial<ConsentRecord>).digest),
      /digest/,
    ],
    [
      "category in both lists, digest recomputed",
      (d) => handEdit(d, (r) => r.granted.push("network"), true),
      /every category exactly once/,
    ],
    ["truncated", async (d) => {
      const t = await Deno.readTextFile(recordPath(d));
      await Deno.writeTextFile(recordPath(d), t.slice(0, 40));
    }, /not JSON/],
    [
      "unknown field",
      (d) => handEdit(d, (r) => Object.assign(r, { allowed: true }), true),
      /allowed/,
    ],
  ];
  for (const [name, damage, why] of cases) {
    await withDir(async (dir) => {
      await writeRecord(dir, unsealed);
      await damage(dir);
      const s = await readRecordState(dir);
      assert.equal(s.state, "damaged", name);
      assert.match(s.state === "damaged" ? s.detail : "", why, name);
    });
  }
});

Deno.test("readRecordState() reports an unreadable record; removeRecord() removes even a damaged one", async () => {
  await withDir(async (dir) => {
    await Deno.mkdir(recordPath(dir), { recursive: true }); // a directory where the file should be
    const s = await readRecordState(dir);
    assert.equal(s.state, "unreadable");
    await Deno.remove(recordPath(dir));
    assert.equal(await removeRecord(dir), false);
    await writeRecord(dir, unsealed);
    await Deno.writeTextFile(recordPath(dir), "garbage");
    assert.equal(await removeRecord(dir), true);
    assert.deepEqual(await readRecordState(dir), { state: "none" });
  });
});
