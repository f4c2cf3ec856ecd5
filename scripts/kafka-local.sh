#!/usr/bin/env bash
# kafka-local.sh — run a REAL single-node Apache Kafka broker (KRaft, combined
# broker+controller) for local development, from Maven Central jars. No Docker.
#
# Usage: scripts/kafka-local.sh <command>
#   start            fetch jars if needed, format storage once, start the broker in
#                    the background and wait until it answers (idempotent)
#   stop             stop the broker (SIGTERM, then SIGKILL after KAFKA_STOP_TIMEOUT s)
#   restart          stop + start
#   status           print running/stopped; exit 0 when running, 3 when stopped
#   reset            stop and wipe the data dir (topics, offsets, cluster id); keeps jars
#   fetch            download the jars (mvn dependency:copy-dependencies) into the cache
#   tools-classpath  print "<lib>/*" (fetching first if needed), for e.g.
#                      java -cp "$(scripts/kafka-local.sh tools-classpath)" \
#                        org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \
#                        --bootstrap-server 127.0.0.1:9092 --list
#   logs             tail -f the broker log
#
# Environment:
#   KAFKA_LOCAL_HOME       cache/state dir            (default: <repo>/.kafka-local)
#   KAFKA_PORT             PLAINTEXT port             (default: 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port      (default: 9093)
#   KAFKA_START_TIMEOUT    seconds to wait for ready  (default: 60)
#   KAFKA_STOP_TIMEOUT     seconds before SIGKILL     (default: 30)
#   KAFKA_HEAP_OPTS        JVM heap                   (default: -Xmx512m -Xms512m)
#   KAFKA_JVM_OPTS         extra JVM options for the broker (default: empty)
#   KAFKA_VERSION          override the version pinned in deploy/local/pom.xml (testing only)
#   JAVA_HOME              JDK to use (java 17+); otherwise `java` from PATH
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
REPO="$(cd -- "$SCRIPT_DIR/.." && pwd -P)"
POM="$REPO/deploy/local/pom.xml"

KAFKA_LOCAL_HOME="${KAFKA_LOCAL_HOME:-$REPO/.kafka-local}"
case "$KAFKA_LOCAL_HOME" in /*) ;; *) KAFKA_LOCAL_HOME="$PWD/$KAFKA_LOCAL_HOME" ;; esac
KAFKA_HOST=127.0.0.1
KAFKA_PORT_EXPLICIT="${KAFKA_PORT:+1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m -Xms512m}"
KAFKA_JVM_OPTS="${KAFKA_JVM_OPTS:-}"

log() { printf '[kafka-local] %s\n' "$*" >&2; }
die() { printf '[kafka-local] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- version/paths
pom_kafka_version() {
  [[ -f "$POM" ]] || die "missing $POM"
  local v
  v="$(sed -n 's:.*<kafka\.version>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</kafka\.version>.*:\1:p' "$POM" | head -n1)"
  [[ -n "$v" ]] || die "could not read <kafka.version> from $POM"
  printf '%s' "$v"
}

VERSION="${KAFKA_VERSION:-$(pom_kafka_version)}"
use_version() { # sets the per-version paths (jar cache keyed by version)
  VERSION="$1"
  DIST_DIR="$KAFKA_LOCAL_HOME/kafka-$VERSION"
  LIB_DIR="$DIST_DIR/lib"
  LIB_MARKER="$LIB_DIR/.kafka-local-complete"
  TOOLS_DIR="$DIST_DIR/tools"
}
use_version "$VERSION"
WANTED_VERSION="$VERSION"
CONF_DIR="$KAFKA_LOCAL_HOME/config"
DATA_DIR="$KAFKA_LOCAL_HOME/data"
LOG_DIRS="$DATA_DIR/kraft-combined-logs"
LOGS_DIR="$KAFKA_LOCAL_HOME/logs"
SERVER_LOG="$LOGS_DIR/server.log"
STDOUT_LOG="$LOGS_DIR/kafka.out"
PID_FILE="$KAFKA_LOCAL_HOME/kafka.pid"
SERVER_PROPS="$CONF_DIR/server.properties"
LOG4J_CONF="$CONF_DIR/log4j2.xml"
CLUSTER_ID_FILE="$DATA_DIR/cluster-id"
DATA_VERSION_FILE="$DATA_DIR/formatted-by-kafka-version"

# ---------------------------------------------------------------- prerequisites
JAVA_BIN=""
find_java() {
  [[ -n "$JAVA_BIN" ]] && return 0
  if [[ -n "${JAVA_HOME:-}" ]]; then
    [[ -x "$JAVA_HOME/bin/java" ]] || die "JAVA_HOME=$JAVA_HOME but $JAVA_HOME/bin/java is not executable"
    JAVA_BIN="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA_BIN="$(command -v java)"
  else
    die "java not found: install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"
  fi
  local line major
  line="$("$JAVA_BIN" -version 2>&1 | head -n1 || true)"
  major="$(sed -n 's/.*version "\([0-9]*\).*/\1/p' <<<"$line")"
  if [[ "$major" == 1 ]]; then major=8; fi
  if [[ -z "$major" || "$major" -lt 17 ]]; then
    die "Kafka $VERSION needs Java 17+, but $JAVA_BIN reports: ${line:-nothing}"
  fi
}

need_mvn() {
  command -v mvn >/dev/null 2>&1 || die "mvn not found: install Apache Maven 3.6+ (e.g. apt-get install maven); it downloads the Kafka jars from Maven Central"
}

# ---------------------------------------------------------------- fetch
lib_complete() { [[ -f "$LIB_MARKER" ]]; }

cmd_fetch() {
  if lib_complete; then
    log "Apache Kafka $VERSION jars already in $LIB_DIR"
    return 0
  fi
  need_mvn
  find_java
  mkdir -p "$DIST_DIR"
  local tmp="$DIST_DIR/lib.tmp.$$" mvn_log="$DIST_DIR/fetch.log"
  rm -rf "$tmp"
  log "fetching Apache Kafka $VERSION jars from Maven Central (first run only)…"
  local t0=$SECONDS
  local -a mvn_args=(-q -B -Dstyle.color=never -f "$POM"
    dependency:copy-dependencies "-DoutputDirectory=$tmp")
  if [[ -n "${KAFKA_VERSION:-}" ]]; then mvn_args+=("-Dkafka.version=$VERSION"); fi
  if ! mvn "${mvn_args[@]}" >"$mvn_log" 2>&1; then
    rm -rf "$tmp"
    tail -n 40 "$mvn_log" >&2 || true
    die "mvn dependency:copy-dependencies failed (full output: $mvn_log)"
  fi
  local n
  n="$(find "$tmp" -maxdepth 1 -name '*.jar' | wc -l)"
  [[ -f "$tmp/kafka_2.13-$VERSION.jar" && -f "$tmp/kafka-tools-$VERSION.jar" ]] \
    || { rm -rf "$tmp"; die "copied jars do not contain kafka_2.13-$VERSION.jar / kafka-tools-$VERSION.jar (see $mvn_log)"; }
  printf 'version=%s\njars=%s\nfetched=%s\n' "$VERSION" "$n" "$(date -u +%FT%TZ)" >"$tmp/.kafka-local-complete"
  rm -rf "$LIB_DIR"
  mv "$tmp" "$LIB_DIR"
  log "fetched $n jars into $LIB_DIR in $((SECONDS - t0))s"
}

# ---------------------------------------------------------------- helpers
tcp_open() { # host port -> 0 when something accepts TCP connections
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

read_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  [[ -n "$pid" ]] || return 1
  printf '%s' "$pid"
}

# Is PID alive AND our broker (kafka.Kafka with our server.properties)? Guards against pid reuse.
is_our_broker() {
  local pid="$1"
  [[ -r "/proc/$pid/cmdline" ]] || { kill -0 "$pid" 2>/dev/null || return 1; return 0; }
  local cmd
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmd" == *kafka.Kafka* && "$cmd" == *"$SERVER_PROPS"* ]]
}

# Port of the broker described by the generated server.properties (i.e. the one that is
# running), falling back to KAFKA_PORT. status/stop/probe use it so they talk to the right broker
# even when called without the same environment as `start`.
running_port() {
  local p=""
  [[ -f "$SERVER_PROPS" ]] && p="$(sed -n 's|^advertised\.listeners=PLAINTEXT://[^:]*:\([0-9]*\).*|\1|p' "$SERVER_PROPS" | head -n1)"
  printf '%s' "${p:-$KAFKA_PORT}"
}

# Switch the per-version paths to the version the running broker was started with
# (its classpath is <home>/kafka-<version>/lib/*), so probes use jars that exist.
adopt_running_version() {
  local pid="$1" cmd v
  [[ -r "/proc/$pid/cmdline" ]] || return 0
  cmd="$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  v="$(sed -n 's|^.*/kafka-\([^/]*\)/lib/\*$|\1|p' <<<"$cmd" | head -n1)"
  if [[ -n "$v" && "$v" != "$VERSION" && -f "$KAFKA_LOCAL_HOME/kafka-$v/lib/.kafka-local-complete" ]]; then
    use_version "$v"
  fi
}

running_pid() { # prints pid of our running broker, else returns 1 (and cleans a stale pid file)
  local pid
  pid="$(read_pid)" || return 1
  if is_our_broker "$pid"; then printf '%s' "$pid"; return 0; fi
  rm -f "$PID_FILE"
  return 1
}

# Tiny AdminClient probe, compiled once per version (falls back to the java source launcher).
PROBE_SRC_BODY='
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;

public class KafkaLocalProbe {
  public static void main(String[] args) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    int ms = Integer.parseInt(args.length > 1 ? args[1] : "5000");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    try (Admin admin = Admin.create(p)) {
      DescribeClusterResult r = admin.describeCluster();
      String id = r.clusterId().get(ms, TimeUnit.MILLISECONDS);
      int nodes = r.nodes().get(ms, TimeUnit.MILLISECONDS).size();
      if (nodes < 1) { System.err.println("no brokers yet"); System.exit(2); }
      r.controller().get(ms, TimeUnit.MILLISECONDS);
      System.out.println("clusterId=" + id + " brokers=" + nodes);
    } catch (Exception e) {
      System.err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(1);
    }
  }
}
'

ensure_probe() {
  [[ -f "$TOOLS_DIR/KafkaLocalProbe.java" ]] || { mkdir -p "$TOOLS_DIR"; printf '%s' "$PROBE_SRC_BODY" >"$TOOLS_DIR/KafkaLocalProbe.java"; }
  if [[ ! -f "$TOOLS_DIR/KafkaLocalProbe.class" ]]; then
    local javac="${JAVA_BIN%/java}/javac"
    if [[ -x "$javac" ]]; then
      "$javac" -nowarn --release 17 -d "$TOOLS_DIR" -cp "$LIB_DIR/*" "$TOOLS_DIR/KafkaLocalProbe.java" >/dev/null 2>&1 || true
    fi
  fi
}

# admin_probe port [timeout_ms] -> 0 when AdminClient.describeCluster() succeeds
admin_probe() {
  local port="$1" ms="${2:-5000}"
  ensure_probe
  local -a jopts=(-Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
    "-Dlog4j2.configurationFile=$CONF_DIR/log4j2-tools.xml")
  if [[ -f "$TOOLS_DIR/KafkaLocalProbe.class" ]]; then
    "$JAVA_BIN" "${jopts[@]}" -cp "$TOOLS_DIR:$LIB_DIR/*" KafkaLocalProbe "$KAFKA_HOST:$port" "$ms"
  else
    "$JAVA_BIN" "${jopts[@]}" -cp "$LIB_DIR/*" "$TOOLS_DIR/KafkaLocalProbe.java" "$KAFKA_HOST:$port" "$ms"
  fi
}

# Byte sizes of the log files when this start began, so a failure shows only this run's lines.
SERVER_LOG_OFFSET=0
STDOUT_LOG_OFFSET=0
file_size() { if [[ -f "$1" ]]; then wc -c <"$1" | tr -d ' '; else echo 0; fi; }

dump_logs() {
  local f off size shown=0
  for f in "$SERVER_LOG" "$STDOUT_LOG"; do
    if [[ "$f" == "$SERVER_LOG" ]]; then off=$SERVER_LOG_OFFSET; else off=$STDOUT_LOG_OFFSET; fi
    size="$(file_size "$f")"
    ((size < off)) && off=0 # rolled over meanwhile
    if ((size > off)); then
      log "last 40 lines of $f (this start):"
      tail -c +"$((off + 1))" "$f" | tail -n 40 >&2 || true
      shown=1
    fi
  done
  ((shown)) || log "no log output from this start (see $SERVER_LOG and $STDOUT_LOG)"
}

# ---------------------------------------------------------------- config
write_configs() {
  mkdir -p "$CONF_DIR" "$LOG_DIRS" "$LOGS_DIR"
  cat >"$SERVER_PROPS" <<EOF
# Generated by scripts/kafka-local.sh — edits are overwritten on every start.
# Single combined KRaft node (broker + controller) for local development.
process.roles=broker,controller
node.id=1
# Dynamic KRaft quorum (KIP-853), formatted with 'kafka-storage format --standalone'.
controller.quorum.bootstrap.servers=$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT

log.dirs=$LOG_DIRS
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=false
delete.topic.enable=true

# Internal topics: one replica is all a single node has.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1

# Consumer groups: no 3 s wait before the first rebalance of an empty group.
group.initial.rebalance.delay.ms=0

# Keep the dev disk usage bounded.
log.retention.hours=168
log.segment.bytes=104857600
log.retention.check.interval.ms=300000
num.recovery.threads.per.data.dir=1
EOF

  cat >"$LOG4J_CONF" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by scripts/kafka-local.sh: broker logs to $SERVER_LOG only. -->
<Configuration status="WARN">
  <Appenders>
    <RollingFile name="server" fileName="$SERVER_LOG" filePattern="$LOGS_DIR/server.log.%i">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
      <Policies><SizeBasedTriggeringPolicy size="20 MB"/></Policies>
      <DefaultRolloverStrategy max="3"/>
    </RollingFile>
  </Appenders>
  <Loggers>
    <Root level="INFO"><AppenderRef ref="server"/></Root>
    <Logger name="kafka.request.logger" level="WARN"/>
    <Logger name="kafka.network.RequestChannel\$" level="WARN"/>
    <Logger name="state.change.logger" level="WARN"/>
    <Logger name="kafka.log.LogCleaner" level="WARN"/>
    <Logger name="org.apache.kafka.storage.internals.log.LogCleaner" level="WARN"/>
    <Logger name="kafka.authorizer.logger" level="WARN"/>
    <Logger name="org.apache.kafka.clients.NetworkClient" level="WARN"/>
  </Loggers>
</Configuration>
EOF

  # Quiet config for the probe/CLI tools (warnings to stderr only).
  cat >"$CONF_DIR/log4j2-tools.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN">
  <Appenders><Console name="stderr" target="SYSTEM_ERR"><PatternLayout pattern="[%d] %p %m (%c)%n"/></Console></Appenders>
  <Loggers><Root level="ERROR"><AppenderRef ref="stderr"/></Root></Loggers>
</Configuration>
EOF
}

format_storage_if_needed() {
  if [[ -f "$LOG_DIRS/meta.properties" ]]; then
    if [[ -f "$DATA_VERSION_FILE" && "$(cat "$DATA_VERSION_FILE")" != "$VERSION" ]]; then
      log "note: data dir was formatted by Kafka $(cat "$DATA_VERSION_FILE"), now running $VERSION" \
          "(downgrades are not supported; run '$0 reset' if the broker refuses to start)"
    fi
    return 0
  fi
  local cid
  if [[ -s "$CLUSTER_ID_FILE" ]]; then
    cid="$(cat "$CLUSTER_ID_FILE")"
  else
    cid="$("$JAVA_BIN" -cp "$LIB_DIR/*" "-Dlog4j2.configurationFile=$CONF_DIR/log4j2-tools.xml" \
            kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1 | tr -d '[:space:]')"
    [[ "$cid" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "kafka-storage random-uuid returned '$cid'"
    printf '%s\n' "$cid" >"$CLUSTER_ID_FILE"
  fi
  log "formatting KRaft storage in $LOG_DIRS (cluster id $cid)"
  local out
  if ! out="$("$JAVA_BIN" -cp "$LIB_DIR/*" "-Dlog4j2.configurationFile=$CONF_DIR/log4j2-tools.xml" \
        kafka.tools.StorageTool format --standalone --ignore-formatted \
        -t "$cid" -c "$SERVER_PROPS" 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "kafka-storage format failed"
  fi
  printf '%s\n' "$VERSION" >"$DATA_VERSION_FILE"
}

# ---------------------------------------------------------------- commands
cmd_start() {
  find_java
  local pid port="$KAFKA_PORT"
  if pid="$(running_pid)"; then
    port="$(running_port)"
    adopt_running_version "$pid"
    if [[ -n "$KAFKA_PORT_EXPLICIT" && "$port" != "$KAFKA_PORT" ]]; then
      die "the broker of $KAFKA_LOCAL_HOME is already running on port $port (pid $pid), not on the requested $KAFKA_PORT; '$0 stop' it first"
    fi
    if [[ "$VERSION" != "$WANTED_VERSION" ]]; then
      log "note: the running broker is Kafka $VERSION but $WANTED_VERSION is pinned; '$0 restart' to switch"
    fi
    if tcp_open "$KAFKA_HOST" "$port" && admin_probe "$port" 10000 >/dev/null 2>&1; then
      echo "[kafka-local] already running and answering on $KAFKA_HOST:$port (Kafka $VERSION, pid $pid)"
      return 0
    fi
    log "broker process $pid exists but is not answering yet; waiting for it"
  else
    local p
    for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
      if tcp_open "$KAFKA_HOST" "$p"; then
        local who=""
        command -v ss >/dev/null 2>&1 && who="$(ss -ltnpH "sport = :$p" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -n1 || true)"
        die "port $KAFKA_HOST:$p is already in use by another process${who:+ ($who)}; stop it or set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
      fi
    done

    cmd_fetch
    write_configs
    format_storage_if_needed

    log "starting Apache Kafka $VERSION (KRaft broker+controller) on $KAFKA_HOST:$KAFKA_PORT; logs: $SERVER_LOG"
    local -a heap=() extra=() jvm=()
    read -r -a heap <<<"$KAFKA_HEAP_OPTS"
    read -r -a extra <<<"$KAFKA_JVM_OPTS"
    jvm=("${heap[@]}" -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20
      -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent
      -Djava.awt.headless=true "-Dkafka.logs.dir=$LOGS_DIR"
      "-Dlog4j2.configurationFile=$LOG4J_CONF" ${extra[@]+"${extra[@]}"})
    rm -f "$PID_FILE"
    SERVER_LOG_OFFSET="$(file_size "$SERVER_LOG")"
    STDOUT_LOG_OFFSET="$(file_size "$STDOUT_LOG")"
    printf '\n===== %s start Kafka %s =====\n' "$(date -u +%FT%TZ)" "$VERSION" >>"$STDOUT_LOG"
    # New session (setsid) so the broker survives the calling shell/terminal; the inner
    # shell writes its own pid and execs java, so the pid file holds the JVM's pid.
    local launcher=(nohup)
    command -v setsid >/dev/null 2>&1 && launcher=(setsid nohup)
    # shellcheck disable=SC2016 # $$/$0/$@ are expanded by the inner bash on purpose
    "${launcher[@]}" bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
      "$JAVA_BIN" "${jvm[@]}" -cp "$LIB_DIR/*" kafka.Kafka "$SERVER_PROPS" \
      >>"$STDOUT_LOG" 2>&1 </dev/null &
    local _
    for _ in $(seq 1 50); do [[ -s "$PID_FILE" ]] && break; sleep 0.1; done
    pid="$(read_pid)" || die "broker did not write its pid file $PID_FILE"
  fi

  local deadline=$((SECONDS + KAFKA_START_TIMEOUT)) t0=$SECONDS
  while :; do
    if ! is_our_broker "$pid"; then
      rm -f "$PID_FILE"
      dump_logs
      die "broker process $pid exited during startup"
    fi
    if tcp_open "$KAFKA_HOST" "$port" && admin_probe "$port" 5000 >/dev/null 2>&1; then
      break
    fi
    if ((SECONDS >= deadline)); then
      dump_logs
      die "broker (pid $pid) did not answer on $KAFKA_HOST:$port within ${KAFKA_START_TIMEOUT}s; it is left running: '$0 stop' to stop it"
    fi
    sleep 0.5
  done
  echo "[kafka-local] broker ready on $KAFKA_HOST:$port (Kafka $VERSION, pid $pid) after $((SECONDS - t0))s"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  log "stopping Kafka (pid $pid)…"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "still alive after ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    find_java
    local port
    port="$(running_port)"
    adopt_running_version "$pid"
    if tcp_open "$KAFKA_HOST" "$port" && admin_probe "$port" 5000 >/dev/null 2>&1; then
      echo "running: Kafka $VERSION, pid $pid, $KAFKA_HOST:$port (answering)"
    else
      echo "running: Kafka $VERSION, pid $pid, but not (yet) answering on $KAFKA_HOST:$port — see $SERVER_LOG"
    fi
    return 0
  fi
  echo "stopped"
  return 3
}

cmd_reset() {
  cmd_stop
  if [[ -d "$DATA_DIR" ]]; then
    log "wiping data dir $DATA_DIR (jar cache kept)"
    rm -rf "$DATA_DIR"
  fi
  log "reset done; next start formats fresh storage"
}

cmd_tools_classpath() {
  if ! lib_complete; then cmd_fetch; fi
  printf '%s\n' "$LIB_DIR/*"
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
}

main() {
  local cmd="${1:-}"
  case "$cmd" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop; cmd_start ;;
    status) cmd_status ;;
    reset) cmd_reset ;;
    fetch) cmd_fetch ;;
    tools-classpath|classpath) cmd_tools_classpath ;;
    logs) exec tail -n 100 -F "$SERVER_LOG" ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
