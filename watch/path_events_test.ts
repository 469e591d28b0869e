import assert from "node:assert/strict";
import { pathEvents } from "./path_events.ts";
import { pathState } from "./path_state.ts";
import type { Reading, Sample } from "./sample.ts";
import { OPTS, pathSample, pathSeries } from "./testing.ts";

const T0 = Date.UTC(2026, 11, 3, 21, 10, 0);
const EVERY = 5000;

Deno.test("pathState() places a drop at the first segment from which everything is dark", () => {
  assert.equal(pathState(pathSample(T0, { hop: 8, provider: 8, anchor: 8 })).dark, "isp");
  assert.equal(
    pathState(pathSample(T0, { gateway: 8, hop: 8, provider: 8, anchor: 8 })).dark,
    "lan",
  );
  assert.equal(pathState(pathSample(T0, { anchor: 8 })).dark, "internet");
  assert.equal(pathState(pathSample(T0)).dark, null);
});

Deno.test("pathState() leaves out a hop that rate-limits while the provider beyond it answers", () => {
  const dark = pathState(pathSample(T0, { hop: 8 }));
  assert.equal(dark.dark, null);
  assert.equal(dark.lossAt, null);
  assert.deepEqual(dark.counts.isp, { sent: 8, lost: 0 });
  const lossy = pathState(pathSample(T0, { hop: 5 }));
  assert.equal(lossy.lossAt, null, "loss at a hop alone is rate limiting");
});

Deno.test("pathState() places loss where it starts and persists downstream", () => {
  assert.equal(pathState(pathSample(T0, { provider: 2, anchor: 3 })).lossAt, "isp");
  assert.equal(pathState(pathSample(T0, { gateway: 1, provider: 2, anchor: 3 })).lossAt, "lan");
  assert.equal(pathState(pathSample(T0, { gateway: 1 })).lossAt, null, "not persistent");
  assert.equal(pathState(pathSample(T0, { anchor: 2 })).lossAt, "internet");
});

Deno.test("pathEvents() finds a 20 s access-line outage with its start, end and attribution", () => {
  // Samples 10..13 dark beyond the router; 14 is the first that answers again.
  const samples = pathSeries(
    T0,
    EVERY,
    30,
    (i) => i >= 10 && i < 14 ? { hop: 8, provider: 8, anchor: 8, dns: 2 } : {},
  );
  const events = pathEvents(samples, OPTS);
  assert.equal(events.length, 1, JSON.stringify(events.map((e) => e.detail.en)));
  const [e] = events;
  assert.equal(e.kind, "outage");
  assert.equal(e.segment, "isp");
  assert.equal(e.from, new Date(T0 + 10 * EVERY).toISOString());
  assert.equal(e.to, new Date(T0 + 14 * EVERY).toISOString());
  assert.equal(e.samples, 4);
  assert.match(
    e.detail.en,
    /The router answered; the provider and everything beyond it were dark 21:10:50–21:11:10 \(4 samples\) → the access line/,
  );
  assert.match(e.detail.ja, /ルーターは応答し/);
});

Deno.test("pathEvents() joins the lossy edge of an outage to it", () => {
  const samples = pathSeries(
    T0,
    EVERY,
    20,
    (i) =>
      i === 5
        ? { provider: 4, anchor: 5 }
        : i >= 6 && i < 9
        ? { hop: 8, provider: 8, anchor: 8 }
        : {},
  );
  const events = pathEvents(samples, OPTS);
  assert.deepEqual(events.map((e) => [e.kind, e.segment, e.samples]), [["outage", "isp", 4]]);
});

Deno.test("pathEvents() finds a LAN loss window, bridging one clean sample inside it", () => {
  const lossy = { gateway: 2, provider: 3, anchor: 2 };
  const samples = pathSeries(T0, EVERY, 40, (i) => i >= 8 && i < 24 && i !== 15 ? lossy : {});
  const events = pathEvents(samples, OPTS);
  assert.equal(events.length, 1, JSON.stringify(events.map((e) => e.detail.en)));
  assert.equal(events[0].kind, "loss");
  assert.equal(events[0].segment, "lan");
  assert.equal(events[0].samples, 16);
  const rate = events[0].evidence.loss as { low: number };
  assert.ok(rate.low > 0.01);
});

Deno.test("pathEvents() raises nothing for a single lost echo, or rate-limited hops", () => {
  const samples = pathSeries(T0, EVERY, 120, (i) => ({
    hop: i % 3 === 0 ? 8 : i % 3 === 1 ? 3 : 0,
    anchor: i === 50 ? 1 : 0,
    provider: i === 70 ? 1 : 0,
  }));
  assert.deepEqual(pathEvents(samples, OPTS), []);
});

Deno.test("pathEvents() does not call one sample's two lost echoes at the router a LAN problem", () => {
  // Loss that does not persist beyond the router is the router's own ICMP handling.
  const samples = pathSeries(T0, EVERY, 30, (i) => (i === 12 ? { gateway: 2 } : {}));
  assert.deepEqual(pathEvents(samples, OPTS), []);
});

Deno.test("pathEvents() finds DNS failing while the path works, and says a public resolver answered", () => {
  const samples = pathSeries(T0, EVERY, 30, (i) => (i >= 6 && i < 12 ? { dns: 2 } : {}));
  const events = pathEvents(samples, OPTS);
  assert.deepEqual(events.map((e) => [e.kind, e.segment, e.samples]), [["dns-failure", "dns", 6]]);
  assert.match(events[0].detail.en, /public resolver answered meanwhile/);
  assert.deepEqual(events[0].evidence.rcodes, { NOERROR: 0, timeout: 12 });
});

Deno.test("pathEvents() counts DNS failing during an outage as the outage's consequence", () => {
  const samples = pathSeries(
    T0,
    EVERY,
    30,
    (i) => i >= 6 && i < 12 ? { hop: 8, provider: 8, anchor: 8, dns: 2, publicDns: 2 } : {},
  );
  assert.deepEqual(pathEvents(samples, OPTS).map((e) => e.kind), ["outage"]);
});

Deno.test("pathEvents() counts lookups lost at an outage's edge as the outage's, not DNS's", () => {
  // Sample 10 began while the line was still down and ended after it came back: its echoes
  // answered, but its lookups (the public resolver's too) had gone out into the dark.
  const samples = pathSeries(
    T0,
    EVERY,
    20,
    (i) =>
      i >= 6 && i < 10
        ? { hop: 8, provider: 8, anchor: 8, dns: 2, publicDns: 2 }
        : i === 10 || i === 5
        ? { dns: 2, publicDns: 2 }
        : {},
  );
  assert.deepEqual(pathEvents(samples, OPTS).map((e) => [e.kind, e.samples]), [["outage", 4]]);
});

Deno.test("pathEvents() joins the sample in which the line came back to the outage, not to the internet", () => {
  // Seen in the lab (isp-outage-20s): the last sample of a 20 s drop saw the provider answer
  // half its echoes (they went out after the line came back) and the anchors none (before).
  const samples = pathSeries(
    T0,
    EVERY,
    20,
    (i) =>
      i >= 6 && i < 9
        ? { hop: 8, provider: 8, anchor: 8 }
        : i === 9
        ? { hop: 4, provider: 4, anchor: 8 }
        : {},
  );
  const events = pathEvents(samples, OPTS);
  assert.deepEqual(events.map((e) => [e.kind, e.segment, e.samples]), [["outage", "isp", 4]]);
  assert.equal(events[0].to, new Date(T0 + 10 * EVERY).toISOString());
});

Deno.test("pathEvents() still finds the internet dark on its own after a line outage ended", () => {
  // The provider answered every echo: the line was back, and the dark beyond is the internet's.
  const samples = pathSeries(
    T0,
    EVERY,
    20,
    (i) =>
      i >= 6 && i < 9 ? { hop: 8, provider: 8, anchor: 8 } : i >= 9 && i < 12 ? { anchor: 8 } : {},
  );
  assert.deepEqual(pathEvents(samples, OPTS).map((e) => [e.kind, e.segment, e.samples]), [
    ["outage", "isp", 3],
    ["outage", "internet", 3],
  ]);
});

Deno.test("pathEvents() still finds the provider's DNS failing right after an outage", () => {
  // The public resolver answered in the edge sample: its resolver, not the dark, failed.
  const samples = pathSeries(
    T0,
    EVERY,
    20,
    (i) =>
      i >= 6 && i < 10
        ? { hop: 8, provider: 8, anchor: 8, dns: 2, publicDns: 2 }
        : i >= 10 && i < 14
        ? { dns: 2 }
        : {},
  );
  const events = pathEvents(samples, OPTS);
  assert.deepEqual(events.map((e) => [e.kind, e.segment, e.samples]), [
    ["outage", "isp", 4],
    ["dns-failure", "dns", 4],
  ]);
  assert.equal(events[1].from, new Date(T0 + 10 * EVERY).toISOString());
});

Deno.test("pathEvents() finds slowness that starts at the provider, and not one slow sample", () => {
  const slow = { providerMs: 160, anchorMs: 170 };
  const samples = pathSeries(T0, EVERY, 48, (i) => (i >= 12 && i < 30 ? slow : {}));
  const events = pathEvents(samples, OPTS);
  assert.deepEqual(events.map((e) => [e.kind, e.segment, e.samples]), [["slow", "isp", 18]]);
  assert.match(events[0].detail.en, /median 4 → 159 ms\) → the access line/);
  const one = pathSeries(T0, EVERY, 48, (i) => (i === 20 ? slow : {}));
  assert.deepEqual(pathEvents(one, OPTS), []);
});

Deno.test("pathEvents() names the internet when the router and the provider answer", () => {
  const samples = pathSeries(T0, EVERY, 20, (i) => (i >= 4 && i < 8 ? { anchor: 8 } : {}));
  const [e] = pathEvents(samples, OPTS);
  assert.equal(e.segment, "internet");
  assert.match(e.detail.en, /the internet beyond the provider/);
});

Deno.test("pathEvents() says when no provider point was measured to tell line from internet", () => {
  const samples = pathSeries(T0, EVERY, 20, (i) => (i >= 4 && i < 8 ? { anchor: 8 } : {}))
    .map((s) => ({ ...s, readings: s.readings.filter((r) => r.segment !== "isp") }));
  const [e] = pathEvents(samples, OPTS);
  assert.equal(e.kind, "outage");
  assert.match(e.detail.en, /no provider point was measured/);
});

Deno.test("pathEvents() ignores a router that rate-limits its own echoes all day, even with a stray loss beyond", () => {
  // The router drops 2 of 8 echoes in every sample; once, the anchor loses one by chance.
  const samples = pathSeries(T0, EVERY, 120, (i) => ({ gateway: 2, anchor: i === 40 ? 1 : 0 }));
  assert.deepEqual(pathEvents(samples, OPTS), []);
  // Real loss still shows through a rate-limiting router: everything beyond loses too.
  const real = pathSeries(
    T0,
    EVERY,
    120,
    (i) => i >= 30 && i < 50 ? { gateway: 4, hop: 3, provider: 3, anchor: 3 } : { gateway: 2 },
  );
  const events = pathEvents(real, OPTS);
  assert.equal(events.length, 1, JSON.stringify(events.map((e) => e.detail.en)));
  assert.equal(events[0].kind, "loss");
});

Deno.test("pathEvents() counts DNS failing on a lossy path as the path's, not DNS's", () => {
  const samples = pathSeries(
    T0,
    EVERY,
    40,
    (i) => i >= 10 && i < 26 ? { gateway: 2, provider: 2, anchor: 3, dns: 2 } : {},
  );
  assert.deepEqual(pathEvents(samples, OPTS).map((e) => [e.kind, e.segment]), [["loss", "lan"]]);
});

Deno.test("pathEvents() does not call DNS slow when the public resolver is just as slow (a busy device)", () => {
  const busy = pathSeries(T0, EVERY, 30, (i) => (i < 5 ? { dnsMs: 300 } : {}))
    .map((s, i) => ({
      ...s,
      readings: s.readings.map((r) => r.key === "dns:public" && i < 5 ? { ...r, rttMs: 350 } : r),
    }));
  assert.deepEqual(pathEvents(busy, OPTS), []);
  const provider = pathSeries(T0, EVERY, 30, (i) => (i >= 10 && i < 16 ? { dnsMs: 300 } : {}));
  assert.deepEqual(pathEvents(provider, OPTS).map((e) => [e.kind, e.segment]), [["slow", "dns"]]);
});

Deno.test("pathEvents() judges a segment's slowness by its echoes, not by connect times", () => {
  // Connect times jump (the device is busy) while the echoes beyond the router stay fast.
  const samples = pathSeries(T0, EVERY, 30).map((s, i) => ({
    ...s,
    readings: [
      ...s.readings,
      {
        key: "tcp:portal",
        segment: "isp" as const,
        kind: "tcp" as const,
        role: "on-net" as const,
        label: "portal",
        sent: 1,
        lost: 0,
        rttMs: i >= 5 && i < 12 ? 400 : 3,
      },
      {
        key: "tcp:www",
        segment: "internet" as const,
        kind: "tcp" as const,
        role: "target" as const,
        label: "www",
        sent: 1,
        lost: 0,
        rttMs: i >= 5 && i < 12 ? 400 : 3,
      },
    ],
  }));
  assert.deepEqual(pathEvents(samples, OPTS), []);
});

Deno.test("pathEvents() keeps loss beyond the provider inside an access-line loss window the window's", () => {
  // As in the lab: in a few samples of the window the provider's points lost nothing by chance
  // while the anchors did, and a DNS lookup or two failed.
  const samples = pathSeries(T0, EVERY, 36, (i) => {
    if (i < 10 || i >= 24) return {};
    if (i === 14 || i === 18) return { anchor: 4, dns: 1, publicDns: 1 };
    return { provider: 2, hop: 2, anchor: 3 };
  });
  const events = pathEvents(samples, OPTS);
  assert.deepEqual(events.map((e) => [e.kind, e.segment, e.samples]), [["loss", "isp", 14]]);
});

Deno.test("pathState() pools what lies downstream: one segment there may lose nothing by chance", () => {
  assert.equal(pathState(pathSample(T0, { gateway: 3, provider: 0, anchor: 2 })).lossAt, "lan");
  assert.equal(pathState(pathSample(T0, { gateway: 3 })).lossAt, null);
});

Deno.test("pathEvents() sees through lookups that all wobble together (a loaded device)", () => {
  // As in the lab under heavy load: every resolver's time jumps around, together.
  const wobble = [12, 60, 140, 25, 70, 300, 18, 90, 45, 160, 20, 75];
  const samples = pathSeries(T0, EVERY, 48).map((s, i) => ({
    ...s,
    readings: s.readings.map((r) =>
      r.kind === "dns" ? { ...r, rttMs: (r.role === "public" ? 9 : 3) + wobble[i % 12] } : r
    ),
  }));
  assert.deepEqual(pathEvents(samples, OPTS), []);
});

Deno.test("pathEvents() raises nothing on the DNS times of a real healthy lab watch under heavy load", async () => {
  const lab = JSON.parse(
    await Deno.readTextFile(
      new URL("../tests/fixtures/watch/healthy_lab_dns.json", import.meta.url),
    ),
  ) as {
    t: number[];
    system: (number | null)[];
    provider: (number | null)[];
    public: (number | null)[];
  };
  const samples = lab.t.map((t, i) => {
    const s = pathSample(T0 + t * 1000);
    const ms: Record<string, number | null> = {
      "dns:system": lab.system[i],
      "dns:provider": lab.provider[i],
      "dns:public": lab.public[i],
    };
    return {
      ...s,
      readings: s.readings.map((r) => (r.key in ms ? { ...r, rttMs: ms[r.key] } : r)),
    };
  });
  assert.deepEqual(pathEvents(samples, OPTS).map((e) => `${e.kind}@${e.segment} ${e.from}`), []);
});

Deno.test("pathEvents() raises nothing in a real healthy watch whose router and provider edge rate-limit echoes", async () => {
  // The lab's healthy-10min: router and edge answer three echoes a second. In sample 27 the
  // router's budget ran dry (15 of 16 lost) while the anchors beyond answered 16 of 16.
  const report = JSON.parse(
    await Deno.readTextFile(
      new URL(
        "../tests/fixtures/watch/healthy_10min_false_lan_loss.report.json",
        import.meta.url,
      ),
    ),
  );
  const { samples: times, series } = report.watch as {
    samples: { t: number[] };
    series: {
      key: string;
      segment: Reading["segment"];
      kind: string;
      label: string;
      sent?: (number | null)[];
      lost?: (number | null)[];
      rttMs?: (number | null)[];
    }[];
  };
  const ROLE: Record<string, Reading["role"]> = {
    gateway: "gateway",
    hop: "hop",
    "on-net": "on-net",
    ping: "anchor",
  };
  const samples: Sample[] = times.t.map((t, i) => ({
    at: T0 + t * 1000,
    durationMs: 1400,
    wifi: null,
    addresses: null,
    throughput: null,
    readings: series.filter((s) => s.kind === "ping" && s.sent?.[i]).map((s) => ({
      key: s.key,
      segment: s.segment,
      kind: "ping" as const,
      role: ROLE[s.key.split(":")[0]] ?? "anchor",
      label: s.label,
      sent: s.sent![i]!,
      lost: s.lost?.[i] ?? 0,
      rttMs: s.rttMs?.[i] ?? null,
    })),
  }));
  assert.ok(samples.length > 100);
  assert.deepEqual(pathEvents(samples, OPTS).map((e) => `${e.kind}@${e.segment}`), []);
});
