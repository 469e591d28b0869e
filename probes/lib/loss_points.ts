/**
 * The points `path.loss` judges, read from the ping probes that ran at the same time: the
 * home router (`lan.gateway.ping`), the provider's hops and hosts (`isp.ping`), the anchors
 * (`internet.ping`). Shared by the probe and by the diagnosis, which reads older reports
 * without `path.loss` the same way.
 *
 * @module
 */
import type { LossPoint, LossSegment } from "./loss_localise.ts";

/** A ping record as the ping probes store it (only what is read here). */
export interface PingRecordLike {
  name?: string;
  target: string;
  family: 4 | 6;
  status: string;
  sent: number | null;
  received: number;
  samples?: (number | null)[];
  intervalMs?: number;
  role?: string;
  ttl?: number;
  payloadBytes?: number;
}

/** A point with what it takes to ping it again. */
export interface SeriesPoint extends LossPoint {
  /** `gateway-large`: the near-MTU echoes to the router, judged beside its small ones. */
  role: "gateway" | "gateway-large" | "hop" | "on-net" | "anchor";
  target: string;
  name?: string;
  /** Near-MTU payload, sent with Don't Fragment (`gateway-large` only). */
  payloadBytes?: number;
  samples: (number | null)[];
  intervalMs: number;
}

/** Positions along the path: the router, its hops (by TTL), the provider's hosts, anchors. */
const POSITION = { gateway: 0, "gateway-large": 0, hop: 1, "on-net": 2, anchor: 3 } as const;
const SEGMENT: Record<SeriesPoint["role"], LossSegment> = {
  gateway: "lan",
  "gateway-large": "lan",
  hop: "isp",
  "on-net": "isp",
  anchor: "internet",
};

/**
 * Points from the ping probes' targets; records that measured nothing are left out. The
 * router's near-MTU series become `gateway-large` points, off the chain (see
 * {@link chainOf}).
 */
export function pointsFrom(sources: {
  gateway?: readonly PingRecordLike[];
  isp?: readonly PingRecordLike[];
  anchors?: readonly PingRecordLike[];
}): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  const add = (r: PingRecordLike, role: SeriesPoint["role"]) => {
    if (!["ok", "warn", "fail"].includes(r.status) || !r.sent) return;
    if (r.payloadBytes !== undefined && role !== "gateway") return;
    const large = r.payloadBytes !== undefined;
    out.push({
      role: large ? "gateway-large" : role,
      segment: SEGMENT[role],
      position: POSITION[role] + (role === "hop" ? (r.ttl ?? 2) / 100 : 0),
      family: r.family,
      label: r.name ?? r.target,
      target: r.target,
      ...(r.name ? { name: r.name } : {}),
      ...(large
        ? { payloadBytes: r.payloadBytes, label: `${r.name ?? r.target} (${r.payloadBytes} B)` }
        : {}),
      sent: r.sent,
      lost: Math.max(0, r.sent - r.received),
      samples: r.samples ?? [],
      intervalMs: r.intervalMs ?? 1000,
    });
  };
  for (const r of sources.gateway ?? []) add(r, "gateway");
  for (const r of sources.isp ?? []) add(r, r.role === "hop" ? "hop" : "on-net");
  for (const r of sources.anchors ?? []) add(r, "anchor");
  return out;
}

/** The points along the path (the near-MTU series left out): what `localiseLoss` judges. */
export function chainOf<P extends SeriesPoint>(points: readonly P[]): P[] {
  return points.filter((p) => p.role !== "gateway-large");
}

/** Each near-MTU series with the small series to the same router. */
export function sizePairs<P extends SeriesPoint>(points: readonly P[]): { small: P; large: P }[] {
  return points.filter((p) => p.role === "gateway-large").flatMap((large) => {
    const small = points.find((p) =>
      p.role === "gateway" && p.target === large.target && p.family === large.family
    );
    return small ? [{ small, large }] : [];
  });
}
