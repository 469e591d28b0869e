#!/bin/sh
# Example command plugin: is the provider's speed-test server up and quick to answer?
#
# kiriwake writes a JSON context on stdin (see CommandPluginInput in plugins/api.ts) and
# reads one JSON result from stdout. This script takes config.url from that context, times
# one request with curl, and prints the result. It gets a clean environment: nothing but
# the variables its manifest entry lists in "env".
set -u

input=$(cat)
url=$(printf '%s' "$input" | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')
slow_ms=$(printf '%s' "$input" | sed -n 's/.*"slowMs":\([0-9]*\).*/\1/p')
: "${slow_ms:=500}"

if [ -z "$url" ]; then
  echo "config.url is missing" >&2
  exit 2
fi

# "%{http_code} %{time_total}" → e.g. "200 0.012345"; curl exits non-zero when nothing answers.
if out=$(curl --silent --output /dev/null --max-time 5 --write-out '%{http_code} %{time_total}' "$url" 2>&1); then
  code=${out% *}
  ms=$(awk -v t="${out#* }" 'BEGIN { printf "%d", t * 1000 }')
  if [ "$code" -ge 200 ] && [ "$code" -lt 400 ]; then
    status=ok
    [ "$ms" -gt "$slow_ms" ] && status=warn
    printf '{"status":"%s","summary":{"ja":"速度測定サーバーは応答しています (%s ms)","en":"The speed-test server answers (%s ms)"},"data":{"url":"%s","httpStatus":%s,"ms":%s}}\n' \
      "$status" "$ms" "$ms" "$url" "$code" "$ms"
  else
    printf '{"status":"fail","summary":{"ja":"速度測定サーバーがエラーを返しています (%s)","en":"The speed-test server answers with an error (%s)"},"data":{"url":"%s","httpStatus":%s,"ms":%s}}\n' \
      "$code" "$code" "$url" "$code" "$ms"
  fi
else
  printf '{"status":"fail","summary":{"ja":"速度測定サーバーに接続できません","en":"The speed-test server cannot be reached"},"data":{"url":"%s","error":"curl exit %s"}}\n' \
    "$url" "$?"
fi
