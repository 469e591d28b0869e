/**
 * The brand configuration of this build: the open, neutral default. A provider's build
 * replaces this one file (names, terms, keys, policy, default targets); see the README.
 *
 * @module
 */
import { type Brand, type BrandInput, loadBrand } from "./brand_schema.ts";
import { DEFAULT_ANCHORS, DEFAULT_PATH_TARGETS } from "../probes/config_paths.ts";

const TERMS_JA = `kiriwake 利用規約 (第 1.0 版、2026 年 11 月 24 日施行)

1. 目的と利用許諾
本ソフトウェア「kiriwake」（以下「本ツール」）は、お客さまのインターネット接続の不具合がどこで起きているかを切り分けるためのツールです。提供者は、お客さまがご契約中のサービスに関するトラブルシューティングの目的に限り、契約期間中、本ツールを利用することを許諾します。複製、改変、再配布、他の目的での利用は許諾しません。

2. 対応 OS
本ツールは Windows、macOS、Linux のうち提供者が指定した OS でのみ動作を想定しています。それ以外の環境での動作は保証しません。

3. 記録する情報と同意
本ツールは、お客さまが同意した区分の情報のみを測定し、診断レポートに記録します。
 ・端末情報 (device): OS の種類とバージョン、CPU、メモリ
 ・ネットワーク情報 (network): IP アドレス、経路、DNS サーバー、インターフェイス名
 ・識別子 (identifiers): ホスト名、ユーザー名、MAC アドレス、SSID/BSSID、グローバル IP アドレス
 ・測定値 (measurements): 応答時間、通信速度、パケット損失
識別子に同意しない場合、識別子はレポートから伏せ字にされます。レポートはお客さまの端末に保存され、お客さまが送付しない限り提供者には送られません。同意はいつでも「kiriwake terms revoke」で取り消せます。

4. 通信
測定のため、本ツールは設定された宛先（公開 DNS サーバー、Web サイト、提供者のサーバーなど）と通信します。従量制の回線では通信量が発生します。

5. 無保証
本ツールは現状有姿で提供され、診断結果の正確性、特定目的への適合性を含め、いかなる保証もしません。本ツールの利用により生じた損害について、提供者は法令で認められる範囲で責任を負いません。

6. 規約の変更
提供者は本規約を変更することがあります。変更後の版は、次回起動時に改めて同意をお願いします。`;

const TERMS_EN = `kiriwake terms of use (version 1.0, effective 24 November 2026)

1. Purpose and licence
This software, "kiriwake" (the "Tool"), helps find where a problem with your internet connection lies. The provider grants you the right to use the Tool only for troubleshooting the service you have contracted, and only while that contract is in force. Copying, modifying, redistributing or using it for any other purpose is not licensed.

2. Supported operating systems
The Tool is meant to run only on those of Windows, macOS and Linux that the provider names. It is not warranted to work elsewhere.

3. What is recorded, and your consent
The Tool measures and records in its report only the categories of information you consent to:
 - device: OS type and version, CPU, memory
 - network: IP addresses, routes, DNS servers, interface names
 - identifiers: host name, user name, MAC addresses, SSID/BSSID, public IP address
 - measurements: response times, transfer rates, packet loss
If you do not consent to identifiers, they are masked in the report. Reports stay on your device and reach the provider only if you send them. You can withdraw your consent at any time with "kiriwake terms revoke".

4. Network traffic
To measure, the Tool communicates with the configured targets (public DNS servers, web sites, the provider's servers). On metered connections this uses data.

5. No warranty
The Tool is provided as is, without warranty of any kind, including the accuracy of its diagnosis and fitness for a particular purpose. To the extent the law allows, the provider is not liable for any damage arising from its use.

6. Changes
The provider may change these terms. You will be asked to accept the new version the next time you start the Tool.`;

const input: BrandInput = {
  id: "kiriwake",
  product: "kiriwake",
  provider: "kiriwake project",
  support: {
    ja: "ご契約のプロバイダーのサポート窓口にレポートを送ってください。",
    en: "Send the report to your provider's support desk.",
  },
  terms: { version: "1.0", effectiveDate: "2026-11-24", text: { ja: TERMS_JA, en: TERMS_EN } },
  optionalCategories: ["identifiers", "network", "device"],
  licence: { required: false, publicKeys: [] },
  plugins: { unsigned: "warn", publicKeys: [] },
  os: { supported: ["windows", "darwin", "linux"], elsewhere: "warn" },
  defaultConfig: {
    dns: {
      names: ["www.google.com", "www.cloudflare.com", "www.wikipedia.org"],
      useSystemResolver: true,
      resolvers: [
        { name: "cloudflare", address: "1.1.1.1", kind: "public" },
        { name: "google", address: "8.8.8.8", kind: "public" },
        { name: "cloudflare-v6", address: "2606:4700:4700::1111", kind: "public" },
      ],
    },
    tcp: {
      targets: [
        { name: "cloudflare-v4", host: "1.1.1.1", port: 443 },
        { name: "google-v4", host: "8.8.8.8", port: 443 },
        { name: "cloudflare-v6", host: "2606:4700:4700::1111", port: 443 },
        { name: "google-v6", host: "2001:4860:4860::8888", port: 443 },
      ],
    },
    http: {
      targets: [
        { name: "google", url: "https://www.google.com/generate_204", expectStatus: 204 },
        { name: "cloudflare", url: "https://www.cloudflare.com/cdn-cgi/trace", expectStatus: 200 },
      ],
    },
    dnsCompare: {
      names: ["www.google.com", "www.yahoo.co.jp"],
      publicResolvers: [
        { name: "cloudflare", address: "1.1.1.1" },
        { name: "google", address: "8.8.8.8" },
      ],
    },
    dualStack: { targets: [{ url: "https://www.google.com/" }] },
    captive: { url: "http://connectivitycheck.gstatic.com/generate_204", expectStatus: 204 },
    clock: { urls: ["https://www.google.com/", "https://www.cloudflare.com/"] },
    tls: { targets: [{ host: "www.google.com", expectIssuer: ["Google Trust Services"] }] },
    // Path probes (issue 3a): public anchors and the customer's own default gateways.
    ping: { anchors: DEFAULT_ANCHORS, gateways: true },
    trace: { targets: DEFAULT_PATH_TARGETS },
    mtu: { targets: DEFAULT_PATH_TARGETS },
  },
};

/** The brand this build ships with. */
export const BRAND: Brand = loadBrand(input);
