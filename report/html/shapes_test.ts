import assert from "node:assert/strict";
import { findShapes } from "./shapes.ts";

Deno.test("findShapes() reads ping replies with a lost sequence number as a gap", () => {
  const data = {
    target: "192.0.2.1",
    sent: 4,
    replies: [1, 2, 4].map((seq) => ({ seq, rttMs: seq * 1.5, duplicate: false })),
  };
  assert.deepEqual(findShapes(data), [{
    kind: "latency",
    label: "192.0.2.1",
    samples: [1.5, 3, null, 6],
  }]);
});

Deno.test("findShapes() reads traceroute hops, tracert-like hops and sample arrays", () => {
  const shapes = findShapes({
    trace: {
      target: "example.net",
      hops: [
        {
          ttl: 1,
          probes: [{ address: "192.0.2.1", rttMs: 1 }, { address: "192.0.2.1", rttMs: 2 }],
        },
        { ttl: 2, probes: [{ address: null, rttMs: null }] },
      ],
    },
    gaming: { samplesMs: [10, null, 12] },
  });
  assert.deepEqual(shapes, [
    {
      kind: "hops",
      label: "example.net",
      hops: [
        { ttl: 1, address: "192.0.2.1", rtts: [1, 2] },
        { ttl: 2, address: null, rtts: [null] },
      ],
    },
    { kind: "latency", label: "gaming › samplesMs", samples: [10, null, 12] },
  ]);
});

Deno.test("findShapes() converts throughput series to Mbps over seconds", () => {
  const [s] = findShapes({
    direction: "upload",
    intervals: [{ atMs: 500, bps: 2e6 }, { atMs: 1000, bps: 4e6 }],
  });
  assert.deepEqual(s, {
    kind: "throughput",
    label: "upload › intervals",
    points: [{ s: 0.5, mbps: 2 }, { s: 1, mbps: 4 }],
  });
});

Deno.test("findShapes() draws request phases and ignores what it does not know", () => {
  const shapes = findShapes({
    targets: [{ name: "a", dnsMs: 1, connectMs: 2, tlsMs: null, ttfbMs: 4 }],
    other: [{ x: 1 }, { x: 2 }],
    replies: [{ rttMs: "fast" }, { rttMs: 2 }],
  });
  assert.deepEqual(shapes, [{
    kind: "phases",
    label: "targets",
    rows: [{ name: "a", dnsMs: 1, connectMs: 2, tlsMs: 0, ttfbMs: 4 }],
  }]);
  assert.deepEqual(findShapes({}), []);
  assert.deepEqual(findShapes({ replies: [{ rttMs: 1 }] }), [], "one sample is no chart");
});
