#!/usr/bin/env bash
# Case API (docs/contract.md#case-api): the cross-border cases the key's agency may see.
#   KEY=bik_... [EVENT_ID=<a report's eventId>] bash docs/examples/curl/cases.sh
set -euo pipefail
: "${KEY:?set KEY to a publisher, liaison or operator key}"
CORRELATION_URL=${CORRELATION_URL:-http://127.0.0.1:3001}
auth=(-H "authorization: Bearer $KEY")

# Newest update first; follow nextCursor with &cursor=… for the next page.
curl -sS "${auth[@]}" "$CORRELATION_URL/v1/cases?crossBorder=true&limit=10"
echo

if [[ -n "${EVENT_ID:-}" ]]; then
  # The case holding a report (or { linked: false } for the caller's own unlinked report).
  curl -sS "${auth[@]}" "$CORRELATION_URL/v1/cases/by-event/$EVENT_ID"
  echo
fi

# One case with its members, links, scores and reasons: the first clusterId of the list.
CLUSTER_ID=${CLUSTER_ID:-$(curl -sS "${auth[@]}" "$CORRELATION_URL/v1/cases?limit=1" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items?.[0]?.clusterId ?? ""))')}
if [[ -n "$CLUSTER_ID" ]]; then
  curl -sS "${auth[@]}" "$CORRELATION_URL/v1/cases/$CLUSTER_ID"
  echo
fi
