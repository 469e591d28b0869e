/**
 * Cross-checks against the Japanese Windows samples (hand-derived expectations, and the
 * upstream asserts where recorded), their CP932/CRLF byte versions, and the getmac route
 * samples (raw only: our expectation of the visible default gateway is written here).
 */
import assert from "node:assert/strict";
import { decodeOutput } from "../probes/lib/decode.ts";
import { parsePing } from "../probes/parse/ping.ts";
import { parseRoutes } from "../probes/parse/routes.ts";
import { parseTrace } from "../probes/parse/traceroute.ts";
import { corpusTest, near, samples } from "./support/corpora.ts";

type Json = Record<string, unknown>;

corpusTest("corpora: Japanese Windows ping samples", (dir) => {
  const all = samples(dir, "ja-samples", "ping");
  assert.equal(all.length, 8);
  for (const s of all) {
    const e = (s.json.expected ?? {}) as Json;
    if (s.json.expected_per_line) {
      const kinds = (s.json.expected_per_line as Json[]).map((l) => l.type);
      const p = parsePing(s.text, { os: "windows" });
      assert.deepEqual(kinds, ["ttl_expired", "unknown_host", "timeout"], s.id);
      assert.deepEqual(p.errors.map((x) => x.kind), ["ttl-exceeded", "unknown-host"], s.id);
      assert.equal(p.errors[0].from, "192.168.3.1");
      assert.equal(p.timeouts, 1, s.id);
      continue;
    }
    const p = parsePing(s.text, { os: "windows" });
    if (e.destination_ip) assert.equal(p.address, e.destination_ip, `${s.id}: destination`);
    if (e.packets_transmitted !== undefined) assert.equal(p.sent, e.packets_transmitted, s.id);
    if (e.packets_received !== undefined) assert.equal(p.received, e.packets_received, s.id);
    if (e.packets_received_as_reported !== undefined) {
      assert.equal(p.reported?.received, e.packets_received_as_reported, `${s.id}: reported`);
    }
    if (e.echo_replies !== undefined) assert.equal(p.received, e.echo_replies, s.id);
    const loss = e.reply_loss_percent ?? e.packet_loss_percent ?? e.loss_pct;
    if (loss !== undefined) near(p.lossPercent, loss, 0.001, `${s.id}: loss`);
    const min = e.round_trip_ms_min ?? e.min_ms;
    if (min === null) assert.equal(p.rtt, null, `${s.id}: no RTT`);
    if (typeof min === "number") {
      assert.deepEqual(
        [p.rtt?.minMs, p.rtt?.maxMs, p.rtt?.avgMs],
        [min, e.round_trip_ms_max ?? e.max_ms, e.round_trip_ms_avg ?? e.avg_ms],
        `${s.id}: rtt`,
      );
    }
    if ((e.avg_ms as unknown) === null) assert.equal(p.rtt, null, `${s.id}: no avg`);
    for (const [i, r] of ((e.replies ?? []) as Json[]).entries()) {
      if (r.type === "timeout") assert.ok(p.timeouts > i, `${s.id}: timeout ${i}`);
      else if (r.type === "destination_host_unreachable") {
        assert.deepEqual([p.errors[i].kind, p.errors[i].from], ["unreachable", r.from_ip], s.id);
      } else {
        const ours = p.replies[i];
        assert.equal(ours.from, r.ip, `${s.id}: reply ${i} ip`);
        assert.equal(ours.ttl, r.ttl, `${s.id}: reply ${i} ttl`);
        // Our convention for "<1ms": 0 with lessThan, as Windows' own summary ("最小 = 0ms").
        if (r.time_ms_text === "<1ms") assert.deepEqual([ours.rttMs, ours.lessThan], [0, true]);
        else assert.equal(ours.rttMs, r.time_ms, `${s.id}: reply ${i} time`);
      }
    }
  }
});

corpusTest("corpora: Japanese Windows tracert samples", (dir) => {
  const all = samples(dir, "ja-samples", "tracert");
  assert.equal(all.length, 4);
  for (const s of all) {
    const t = parseTrace(s.text, { os: "windows" });
    const e = (s.json.expected ?? {}) as Json;
    const hops = (e.hops ?? s.json.expected_hops ?? []) as Json[];
    if (e.destination_ip) assert.equal(t.address, e.destination_ip, `${s.id}: destination`);
    if (e.destination_name) assert.equal(t.target, e.destination_name, `${s.id}: name`);
    if (e.max_hops) assert.equal(t.maxHops, e.max_hops, `${s.id}: max hops`);
    if (e.hop_count) assert.equal(t.hops.length, e.hop_count, `${s.id}: hop count`);
    if (e.completed !== undefined) assert.equal(t.complete, e.completed, `${s.id}: completed`);
    if (e.last_hop_ip) assert.equal(t.hops.at(-1)?.probes[0].address, e.last_hop_ip, s.id);
    for (const ttl of (e.timeout_hops ?? []) as number[]) {
      assert.ok(t.hops[ttl - 1].probes.every((p) => p.rttMs === null), `${s.id}: hop ${ttl}`);
    }
    if (hops.length) assert.equal(t.hops.length, hops.length, `${s.id}: hops`);
    for (const [i, h] of hops.entries()) {
      const ours = t.hops[i];
      assert.equal(ours.ttl, h.hop, `${s.id}: ttl`);
      const times = ours.probes.map((p) => p.rttMs === null ? null : p.lessThan ? "<1" : p.rttMs);
      const want = h.rtt_ms ??
        (h.rtt_ms_text as string[]).map((x) => x.startsWith("<") ? x : Number(x));
      assert.deepEqual(times, want, `${s.id}: hop ${h.hop} times`);
      const addr = ours.probes.find((p) => p.address)?.address ?? null;
      assert.equal(addr, h.ip, `${s.id}: hop ${h.hop} address`);
      if ("name" in h) assert.equal(ours.probes[0].name, h.name, `${s.id}: hop ${h.hop} name`);
    }
  }
});

corpusTest("corpora: CP932/CRLF bytes parse exactly like their UTF-8 originals", (dir) => {
  const base = `${dir}/ja-samples/_cp932_crlf_reencoded`;
  let checked = 0;
  for (const f of Deno.readDirSync(base)) {
    const m = f.name.match(/^(ja-samples|node-ping)__(ping|tracert)__(.+)\.cp932\.out$/);
    if (!m) continue;
    const decoded = decodeOutput(Deno.readFileSync(`${base}/${f.name}`), "auto");
    assert.equal(decoded.encoding, "cp932", f.name);
    const original = Deno.readTextFileSync(
      `${dir}/${m[1]}/${m[2]}/${m[3].replaceAll("__", "/")}.out`,
    );
    const parse = m[2] === "ping" ? parsePing : parseTrace;
    assert.deepEqual(parse(decoded.text, { os: "windows" }), parse(original, { os: "windows" }));
    checked++;
  }
  assert.equal(checked, 13);
});

/** Default gateways visible in the getmac samples, read off the raw text by us. */
const GETMAC_DEFAULTS: Record<string, string[]> = {
  "route_print/windows-10/route_print_-4": ["10.0.0.1"],
  "route_print/windows-10/route_print_-6": [],
  "netstat_r/macos-10.12.6/netstat_-rn": ["10.0.2.2"],
  "netstat_r/freebsd11/netstat_r": ["10.0.2.2"],
  "netstat_r/android-9/netstat_-r": [],
  "ip_route/ubuntu-18.04/ip_route_list_0slash0": ["192.168.16.2"],
  "ip_route/android-9/ip_route_list": [],
  "route/ubuntu-18.04/route_-n": ["192.168.16.2"],
  "route/macos-10.12.6/route_-n_get_default": ["10.0.2.2"],
  // WSL lists 0.0.0.0/32 without the G flag: a host route, not a default route.
  "route/wsl-ubuntu-18.04/route_-n": [],
};

corpusTest("corpora: getmac routing tables give their visible default gateway", (dir) => {
  for (const [path, gateways] of Object.entries(GETMAC_DEFAULTS)) {
    const text = Deno.readTextFileSync(`${dir}/getmac-raw/${path}.out`);
    assert.deepEqual(parseRoutes(text).routes.map((r) => r.gateway), gateways, path);
  }
});
