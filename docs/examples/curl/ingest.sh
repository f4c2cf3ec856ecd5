#!/usr/bin/env bash
# Ingest API (docs/contract.md#ingest-api): publish a seizure and a route report, a batch, and
# read a report's status. Needs a publisher key of the report's agency
# (npx intelctl keys create --agency PK-ANF --role publisher):
#   PUBLISHER_KEY=bik_... bash docs/examples/curl/ingest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PUBLISHER_KEY:?set PUBLISHER_KEY to a publisher key of PK-ANF}"
INGEST_URL=${INGEST_URL:-http://127.0.0.1:3000}
auth=(-H "authorization: Bearer $PUBLISHER_KEY")
json=(-H 'content-type: application/json')

# A new eventId per report: the same eventId with the same body answers 200 (a repeat), with
# another body 409 idempotency-conflict.
EVENT_ID=${EVENT_ID:-$(node -p 'crypto.randomUUID()')}
sed "s/0b8f5f2e-6f0a-4c1e-9a51-2f1d3c4b5a69/$EVENT_ID/" data/seizure-report.json |
  curl -sS -i "${auth[@]}" "${json[@]}" -H "x-correlation-id: example-$EVENT_ID" \
    --data-binary @- "$INGEST_URL/v1/seizures"
echo

# Its status: accepted (stored) or published (on Kafka).
curl -sS "${auth[@]}" "$INGEST_URL/v1/reports/$EVENT_ID"
echo

# A batch of up to 500 reports: 207 with one result per item (an AF-CNPA route would be 403 for
# a PK-ANF key, so this batch repeats the seizure: its item answers 200, a duplicate).
node -e '
  const fs = require("fs");
  const seizure = JSON.parse(fs.readFileSync("data/seizure-report.json", "utf8"));
  seizure.eventId = process.argv[1];
  console.log(JSON.stringify({ reports: [{ type: "seizure", report: seizure }] }));
' "$EVENT_ID" | curl -sS "${auth[@]}" "${json[@]}" --data-binary @- "$INGEST_URL/v1/reports:batch"
echo

# A route report needs a key of its agency (AF-CNPA): ROUTE_KEY=bik_... to send it too.
if [[ -n "${ROUTE_KEY:-}" ]]; then
  ROUTE_ID=$(node -p 'crypto.randomUUID()')
  sed "s/6a0d7c38-2f4e-4b8e-8d7c-5b1f0e9a3c21/$ROUTE_ID/" data/route-report.json |
    curl -sS -H "authorization: Bearer $ROUTE_KEY" "${json[@]}" --data-binary @- "$INGEST_URL/v1/routes"
  echo
fi

# A bad report: 400 application/problem+json naming every bad field.
curl -sS "${auth[@]}" "${json[@]}" --data '{"agencyId":"PK-ANF"}' "$INGEST_URL/v1/seizures"
echo
