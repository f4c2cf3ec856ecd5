#!/bin/sh
# Creates the system's topics with replication factor 3 and min.insync.replicas=2 before any
# service starts (docker-compose.yml runs it once as `kafka-init`; an operator can run it
# against any cluster from a host with the Kafka tools). The services' own boot-time topic
# creation then finds every topic present and only checks partition counts.
#
# The list mirrors allTopicSpecs() of libs/contracts/src/topics/topics.ts (each topic with its
# `.dlq` of 1 partition where it has one, and the settings of TopicConfigs as a third column);
# scripts/validate-deploy.sh fails when the two drift apart.
#
# Retention (docs/operating.md#topics-retention-and-replication): event topics keep RETENTION_MS
# (default 14 days: longer than the daily backup interval, so a restore can re-apply from Kafka),
# DLQs keep DLQ_RETENTION_MS (default 30 days: time to read, fix and replay), the compacted
# checkpoint topic keeps the newest record per key for good. Retention is set on existing topics
# too, so running the script again after changing it applies it.
#
#   BOOTSTRAP=broker:9092 REPLICATION_FACTOR=3 MIN_INSYNC_REPLICAS=2 sh create-topics.sh
#   RETENTION_MS=1209600000 DLQ_RETENTION_MS=2592000000
#   COMMAND_CONFIG=/path/admin.properties   (TLS/SASL client settings of an admin principal)
#   KAFKA_TOPIC_PREFIX=staging.   (the services' prefix, docs/operating.md#topics-per-environment)
set -eu

KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
BOOTSTRAP="${BOOTSTRAP:-kafka-1:9092,kafka-2:9092,kafka-3:9092}"
RF="${REPLICATION_FACTOR:-3}"
MIN_ISR="${MIN_INSYNC_REPLICAS:-2}"
RETENTION_MS="${RETENTION_MS:-1209600000}"
DLQ_RETENTION_MS="${DLQ_RETENTION_MS:-2592000000}"
PREFIX="${KAFKA_TOPIC_PREFIX:-}"
case "$PREFIX" in *[!A-Za-z0-9._-]*) echo "KAFKA_TOPIC_PREFIX may hold only A-Z a-z 0-9 . _ -" >&2; exit 2 ;; esac

# topic partitions [settings,comma-separated]
TOPICS='
intel.seizure.reported.v1 6
intel.seizure.reported.v1.dlq 1
intel.route.reported.v1 3
intel.route.reported.v1.dlq 1
intel.case.linked.v1 6
intel.case.linked.v1.dlq 1
intel.alert.issued.v1 3
intel.alert.issued.v1.dlq 1
intel.precheck.hit.v1 3
intel.precheck.hit.v1.dlq 1
intel.ledger.checkpoint.v1 1 cleanup.policy=compact,segment.ms=3600000
'

set -- --bootstrap-server "$BOOTSTRAP"
if [ -n "${COMMAND_CONFIG:-}" ]; then set -- "$@" --command-config "$COMMAND_CONFIG"; fi

existing="$("$KAFKA_BIN/kafka-topics.sh" "$@" --list)"
echo "$TOPICS" | while read -r name partitions settings; do
  [ -n "$name" ] || continue
  topic="$PREFIX$name"
  case "$settings" in
    *cleanup.policy=compact*) retention="" ;;
    *) case "$topic" in *.dlq) retention="$DLQ_RETENTION_MS" ;; *) retention="$RETENTION_MS" ;; esac ;;
  esac
  if printf '%s\n' "$existing" | grep -qxF "$topic"; then
    if [ -n "$retention" ]; then
      "$KAFKA_BIN/kafka-configs.sh" "$@" --alter --entity-type topics --entity-name "$topic" \
        --add-config "retention.ms=$retention" > /dev/null
      echo "exists:  $topic (retention.ms=$retention)"
    else
      echo "exists:  $topic"
    fi
    continue
  fi
  extra=""
  for setting in $(printf '%s' "${settings:-}" | tr ',' ' '); do extra="$extra --config $setting"; done
  if [ -n "$retention" ]; then extra="$extra --config retention.ms=$retention"; fi
  # shellcheck disable=SC2086
  "$KAFKA_BIN/kafka-topics.sh" "$@" --create --if-not-exists --topic "$topic" \
    --partitions "$partitions" --replication-factor "$RF" --config "min.insync.replicas=$MIN_ISR" $extra
  echo "created: $topic ($partitions partitions, replication factor $RF, min.insync.replicas $MIN_ISR${retention:+, retention.ms $retention}${settings:+, $settings})"
done
