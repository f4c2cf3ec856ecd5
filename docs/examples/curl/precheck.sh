#!/usr/bin/env bash
# Pre-check API (docs/contract.md#pre-check-api): a waiting consignment's identifiers against
# other agencies' cases; CLEAR or HIT with whom to call, never the other agency's report.
#   PUBLISHER_KEY=bik_... bash docs/examples/curl/precheck.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PUBLISHER_KEY:?set PUBLISHER_KEY to a publisher key}"
CORRELATION_URL=${CORRELATION_URL:-http://127.0.0.1:3001}

# checkId is the checker's own id: a retry with the same id gets the first answer.
CHECK_ID=${CHECK_ID:-$(node -p 'crypto.randomUUID()')}
sed "s/c3b9e1a4-5d2f-4e7a-9b6c-1f0e2d3c4b5a/$CHECK_ID/" data/precheck.json |
  curl -sS -H "authorization: Bearer $PUBLISHER_KEY" -H 'content-type: application/json' \
    --data-binary @- "$CORRELATION_URL/v1/prechecks"
echo
