/**
 * The scenario file: one injected fault (or none), the kit configuration it runs with, and
 * the diagnosis expected of it. Scenarios are JSON files under `tests/system/scenarios/`
 * (or any folder given to `deno task scenarios DIR`); see `docs/scenarios.md`.
 *
 * @module
 */
import { z } from "zod";
import { SEGMENTS } from "../../probes/types.ts";
import { NODES } from "./topology.ts";

const node = z.enum(NODES);

/** One change to the healthy topology. Every kind is undone by the reset between scenarios. */
export const faultSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("iptables"),
    node,
    /** 4: iptables, 6: ip6tables, both: the same rule in each. */
    family: z.enum(["4", "6", "both"]).default("4"),
    /** One rule, as iptables arguments, e.g. `-A FORWARD -i acc0 -j DROP`. */
    rule: z.string().min(1),
  }).strict(),
  z.object({
    kind: z.literal("tc"),
    node,
    dev: z.string().min(1),
    /** The root qdisc and its parameters, e.g. `tbf rate 1mbit burst 16kb latency 50ms`. */
    qdisc: z.string().min(1),
  }).strict(),
  z.object({
    kind: z.literal("link"),
    node,
    dev: z.string().min(1),
    up: z.boolean().optional(),
    mtu: z.number().int().min(68).max(9000).optional(),
  }).strict(),
  z.object({
    kind: z.literal("route"),
    node,
    /** `ip route` arguments after the family, e.g. `del default`. */
    args: z.string().min(1),
    family: z.enum(["4", "6"]).default("4"),
  }).strict(),
  z.object({
    kind: z.literal("service"),
    node,
    /** `dns`, or a web service name of that node (`portal`, `anchor`, `www`, `app`, …). */
    service: z.string().min(1),
    /** The mode the service takes, e.g. `{"mode":"slow","delayMs":800}`. */
    mode: z.object({ mode: z.string() }).loose(),
  }).strict(),
  z.object({
    kind: z.literal("resolv"),
    /** The client's whole `/etc/resolv.conf`. */
    text: z.string(),
  }).strict(),
  z.object({
    kind: z.literal("env"),
    /** Environment variables the kit runs with, e.g. `{"https_proxy":"http://…"}`. */
    vars: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()),
  }).strict(),
]);
/** One fault. */
export type Fault = z.infer<typeof faultSchema>;

/** A scenario file. */
export const scenarioSchema = z.object({
  $schema: z.string().optional(),
  /** Short, unique; defaults to the file name. */
  name: z.string().min(1).optional(),
  /** What is being modelled, in a sentence. */
  description: z.string().min(1),
  /** Probe ids the scenario needs; without them it is skipped, with that reason. */
  requires: z.array(z.string()).default([]),
  faults: z.array(faultSchema).default([]),
  /** Deep-merged into the topology's run config (objects merge, arrays replace). */
  config: z.record(z.string(), z.unknown()).default({}),
  expect: z.object({
    /** The segment the headline must name; null for a healthy network. */
    headline: z.enum(SEGMENTS).nullable(),
    /** Finding ids that must be present (`#2` suffixes are ignored). */
    findings: z.array(z.string()).default([]),
    /** Finding ids that may also appear without counting as false alarms. */
    allow: z.array(z.string()).default([]),
  }).strict(),
  /** Runs of this scenario (the baseline repeats to prove it stays quiet). */
  repeat: z.number().int().min(1).max(100).default(1),
}).strict();
/** A validated scenario. */
export type Scenario = z.infer<typeof scenarioSchema> & { name: string; file: string };
