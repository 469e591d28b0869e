/**
 * Cross-checks parsePing against other projects' expected parses of the same ping output
 * (node-ping, pingparsing, telegraf, gping, and the Japanese samples), field by field
 * through a mapping, since every project names and scales its fields differently.
 */
import assert from "node:assert/strict";
import { parsePing, type PingResult } from "../probes/parse/ping.ts";
import { ParseError } from "../probes/parse/parse_error.ts";
import type { Platform } from "../probes/types.ts";
import { corpusTest, near, type Sample, samples } from "./support/corpora.ts";

/** The OS a sample came from, by its folder name. */
function osOf(id: string): Platform {
  if (/windows/.test(id)) return "windows";
  if (/macos|bsd/.test(id)) return "darwin";
  return "linux";
}

/** A reply's time as printed: "<1ms" is reported upstream as 1. */
const printed = (r: PingResult["replies"][number]) => (r.lessThan ? 1 : r.rttMs);
const genuine = (p: PingResult) => p.replies.filter((r) => !r.duplicate);
const num = (v: unknown) => (v === "unknown" || v === null ? null : Number(v));

corpusTest("corpora: node-ping answers (Linux, macOS, Windows en/de/fr/ja/ru/zh)", (dir) => {
  const all = samples(dir, "node-ping", "ping");
  assert.equal(all.length, 20);
  for (const s of all) {
    const p = parsePing(s.text, { os: osOf(s.id) });
    const j = s.json;
    assert.equal(p.received > 0, j.alive, `${s.id}: alive`);
    assert.deepEqual(genuine(p).map(printed), j.times, `${s.id}: times`);
    if (j.alive) assert.equal(p.address, j.numeric_host, `${s.id}: numeric_host`);
    for (const [ours, theirs] of [["minMs", "min"], ["avgMs", "avg"], ["maxMs", "max"]] as const) {
      const want = num(j[theirs]);
      if (want === null) assert.equal(p.rtt, null, `${s.id}: ${theirs}`);
      else near(p.rtt?.[ours], want, 0.0005, `${s.id}: ${theirs}`);
    }
    const loss = num(j.packetLoss);
    if (loss !== null) {
      near(p.reported?.lossPercent ?? p.lossPercent, loss, 0.0005, `${s.id}: loss`);
    }
  }
});

/** Where pingparsing and we knowingly disagree, and why. */
const PINGPARSING_DEVIATIONS: Record<string, string> = {
  "pingparsing/ping/macos/macos_duplicate_0":
    "pingparsing drops the round-trip line after a blank line; we read it",
  "pingparsing/ping/linux/ubuntu_fail_0":
    "no summary RTT printed: pingparsing gives null, we compute it from the 3 replies",
};

corpusTest("corpora: pingparsing stats and replies (Linux, busybox, macOS, Windows)", (dir) => {
  const all = samples(dir, "pingparsing", "ping");
  assert.equal(all.length, 27);
  for (const s of all) {
    const os = osOf(s.id);
    if (s.json.expected === "raises pingparsing.ParseError") {
      checkRefused(s, os);
      continue;
    }
    const p = parsePing(s.text, { os });
    const st = s.json.stats as Record<string, number | null>;
    assert.equal(p.sent, st.packet_transmit, `${s.id}: transmit`);
    assert.equal(p.received, st.packet_receive, `${s.id}: receive`);
    near(p.lossPercent, st.packet_loss_rate, 0.001, `${s.id}: loss rate`);
    if (st.packet_duplicate_count !== null) {
      assert.equal(p.duplicates, st.packet_duplicate_count, `${s.id}: duplicates`);
    }
    const rtt = { rtt_min: p.rtt?.minMs, rtt_avg: p.rtt?.avgMs, rtt_max: p.rtt?.maxMs };
    for (const [k, ours] of Object.entries(rtt)) {
      if (st[k] !== null) near(ours, st[k], 0.0005, `${s.id}: ${k}`);
      else if (ours !== undefined) assert.ok(PINGPARSING_DEVIATIONS[s.id], `${s.id}: ${k}`);
    }
    if (st.rtt_mdev !== null) near(p.rtt?.stddevMs, st.rtt_mdev, 0.0005, `${s.id}: mdev`);
    const replies = s.json.icmp_replies as Record<string, number | boolean>[];
    const timed = replies.filter((r) => "time" in r);
    assert.deepEqual(
      p.replies.map((r) => [printed(r), r.ttl, r.duplicate]),
      timed.map((r) => [r.time, r.ttl, r.duplicate]),
      `${s.id}: replies`,
    );
    if (os !== "windows") {
      assert.deepEqual(p.replies.map((r) => r.seq), timed.map((r) => r.icmp_seq), `${s.id}: seq`);
    }
    // pingparsing lists iputils "no answer yet" lines as replies without a time.
    if (p.flavor === "iputils") {
      assert.equal(p.timeouts, replies.length - timed.length, `${s.id}: unanswered`);
    }
  }
});

/** pingparsing refuses these; we refuse the empty one and keep the four visible timeouts of the other. */
function checkRefused(s: Sample, os: Platform): void {
  if (s.id.endsWith("ping_windows_invalid")) {
    const p = parsePing(s.text, { os });
    assert.equal(p.complete, false, `${s.id}: must be marked incomplete`);
    assert.equal(p.timeouts, 4);
    return;
  }
  assert.throws(() => parsePing(s.text, { os }), ParseError, s.id);
}

corpusTest("corpora: telegraf ping fields (Windows en/pl, Linux, BSD, busybox)", (dir) => {
  const all = samples(dir, "telegraf", "ping");
  assert.equal(all.length, 15);
  for (const s of all) {
    const os = osOf(s.id);
    if (s.json.error === true) {
      const fatal = (() => {
        try {
          const p = parsePing(s.text, { os });
          return p.replies.length === 0 && p.errors.some((e) => e.kind === "usage");
        } catch (e) {
          return e instanceof ParseError;
        }
      })();
      assert.ok(fatal, `${s.id}: must be refused or a usage error`);
      continue;
    }
    const p = parsePing(s.text, { os });
    const proc = (s.json.processPingOutput ?? {}) as Record<string, number>;
    const gather = (s.json.gather_fields ?? {}) as Record<string, number>;
    const sent = proc.packetsTransmitted ?? gather.packets_transmitted;
    assert.equal(p.sent, sent, `${s.id}: transmitted`);
    // telegraf's packets_received is the printed count; reply_received excludes ICMP errors.
    assert.equal(p.reported?.received, proc.packetsReceived ?? gather.packets_received, s.id);
    const replies = proc.replyReceived ?? gather.reply_received;
    if (replies !== undefined) assert.equal(p.received, replies, `${s.id}: replies`);
    if (gather.percent_reply_loss !== undefined) {
      near(p.lossPercent, gather.percent_reply_loss, 0.001, `${s.id}: reply loss`);
    }
    if (gather.percent_packet_loss !== undefined && p.reported) {
      const printedLoss = (100 * (p.reported.sent - p.reported.received)) / p.reported.sent;
      near(printedLoss, gather.percent_packet_loss, 0.001, `${s.id}: packet loss`);
    }
    const ttl = proc.ttl ?? gather.ttl;
    if (ttl !== undefined) assert.equal(p.replies[0]?.ttl, ttl, `${s.id}: ttl`);
    const minMs = proc.min ?? gather.minimum_response_ms;
    if (minMs !== undefined) {
      near(p.rtt?.minMs, minMs, 0.0005, `${s.id}: min`);
      near(p.rtt?.avgMs, proc.avg ?? gather.average_response_ms, 0.0005, `${s.id}: avg`);
      near(p.rtt?.maxMs, proc.max ?? gather.maximum_response_ms, 0.0005, `${s.id}: max`);
    } else assert.equal(p.rtt, null, `${s.id}: no RTT when no reply`);
    const sd = proc.stddev ?? gather.standard_deviation_ms;
    if (sd !== undefined) {
      if (sd === -1) assert.equal(p.rtt?.stddevMs, null, `${s.id}: stddev absent`);
      else near(p.rtt?.stddevMs, sd, 0.0005, `${s.id}: stddev`);
    }
  }
});

corpusTest("corpora: gping per-line reply, timeout or nothing (7 OSes)", (dir) => {
  const all = samples(dir, "gping-pinger", "ping");
  assert.equal(all.length, 7);
  for (const s of all) {
    for (const { line, expected } of s.json.per_line as { line: string; expected: string }[]) {
      let p: PingResult | null = null;
      try {
        p = parsePing(line, { os: osOf(s.id) });
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
      }
      const what = `${s.id}: "${line}"`;
      if (expected === "None") {
        assert.ok(!p || (p.replies.length === 0 && p.timeouts === 0), what);
      } else if (expected === "Timeout") {
        assert.equal(p?.timeouts, 1, what);
      } else {
        assert.equal(p?.replies.length, 1, what);
        near(p.replies[0].rttMs, Number(expected.replace(/ms$/, "")), 0.0005, what);
      }
    }
  }
});
