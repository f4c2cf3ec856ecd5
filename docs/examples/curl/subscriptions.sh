#!/usr/bin/env bash
# Webhook subscriptions (docs/contract.md#subscriptions), liaison key of the agency.
# Start a receiver first: WEBHOOK_SECRET=… node docs/examples/webhook-receiver.js (it needs the secret
# this answers, so: run this, copy the secret, start the receiver).
#   LIAISON_KEY=bik_... bash docs/examples/curl/subscriptions.sh
set -euo pipefail
: "${LIAISON_KEY:?set LIAISON_KEY to a liaison key}"
NOTIFICATION_URL=${NOTIFICATION_URL:-http://127.0.0.1:3002}
WEBHOOK_URL=${WEBHOOK_URL:-http://127.0.0.1:4000/webhooks}
auth=(-H "authorization: Bearer $LIAISON_KEY")

# 201 with the secret (whsec_…): shown only here. An empty filter takes every alert.
curl -sS "${auth[@]}" -H 'content-type: application/json' \
  --data "{\"url\":\"$WEBHOOK_URL\",\"filter\":{\"categories\":[\"DRUGS\"],\"minScore\":0.5}}" \
  "$NOTIFICATION_URL/v1/subscriptions"
echo

# The agency's subscriptions, without secrets.
curl -sS "${auth[@]}" "$NOTIFICATION_URL/v1/subscriptions"
echo

# DELETE_ID=<id> to delete one (204); its pending deliveries stop.
if [[ -n "${DELETE_ID:-}" ]]; then
  curl -sS -i -X DELETE "${auth[@]}" "$NOTIFICATION_URL/v1/subscriptions/$DELETE_ID"
fi
