import assert from "node:assert/strict";
import { chainOf, pointsFrom, sizePairs } from "./loss_points.ts";

const record = (target: string, lost: number, extra: Record<string, unknown> = {}) => ({
  target,
  family: 4 as const,
  status: "ok",
  sent: 20,
  received: 20 - lost,
  samples: [],
  intervalMs: 200,
  ...extra,
});

Deno.test("pointsFrom() orders the router, the provider's hops by TTL, its hosts and the anchors", () => {
  const points = pointsFrom({
    gateway: [record("192.168.1.1", 0), record("192.168.1.1", 3, { payloadBytes: 1472 })],
    isp: [
      record("100.64.0.9", 1, { role: "hop", ttl: 3 }),
      record("100.64.0.1", 0, { role: "hop", ttl: 2 }),
      record("192.0.2.80", 0, { role: "on-net" }),
    ],
    anchors: [record("198.51.100.1", 2), { ...record("203.0.113.1", 0), status: "error" }],
  });
  assert.deepEqual(
    chainOf(points).sort((a, b) => a.position - b.position).map((
      p,
    ) => [p.role, p.segment, p.target]),
    [
      ["gateway", "lan", "192.168.1.1"],
      ["hop", "isp", "100.64.0.1"],
      ["hop", "isp", "100.64.0.9"],
      ["on-net", "isp", "192.0.2.80"],
      ["anchor", "internet", "198.51.100.1"],
    ],
  );
  const [pair] = sizePairs(points);
  assert.deepEqual([pair.small.lost, pair.large.lost, pair.large.payloadBytes], [0, 3, 1472]);
  assert.equal(pair.large.label, "192.168.1.1 (1472 B)");
});
