import assert from "node:assert/strict";
import { certSha256, spkiSha256 } from "./crypto.ts";

const SERVER_PEM = await Deno.readTextFile(
  new URL("../tests/fixtures/pki/server.pem", import.meta.url),
);

Deno.test("spkiSha256() gives the pin openssl gives for the same certificate", async () => {
  // openssl x509 -in server.pem -pubkey -noout | openssl pkey -pubin -outform der |
  //   openssl dgst -sha256 -binary | base64
  const pin = "GWInEEkKyv8wUssDXKJi6tweqqIFWvQ2lK+R4mKgDlU=";
  assert.equal(await spkiSha256(SERVER_PEM), pin);
  const der = Uint8Array.from(
    atob(SERVER_PEM.replace(/-----[A-Z ]+-----|\s/g, "")),
    (c) => c.charCodeAt(0),
  );
  assert.equal(await spkiSha256(der), pin, "DER and PEM agree");
});

Deno.test("certSha256() is the SHA-256 fingerprint of the DER bytes", async () => {
  // openssl x509 -in server.pem -outform der | sha256sum
  assert.equal(
    await certSha256(SERVER_PEM),
    "ecc62ea8b9190ba86b2e9e2459a8c7c313808ac0c1b2f5151fa56a8670ae3324",
  );
  await assert.rejects(() => certSha256("not a certificate"), TypeError);
});
