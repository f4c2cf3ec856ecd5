#!/usr/bin/env bash
# The live alert stream (docs/contract.md#alert-stream) with curl -N (no buffering): one
# `event: alert` per alert, `id:` its sequence, `data:` the inbox item; a comment every 15 s.
# LAST_EVENT_ID=0 replays every alert first; without it the stream starts now.
# docs/examples/alert-stream.js does the same with reconnection.
#   LIAISON_KEY=bik_... [LAST_EVENT_ID=0] bash docs/examples/curl/alert-stream.sh
set -euo pipefail
: "${LIAISON_KEY:?set LIAISON_KEY to a liaison key}"
NOTIFICATION_URL=${NOTIFICATION_URL:-http://127.0.0.1:3002}
resume=()
[[ -n "${LAST_EVENT_ID:-}" ]] && resume=(-H "Last-Event-ID: $LAST_EVENT_ID")
exec curl -sS -N -H "authorization: Bearer $LIAISON_KEY" -H 'accept: text/event-stream' "${resume[@]}" \
  "$NOTIFICATION_URL/v1/alerts/stream"
