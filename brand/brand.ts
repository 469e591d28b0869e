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

const TERMS_JA = `kiriwake 利用規約 (第 1.1 版、2026 年 12 月 3 日施行)

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

4. レポートの扱いと送信
レポートはお客さまの端末に保存され、お客さまが送信しない限り提供者には送られません。レポートを送信するときは、その都度、端末から送られる内容 (保存されたレポートそのもの。お客さまが同意した区分のみを含み、識別子に同意しなかった場合は伏せ字のまま)、送信先を表示し、お客さまの同意を確認します。同意がなければ何も送信しません。レポートと一緒に、お客さまが入力したお問い合わせ番号と、ライセンス ファイルがインストールされている場合はそのファイル (ご契約の確認のため) を送ります。提供者は受付番号を返します。回線がつながらないときは、レポートを端末内の送信待ちに保存し、回線が戻ったとき (本ツールの起動時、または表示中) に送ります。送信待ちのレポートは送信前に取りやめられます。送信済みのレポートは受付番号で取り下げられます (「kiriwake send --withdraw 受付番号」)。取り下げに必要な秘密の値はお客さまの端末にのみ保存します。ライセンスの確認は端末内で行い、そのために情報を送信することはありません。同意は「kiriwake terms revoke」でいつでも取り消せます。取り消しても保存済みや送信済みのレポートは削除されないため、不要であれば保存済みのものはお客さまが削除し、送信済みのものは上記の方法で取り下げてください。

5. 提供者からのお知らせの取得
提供者が提供している場合、本ツールは起動時に提供者のサーバーから、提供者が署名したお知らせ (最新のバージョン、現在の規約の版、お知らせ、停止されたライセンスの一覧) を取得します。この通信では、お客さま、端末、レポートに関する情報は一切送りません。送られるのは、あらゆる通信に伴う情報 (お客さまの IP アドレスと時刻) と、本ツールの名前とバージョンだけです。ライセンスが停止されているかどうかは端末内で確認します。提供者がお客さまのライセンスを停止している場合、本ツールは測定を行いません。サーバーにつながらない場合、本ツールはそのまま動作します。

6. 通信
測定のため、本ツールは設定された宛先 (公開 DNS サーバー、Web サイト、提供者のサーバーなど) と通信します。従量制の回線では通信量が発生します。

7. 無保証
本ツールは現状有姿で提供され、診断結果の正確性、特定目的への適合性を含め、いかなる保証もしません。本ツールの利用により生じた損害について、提供者は法令で認められる範囲で責任を負いません。

8. 本ツールと規約の変更
提供者は本ツールを変更し、または提供を終了することがあり、本規約を変更することがあります。新しいバージョンや規約の変更は本ツールの中でお知らせします。変更後の規約には、次回の測定の前に改めて同意をお願いします。`;

const TERMS_EN = `kiriwake terms of use (version 1.1, effective 3 December 2026)

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

4. Your reports, and sending them
Reports stay on your device and reach the provider only if you send them. Each time you send a report, the Tool shows what leaves your device (the report exactly as saved: only the categories you consented to, with identifiers masked if you did not consent to them) and where it goes, and asks for your consent; without it nothing is sent. With the report go the ticket number you enter, if any, and, if a licence file is installed, that file, so the provider knows your contract. The provider answers with a receipt code. If the line is down, the report waits on your device and is sent when the line is back (when the Tool starts, or while it is open); you can cancel it while it waits. You can withdraw a sent report with its receipt code ("kiriwake send --withdraw RECEIPT"); the secret needed for that is kept on your device only. The licence is checked on your device and nothing is sent for it. You can withdraw your consent at any time with "kiriwake terms revoke". Withdrawing does not delete reports already saved or sent; delete saved reports yourself if you no longer need them, and withdraw sent ones as above.

5. Status information from the provider
Where the provider offers it, the Tool fetches a status document signed by the provider from the provider's server when it starts (the latest version, the current terms version, notices, and suspended licences). This request sends nothing about you, your device or your reports: only what any connection carries (your IP address and the time) and the Tool's name and version. Whether your licence is suspended is checked on your device. If the provider has suspended your licence, the Tool does not measure. If the server cannot be reached, the Tool works as before.

6. Network traffic
To measure, the Tool communicates with the configured targets (public DNS servers, web sites, the provider's servers). On metered connections this uses data.

7. No warranty
The Tool is provided as is, without warranty of any kind, including the accuracy of its diagnosis and fitness for a particular purpose. To the extent the law allows, the provider is not liable for any damage arising from its use.

8. Changes to the Tool and to these terms
The provider may change the Tool or stop providing it, and may change these terms. New versions and changes to the terms are announced in the Tool. You will be asked to accept new terms before your next measurement.`;

const input: BrandInput = {
  id: "kiriwake",
  product: "kiriwake",
  provider: "kiriwake project",
  support: {
    ja: "ご契約のプロバイダーのサポート窓口にレポートを送ってください。",
    en: "Send the report to your provider's support desk.",
  },
  terms: {
    version: "1.1",
    effectiveDate: "2026-12-03",
    text: { ja: TERMS_JA, en: TERMS_EN },
    // `kiriwake terms show --json` prints these; a text that does not match is refused.
    sha256: {
      ja: "70edabb13d69f67a0b6eab45e1dace96ed62cba5e43a0c513bb5b292f5c57e9e",
      en: "42192c196dd09204d4cdf6bbfeed46152ee117d805487418336b5bd87276034f",
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
    ping: { anchors: DEFAULT_ANCHORS, gateways: true },
    trace: { targets: DEFAULT_PATH_TARGETS },
    mtu: { targets: DEFAULT_PATH_TARGETS },
  },
};

/** The brand this build ships with. */
export const BRAND: Brand = loadBrand(input);
