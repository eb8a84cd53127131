#!/usr/bin/env bash
# Start-up benchmark of ./run's later starts: the service as ./run started it before (fast-jar packaging, no JVM
# options: "plain") against ./run's start now (aot-jar packaging, tools/run/jvm-options.sh, its start-up cache
# recorded by one training start: "run"), alternating in one session on the same data folder, after a first start
# that created the data (PostgreSQL, the local node's chain, wallet) and is not counted.
#   ready     first HTTP 200 of the home page, from the JVM's launch
#   health    first HTTP 200 of /q/health/ready (database up, wallet synced with the local node)
#   rss       the JVM's resident memory (VmRSS) once health answered (PostgreSQL and the node are processes of their own)
# Usage: tools/bench/startup.sh [RUNS]   (default 5 of each; SKIP_BUILD=1 reuses target/bench-startup/*-app)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
. ./.mvn/select-jdk.sh
. ./tools/run/jvm-options.sh
runs=${1:-5}
out=$root/target/bench-startup
java="$JAVA_HOME/bin/java"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  rm -rf "$out" && mkdir -p "$out"
  ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=fast-jar
  cp -a target/quarkus-app "$out/plain-app"
  ./mvnw -B -q package -DskipTests
  cp -a target/quarkus-app "$out/run-app"
fi
rm -rf "$out/home" "$out/run-app/app.aot" && mkdir -p "$out/home"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }

# start VARIANT LOG: starts the service in the data folder; sets pid, port, mport, t0.
start() {
  local variant=$1 log=$2 opts=""
  if [ "$variant" = run ]; then pf_jvm_options "$out/run-app"; opts=$PF_JVM_OPTS; fi
  port=$(free_port); mport=$(free_port)
  t0=$(now)
  # shellcheck disable=SC2086
  (cd "$out/home" && exec "$java" $opts -Dquarkus.profile=dev -Dquarkus.http.port="$port" -Dquarkus.management.port="$mport" \
      -Dproxyfund.probe.canary-bind-port=0 -Dproxyfund.local-node.bcoin="$root/tools/bcoin/node_modules/.bin/bcoin" \
      -jar "$out/$variant-app/quarkus-run.jar" >"$log" 2>&1) &
  pid=$!
}

# await URL: seconds from t0 to its first 200 (fails when the service exits first or after 300 s)
await() {
  local url=$1 end=$(( $(date +%s) + 300 ))
  while ! curl -sf -o /dev/null --max-time 5 "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "the service exited; see its log" >&2; exit 1; }
    [ "$(date +%s)" -lt "$end" ] || { echo "$url not ready after 300 s" >&2; exit 1; }
    sleep 0.05
  done
  echo "$(now) - $t0" | bc
}

stop() { kill -TERM "$pid"; wait "$pid" || true; }

measure() {
  local variant=$1 i=$2 ready health rss
  start "$variant" "$out/$variant-$i.log"
  ready=$(await "http://127.0.0.1:$port/")
  health=$(await "http://127.0.0.1:$mport/q/health/ready")
  rss=$(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  stop
  printf '%s %s %.2f %.2f %d\n' "$variant" "$i" "$ready" "$health" "$rss" | tee -a "$out/results.txt"
}

: >"$out/results.txt"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) processors; $("$java" -version 2>&1 | head -1)"
start plain "$out/first.log"; await "http://127.0.0.1:$mport/q/health/ready" >/dev/null; stop
start run "$out/training.log"; await "http://127.0.0.1:$mport/q/health/ready" >/dev/null; stop
[ -f "$out/run-app/app.aot" ] || [ "$(pf_java_major "$JAVA_HOME")" -lt 25 ] || { echo "no AOT cache was written" >&2; exit 1; }
echo "variant run ready_s health_s rss_mb"
for i in $(seq 1 "$runs"); do
  measure plain "$i"
  measure run "$i"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for variant in plain run; do
  for col in 3 4 5; do
    name=$(echo "ready_s health_s rss_mb" | cut -d' ' -f$((col - 2)))
    awk -v v="$variant" -v c="$col" '$1 == v {print $c}' "$out/results.txt" | sort -g |
      awk -v v="$variant" -v n="$name" '{a[NR] = $1} END {printf "%-6s %-9s min %7.2f  median %7.2f  max %7.2f\n", v, n, a[1], (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[NR]}'
  done
done
