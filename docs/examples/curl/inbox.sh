#!/usr/bin/env bash
# Alerts inbox (docs/contract.md#alerts-inbox), liaison key of the agency.
#   LIAISON_KEY=bik_... [ACK_ID=<alertId>] bash docs/examples/curl/inbox.sh
set -euo pipefail
: "${LIAISON_KEY:?set LIAISON_KEY to a liaison key}"
NOTIFICATION_URL=${NOTIFICATION_URL:-http://127.0.0.1:3002}
auth=(-H "authorization: Bearer $LIAISON_KEY")

# New HIGH alerts, newest first; follow nextCursor with &cursor=….
curl -sS "${auth[@]}" "$NOTIFICATION_URL/v1/alerts?status=new&severity=HIGH&limit=20"
echo

if [[ -n "${ACK_ID:-}" ]]; then
  curl -sS "${auth[@]}" "$NOTIFICATION_URL/v1/alerts/$ACK_ID"
  echo
  # Acknowledge (records the key, the time and the note); acknowledging again changes nothing.
  curl -sS "${auth[@]}" -H 'content-type: application/json' \
    --data '{"note":"Called the counterpart liaison office; joint follow-up agreed."}' \
    "$NOTIFICATION_URL/v1/alerts/$ACK_ID/ack"
  echo
fi
