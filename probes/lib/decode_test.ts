import assert from "node:assert/strict";
import { decodeOutput } from "./decode.ts";

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
