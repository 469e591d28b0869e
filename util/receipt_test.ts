import assert from "node:assert/strict";
import { formatReceipt, newReceipt, parseReceipt, RECEIPT_ALPHABET } from "./receipt.ts";

Deno.test("newReceipt() makes codes that parse back to themselves, in both styles", () => {
  for (let i = 0; i < 2000; i++) {
    const a = newReceipt("alnum");
    assert.match(a, /^KW-[34679ACEFGHKMPRTWXY]{4}-[34679ACEFGHKMPRTWXY]{4}$/);
    assert.equal(parseReceipt(a), a);
    const d = newReceipt("digits");
    assert.match(d, /^KW-\d{4}-\d{4}-\d{3}$/);
    assert.equal(parseReceipt(d), d);
  }
});

Deno.test("parseReceipt() reads codes as people type them", () => {
  const code = newReceipt("alnum");
  const chars = code.slice(3).replace("-", "");
  assert.equal(parseReceipt(chars.toLowerCase()), code);
  assert.equal(parseReceipt(` kw ${chars.slice(0, 4)} ${chars.slice(4)} `), code);
  // Full-width characters and a long dash, as a Japanese IME may give them.
  const wide = [...chars].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
  assert.equal(parseReceipt(`ＫＷー${wide}`), code);
});

Deno.test("parseReceipt() refuses a code with one character wrong or two swapped", () => {
  let refused = 0, tried = 0;
  for (let i = 0; i < 300; i++) {
    const chars = newReceipt("alnum").slice(3).replace("-", "");
    for (let p = 0; p < 8; p++) {
      for (const c of RECEIPT_ALPHABET) {
        if (c === chars[p]) continue;
        tried++;
        if (parseReceipt(chars.slice(0, p) + c + chars.slice(p + 1)) === null) refused++;
      }
    }
    for (let p = 0; p < 7; p++) {
      if (chars[p] === chars[p + 1]) continue;
      tried++;
      const swapped = chars.slice(0, p) + chars[p + 1] + chars[p] + chars.slice(p + 2);
      if (parseReceipt(swapped) === null) refused++;
    }
  }
  assert.equal(refused, tried, "every single substitution and adjacent swap is caught");
});

Deno.test("parseReceipt() refuses look-alike characters and wrong lengths", () => {
  for (const bad of ["KW-0000-0000", "KW-OOOO-OOOO", "KW-7F3K-92Q", "", "KW", "hello world"]) {
    assert.equal(parseReceipt(bad), null, bad);
  }
  const d = newReceipt("digits");
  const last = Number(d.at(-1));
  assert.equal(parseReceipt(d.slice(0, -1) + String((last + 1) % 10)), null);
});

Deno.test("formatReceipt() refuses characters outside the receipt alphabet", () => {
  assert.throws(() => formatReceipt("0OIL1234"), RangeError);
  assert.equal(formatReceipt("34679ACE"), "KW-3467-9ACE");
});
