/**
 * The brand configuration of this build: the open, neutral default. A provider's build
 * replaces this one file (names, terms, keys, policy, default targets); see the README.
 *
 * @module
 */
import { type Brand, type BrandInput, loadBrand } from "./schema.ts";

/** Well-known public anchors that answer ICMP, IPv4 and IPv6. */
const DEFAULT_ANCHORS = [
  { name: "cloudflare", address: "1.1.1.1" },
  { name: "google", address: "8.8.8.8" },
  { name: "cloudflare-v6", address: "2606:4700:4700::1111" },
  { name: "google-v6", address: "2001:4860:4860::8888" },
];

/** Well-known public targets for the route trace and the path MTU, IPv4 and IPv6. */
const DEFAULT_PATH_TARGETS = [
  { name: "cloudflare", address: "1.1.1.1" },
  { name: "cloudflare-v6", address: "2606:4700:4700::1111" },
];

const TERMS_JA = `kiriwake 利用規約 (第 1.0 版、2026 年 11 月 24 日施行)

1. 目的と利用許諾
本ソフトウェア「kiriwake」(以下「本ツール」) は、お客さまのインターネット接続の不具合がどこで起きているかを切り分けるためのツールです。提供者は、お客さまがご契約中のサービスに関するトラブルシューティングの目的に限り、そのご契約の期間中、本ツールを利用する非独占的で譲渡できない権利をお客さまに許諾します。提供者がライセンス ファイルを発行する場合、利用はその有効期間内に限ります。複製、改変、再配布、他の目的での利用は許諾しません。

2. 対応 OS
本ツールは、Windows、macOS、Linux のうち提供者が指定した OS での利用を想定しています。それ以外の OS での動作は保証せず、提供者の設定によっては動作しません。

3. 記録する情報と同意
本ツールは、お客さまの端末の情報と通信に関する情報のうち、お客さまが同意した区分のみを測定し、診断レポートに記録します。
 ・端末情報 (device): OS の種類とバージョン、CPU、メモリ
 ・ネットワーク情報 (network): IP アドレス、経路、DNS サーバー、インターフェイス名
 ・識別子 (identifiers): ホスト名、ユーザー名、MAC アドレス、SSID/BSSID、グローバル IP アドレス、シリアル番号
 ・測定値 (measurements): 応答時間、通信速度、パケット損失
同意しない区分の情報を必要とする測定は行いません。識別子に同意しない場合、識別子はレポートのどこにも残さず伏せ字にします。測定を始める前に「kiriwake run --dry-run」で記録される内容を確認できます。

4. レポートの扱い
レポートはお客さまの端末に保存され、お客さまが送付しない限り提供者には送られません。ライセンスの確認も端末内で行い、外部に送信しません。同意は「kiriwake terms revoke」でいつでも取り消せます。取り消しても保存済みのレポートは削除されないため、不要であればお客さまが削除してください。

5. 通信
測定のため、本ツールは設定された宛先 (公開 DNS サーバー、Web サイト、提供者のサーバーなど) と通信します。従量制の回線では通信量が発生します。

6. 無保証
本ツールは現状有姿で提供され、診断結果の正確性、特定目的への適合性を含め、いかなる保証もしません。本ツールの利用により生じた損害について、提供者は法令で認められる範囲で責任を負いません。

7. 規約の変更
提供者は本規約を変更することがあります。変更後の版は、次回の測定の前に改めて同意をお願いします。`;

const TERMS_EN = `kiriwake terms of use (version 1.0, effective 24 November 2026)

1. Purpose and licence
This software, "kiriwake" (the "Tool"), helps find where a problem with your internet connection lies. The provider grants you a non-exclusive, non-transferable right to use the Tool only for troubleshooting the service you have contracted, and only while that contract is in force. Where the provider issues a licence file, use is limited to its period of validity. Copying, modifying, redistributing or using the Tool for any other purpose is not licensed.

2. Supported operating systems
The Tool is meant to be used on those of Windows, macOS and Linux that the provider names. It is not warranted to work on any other operating system and, depending on the provider's settings, it will not run there.

3. What is recorded, and your consent
Of the information about your device and your communications, the Tool measures and records in its report only the categories you consent to:
 - device: OS type and version, CPU, memory
 - network: IP addresses, routes, DNS servers, interface names
 - identifiers: host name, user name, MAC addresses, SSID/BSSID, public IP address, serial numbers
 - measurements: response times, transfer rates, packet loss
Measurements that need a category you do not consent to are not made. If you do not consent to identifiers, they are masked and appear nowhere in the report. Before anything is measured, "kiriwake run --dry-run" shows what would be recorded.

4. Your reports
Reports stay on your device and reach the provider only if you send them. The licence, too, is checked on your device and nothing is sent for it. You can withdraw your consent at any time with "kiriwake terms revoke". Withdrawing does not delete reports already saved; delete them yourself if you no longer need them.

5. Network traffic
To measure, the Tool communicates with the configured targets (public DNS servers, web sites, the provider's servers). On metered connections this uses data.

6. No warranty
The Tool is provided as is, without warranty of any kind, including the accuracy of its diagnosis and fitness for a particular purpose. To the extent the law allows, the provider is not liable for any damage arising from its use.

7. Changes
The provider may change these terms. You will be asked to accept the new version before your next measurement.`;

const input: BrandInput = {
  id: "kiriwake",
  product: "kiriwake",
  provider: "kiriwake project",
  support: {
    ja: "ご契約のプロバイダーのサポート窓口にレポートを送ってください。",
    en: "Send the report to your provider's support desk.",
  },
  terms: {
    version: "1.0",
    effectiveDate: "2026-11-24",
    text: { ja: TERMS_JA, en: TERMS_EN },
    // `kiriwake terms show --json` prints these; a text that does not match is refused.
    sha256: {
      ja: "6d9e0dd8dff9d4b2885a723b4e4db08de5a1b0e97a06171dd22869904867611b",
      en: "6dff3298345cac1cd0405cd1e320ebd2e43dd2192b5a5c2c56e53460dcc49f02",
    },
  },
  optionalCategories: ["identifiers", "network", "device"],
  licence: { required: false, publicKeys: [], clockSkewSeconds: 300 },
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
    // Path probes: public anchors and the customer's own default gateways.
    ping: { anchors: DEFAULT_ANCHORS, gateways: true, providerHops: 2 },
    trace: { targets: DEFAULT_PATH_TARGETS },
    mtu: { targets: DEFAULT_PATH_TARGETS },
  },
};

/** The brand this build ships with. */
export const BRAND: Brand = loadBrand(input);
