import assert from "node:assert/strict";
import type { ProbeResult } from "../probes/types.ts";
import type { Report } from "../report/schema.ts";
import { burnedInMac, extractColumns, hourIn } from "./extract.ts";
import { distinctReport } from "./testing.ts";

function probe(id: string, data: Record<string, unknown>): ProbeResult {
  return {
    id,
    title: { ja: id, en: id },
    segment: "isp",
    status: "ok",
    startedAt: "2026-11-24T09:00:01Z",
    durationMs: 1,
    data,
    evidence: [],
    source: "builtin",
  };
}

/** Puts `extra` in place of the sample's probes of the same ids. */
const withProbes = (...extra: ProbeResult[]) => (r: Report) => {
  r.probes = [...r.probes.filter((p) => !extra.some((e) => e.id === p.id)), ...extra];
};

Deno.test("extractColumns() reads verdicts, environment and the crowd baseline's numbers", async () => {
  const r = await distinctReport({
    mutate: withProbes(
      probe("isp.access", {
        candidates: [
          { type: "dual-stack", confidence: 0.4, evidence: [] },
          { type: "pppoe", confidence: 0.8, evidence: [] },
        ],
      }),
      probe("isp.throughput", {
        servers: [{
          idle: { latencyMs: 12 },
          download: { mbps: 420.5, loadedLatency: { medianMs: 48 } },
          upload: { mbps: 95, loadedLatency: { medianMs: 61 } },
        }],
      }),
      probe("internet.ping", {
        targets: [{ lossPercent: 0 }, { lossPercent: 10 }, { lossPercent: null }],
      }),
    ),
  });
  const c = await extractColumns(r, "acme", "Asia/Tokyo");
  assert.equal(c.reportId, r.id);
  assert.equal(c.hourOfDay, 18, "09:00Z is 18:00 in Tokyo");
  assert.deepEqual(
    c.verdicts,
    Object.fromEntries(
      Object.entries(r.diagnosis.segments).map(([s, v]) => [s, v.verdict]),
    ),
  );
  assert.equal(c.accessType, "pppoe");
  assert.deepEqual(
    [c.downMbps, c.upMbps, c.idleLatencyMs, c.loadedLatencyMs, c.lossPercent],
    [420.5, 95, 12, 61, 5],
  );
  assert.deepEqual([c.os, c.arch, c.kitVersion, c.brand], [
    r.environment.os,
    r.environment.arch,
    r.tool.version,
    r.tool.brand.id,
  ]);
});

Deno.test("extractColumns() gives nulls for what a partial report did not measure", async () => {
  const r = await distinctReport({ partial: true, mutate: (x) => void (x.probes = []) });
  const c = await extractColumns(r, "acme", "UTC");
  assert.deepEqual(
    [c.accessType, c.downMbps, c.upMbps, c.loadedLatencyMs, c.lossPercent, c.deviceKey],
    [null, null, null, null, null, null],
  );
  assert.equal(c.partial, true);
});

Deno.test("extractColumns() keys a device by its burned-in MAC, else host name, only with identifiers", async () => {
  const consented = (extra: ProbeResult[]) => async () =>
    await distinctReport({
      mutate: (r) => {
        r.consent.refused = [];
        r.redaction.refused = [];
        withProbes(...extra)(r);
      },
    });
  const nic = probe("net.interfaces", {
    interfaces: [{ mac: "02:42:ac:11:00:02" }, { mac: "3C:22:FB:01:02:03" }, { mac: null }],
  });
  const host = probe("system.info", { hostname: "Alice-PC" });
  const a = await extractColumns(await consented([nic, host])(), "acme", "UTC");
  const b = await extractColumns(await consented([nic])(), "acme", "UTC");
  const c = await extractColumns(await consented([nic])(), "globex", "UTC");
  const d = await extractColumns(await consented([host])(), "acme", "UTC");
  assert.match(a.deviceKey!, /^[0-9a-f]{32}$/);
  assert.equal(a.deviceKey, b.deviceKey, "the MAC decides, not the host name");
  assert.notEqual(a.deviceKey, c.deviceKey, "another tenant, another key");
  assert.notEqual(d.deviceKey, null);
  assert.notEqual(d.deviceKey, a.deviceKey);
  // The same probes in a report that refused identifiers: no key.
  const refused = await distinctReport({ mutate: withProbes(nic, host) });
  assert.equal((await extractColumns(refused, "acme", "UTC")).deviceKey, null);
});

Deno.test("burnedInMac() skips locally administered, multicast and zero addresses", () => {
  assert.equal(
    burnedInMac({
      interfaces: [{ mac: "02:00:00:00:00:01" }, { mac: "01:00:5e:00:00:01" }, {
        mac: "00:00:00:00:00:00",
      }],
    }),
    null,
  );
  assert.equal(
    burnedInMac({ interfaces: [{ mac: "F4-5C-89-AA-BB-CC" }, { mac: "3c:22:fb:01:02:03" }] }),
    "mac:3c:22:fb:01:02:03",
  );
  assert.equal(burnedInMac(undefined), null);
});

Deno.test("hourIn() is the hour in the given zone", () => {
  assert.equal(hourIn("2026-11-24T15:30:00Z", "Asia/Tokyo"), 0);
  assert.equal(hourIn("2026-11-24T15:30:00+09:00", "UTC"), 6);
});
