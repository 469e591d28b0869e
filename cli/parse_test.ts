import assert from "node:assert/strict";
import { BRAND } from "../brand/brand.ts";
import { EXIT, InvalidInputError, UsageError } from "../util/errors.ts";
import { parseKinds } from "../probes/parse/mod.ts";
import { MAX_INPUT_CHARS } from "../probes/parse/input_limits.ts";
import { expectsError, loadFixtures } from "../tests/support/fixture_files.ts";
import { type CommandContext, memoryIo } from "../session/command.ts";
import { parseCommand } from "./parse.ts";

const ctx: CommandContext = {
  lang: "en",
  brand: BRAND,
  configDir: "/nonexistent",
  now: () => new Date("2026-11-24T09:00:00Z"),
};

Deno.test("parseCommand() round-trips every fixture to its expected parse", async () => {
  const fixtures = loadFixtures();
  assert.ok(fixtures.length >= 100, `only ${fixtures.length} fixtures`);
  for (const f of fixtures) {
    const args = [f.kind, "--os", f.os, "--encoding", f.cp932 ? "cp932" : "utf-8"];
    const io = memoryIo(f.bytes);
    if (expectsError(f.expected)) {
      await assert.rejects(parseCommand(args, io, ctx), InvalidInputError, f.path);
      continue;
    }
    assert.equal(await parseCommand(args, io, ctx), EXIT.ok, f.path);
    assert.deepEqual(JSON.parse(io.stdout), f.expected, f.path);
  }
});

Deno.test("parseCommand() guesses the encoding and the OS when not told", async () => {
  const f = loadFixtures().find((x) => x.path === "windows/ja/ping/ipv4_reply_lt1ms.bin")!;
  const io = memoryIo(f.bytes);
  assert.equal(await parseCommand(["ping"], io, ctx), EXIT.ok);
  assert.deepEqual(JSON.parse(io.stdout), f.expected);
});

Deno.test("parseCommand() lists the kinds when the kind is unknown or missing", async () => {
  for (const args of [["pong"], []]) {
    await assert.rejects(parseCommand(args, memoryIo("x"), ctx), (e: unknown) => {
      assert.ok(e instanceof UsageError);
      for (const k of parseKinds()) assert.ok(e.message.includes(k), `${k} in ${e.message}`);
      return true;
    });
  }
});

Deno.test("parseCommand() refuses an OS the kind does not cover, and bad flag values", async () => {
  for (
    const args of [["tracert", "--os", "linux"], ["ping", "--os", "bsd"], [
      "ping",
      "--encoding",
      "latin1",
    ]]
  ) {
    await assert.rejects(parseCommand(args, memoryIo("x"), ctx), UsageError, args.join(" "));
  }
});

Deno.test("parseCommand() says which kind and what was missing for unparseable input", async () => {
  await assert.rejects(parseCommand(["traceroute"], memoryIo("hello\n"), ctx), (e: unknown) => {
    assert.ok(e instanceof InvalidInputError);
    assert.equal(e.message, "parse traceroute: not traceroute output (found no hop lines)");
    assert.match(e.text.ja, /traceroute の出力として読めません/);
    return true;
  });
  // `echo hello | kiriwake parse iw` exited 0 with an empty result.
  await assert.rejects(parseCommand(["iw"], memoryIo("hello\n"), ctx), (e: unknown) => {
    assert.ok(e instanceof InvalidInputError);
    assert.match(e.message, /^parse iw: not iw output \(found no phy#N with Interface lines/);
    return true;
  });
});

Deno.test("parseCommand() refuses empty, blank and binary input for every kind, in one line", async () => {
  const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
  for (const kind of parseKinds()) {
    for (
      const [input, why] of [["", /the input is empty$/], [
        " \n\t\n",
        /the input is empty$/,
      ]] as const
    ) {
      await assert.rejects(parseCommand([kind], memoryIo(input), ctx), (e: unknown) => {
        assert.ok(e instanceof InvalidInputError, kind);
        assert.match(e.message, why, kind);
        return true;
      });
    }
    await assert.rejects(parseCommand([kind], memoryIo(garbage), ctx), (e: unknown) => {
      assert.ok(e instanceof InvalidInputError, kind);
      assert.ok(!e.message.includes("\n"), `${kind}: ${e.message}`);
      return true;
    });
  }
});

Deno.test("parseCommand() names the byte where input stops being the encoding given", async () => {
  // CP932 "要求がタイムアウトしました。" forced as UTF-8 passed with U+FFFD replacement characters.
  const f = loadFixtures().find((x) => x.path === "windows/ja/ping/ipv4_n1_timeout.bin")!;
  await assert.rejects(
    parseCommand(["ping", "--encoding", "utf-8"], memoryIo(f.bytes), ctx),
    (e: unknown) => {
      assert.ok(e instanceof InvalidInputError);
      assert.match(
        e.message,
        /^parse ping: the input is not UTF-8 text \(byte \d+\) \(try --encoding auto\)$/,
      );
      return true;
    },
  );
  const notCp932 = new Uint8Array([0x50, 0x49, 0x4e, 0x47, 0x20, 0xa0, 0xfd, 0x0a]);
  await assert.rejects(
    parseCommand(["ping", "--encoding", "cp932"], memoryIo(notCp932), ctx),
    /the input is not CP932 text \(byte 5\)/,
  );
  await assert.rejects(parseCommand(["ping"], memoryIo(notCp932), ctx), /not UTF-8 \/ CP932 text/);
});

Deno.test("parseCommand() refuses input beyond the size limit before decoding it", async () => {
  const big = new Uint8Array(MAX_INPUT_CHARS + 1).fill(0x31);
  await assert.rejects(parseCommand(["ping"], memoryIo(big), ctx), (e: unknown) => {
    assert.ok(e instanceof InvalidInputError);
    assert.match(
      e.message,
      /^parse ping: the input is too large \(16777217 bytes; the limit is 16777216\)$/,
    );
    return true;
  });
});

Deno.test("parseCommand() tells a terminal user how to end the paste", async () => {
  const io = memoryIo("PING 192.0.2.1 (192.0.2.1) 56(84) bytes of data.\n", { tty: true });
  await assert.rejects(parseCommand(["ping"], io, ctx), InvalidInputError);
  assert.match(io.stderr, /Ctrl-D/);
});

Deno.test("parseCommand() passes --fields to parsers that need the nmcli -f list", async () => {
  const io = memoryIo("Home:6:80\n");
  assert.equal(await parseCommand(["nmcli", "--fields", "SSID,CHAN,SIGNAL"], io, ctx), EXIT.ok);
  const [link] = JSON.parse(io.stdout);
  assert.deepEqual([link.ssid, link.channel, link.signalPercent], ["Home", 6, 80]);
});
