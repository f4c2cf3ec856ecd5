#!/usr/bin/env bash
# Ops monitor API (docs/contract.md#ops-monitor-api) and webhook deliveries
# (docs/contract.md#deliveries), operator key.
#   OPERATOR_KEY=bik_... bash docs/examples/curl/ops.sh
set -euo pipefail
: "${OPERATOR_KEY:?set OPERATOR_KEY to an operator key}"
OPS_URL=${OPS_URL:-http://127.0.0.1:3003}
NOTIFICATION_URL=${NOTIFICATION_URL:-http://127.0.0.1:3002}
auth=(-H "authorization: Bearer $OPERATOR_KEY")
get() { curl -sS "${auth[@]}" "$1"; echo; }

get "$OPS_URL/v1/topics"
get "$OPS_URL/v1/consumer-groups"
get "$OPS_URL/v1/consumer-groups/correlation"
get "$OPS_URL/v1/consumer-groups/correlation/lag-history?minutes=5"
get "$OPS_URL/v1/dlq?latest=5"
get "$OPS_URL/v1/deliveries?status=failed"
get "$NOTIFICATION_URL/v1/deliveries?status=failed&limit=20"
get "$NOTIFICATION_URL/v1/endpoints"

# Replays change state: opt in.
# REPLAY_DLQ=intel.seizure.reported.v1.dlq: re-produce its records (each at most once).
if [[ -n "${REPLAY_DLQ:-}" ]]; then
  curl -sS "${auth[@]}" -H 'content-type: application/json' --data '{"limit":10}' \
    "$OPS_URL/v1/dlq/$REPLAY_DLQ/replay"
  echo
fi
# REPLAY_DELIVERY=<deliveryId>: attempt a failed webhook delivery again (202).
if [[ -n "${REPLAY_DELIVERY:-}" ]]; then
  curl -sS -X POST "${auth[@]}" "$OPS_URL/v1/deliveries/$REPLAY_DELIVERY/replay"
  echo
fi
