import assert from "node:assert/strict";
import { decodeOutput, firstInvalidByte } from "./decode.ts";

const cp932 = new Uint8Array([0x83, 0x73, 0x83, 0x93, 0x83, 0x4f, 0x0d, 0x0a]); // "ピング\r\n"

Deno.test("decodeOutput() falls back to CP932 when bytes are not UTF-8", () => {
  assert.deepEqual(decodeOutput(cp932, "auto"), { text: "ピング\n", encoding: "cp932" });
});

Deno.test("decodeOutput() keeps UTF-8, drops a BOM and normalises line ends", () => {
  const bytes = new TextEncoder().encode("\uFEFFping 応答\r\nend\r");
  assert.deepEqual(decodeOutput(bytes, "auto"), { text: "ping 応答\nend\n", encoding: "utf-8" });
});

Deno.test("decodeOutput() obeys a forced encoding", () => {
  assert.equal(decodeOutput(cp932, "cp932").text, "ピング\n");
  assert.equal(decodeOutput(cp932, "utf-8").encoding, "utf-8");
});

Deno.test("firstInvalidByte() finds where bytes stop being the encoding, -1 when they never do", () => {
  const text = new TextEncoder().encode("ok 応答\n");
  assert.equal(firstInvalidByte(text, "utf-8"), -1);
  assert.equal(firstInvalidByte(cp932, "cp932"), -1);
  // CP932 "ピング" forced as UTF-8: 0x83 cannot start a UTF-8 character.
  assert.equal(firstInvalidByte(cp932, "utf-8"), 0);
  const mixed = new Uint8Array([...text, 0xff, 0x41]);
  assert.equal(firstInvalidByte(mixed, "utf-8"), text.length);
  // 0xA0 is no Shift_JIS byte at all.
  assert.equal(firstInvalidByte(new Uint8Array([0x41, 0x42, 0xa0]), "cp932"), 2);
});
