import assert from "node:assert/strict";
import { redact } from "./redact.ts";

const ids = [
  { kind: "hostname", value: "alice-laptop" },
  { kind: "ssid", value: "Alice's Wi-Fi <5G>" },
  { kind: "user", value: "al" },
];

Deno.test("redact() masks declared identifiers everywhere, keys included", () => {
  const input = {
    host: "alice-laptop",
    nested: [{ note: "joined Alice's Wi-Fi <5G> from ALICE-LAPTOP" }],
    "alice-laptop": 1,
    path: "/home/al/.config also",
  };
  const { value, masked } = redact(input, { refused: ["identifiers"], identifiers: ids });
  const text = JSON.stringify(value);
  assert.ok(!/alice-laptop/i.test(text));
  assert.ok(!text.includes("Alice's Wi-Fi"));
  assert.equal(value.path, "/home/[redacted:user]/.config also");
  assert.deepEqual(masked, { hostname: 1, ssid: 1, user: 1 });
});

Deno.test("redact() masks MAC-shaped values even when undeclared", () => {
  const { value, masked } = redact({ e: "ether 3c:22:fb:0a:1b:2c and 3C-22-FB-0A-1B-2D" }, {
    refused: ["identifiers"],
    identifiers: [],
  });
  assert.equal(value.e, "ether [redacted:mac] and [redacted:mac]");
  assert.equal(masked.mac, 2);
});

Deno.test("redact() leaves everything when identifiers were consented", () => {
  const input = { host: "alice-laptop", mac: "3c:22:fb:0a:1b:2c" };
  const { value, masked } = redact(input, { refused: ["device"], identifiers: ids });
  assert.deepEqual(value, input);
  assert.deepEqual(masked, {});
});
