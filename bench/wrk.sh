#!/usr/bin/env bash
# Throughput and p99 latency at 64 connections, in one run over the same 3 replica processes:
# straight to one replica, through RingLab, through nginx (hash $arg_key consistent) and through
# HAProxy (balance url_param key + hash-type consistent), with random keys. Then A-1: 10,000
# requests through RingLab to 3 process replicas.
#
#   [ROUNDS=3] [BASELINE_JAR=path] bench/wrk.sh [seconds per run, default 10] [connections, default 64]
#
# BASELINE_JAR (say a build from before a change) adds a "baseline" path: a second serve from that jar,
# with 3 replica processes of its own, measured in the same rounds as the others.
#
# Needs wrk, nginx and haproxy (Debian packages; installed here when missing and run as root).
# Everything it starts listens on 127.0.0.1 only and is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
CONNECTIONS="${2:-64}"
ROUNDS="${ROUNDS:-3}"
THREADS=2
JAR="${RINGLAB_JAR:-target/ringlab.jar}"  # RINGLAB_JAR=path measures another build
WORK="$(mktemp -d /tmp/ringlab-bench.XXXXXX)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
command -v haproxy >/dev/null || need+=(haproxy)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# RingLab with its 3 process replicas; nginx and HAProxy are pointed at those same replicas.
java -jar "$JAR" serve --port 0 --replicas 3 --backend process > "$WORK/serve.log" 2>&1 &
PIDS+=($!)
declare -A PID_OF=([ringlab]=$!)
for _ in $(seq 1 300); do grep -q "RingLab balancer on" "$WORK/serve.log" && break; sleep 0.1; done
grep -q "RingLab balancer on" "$WORK/serve.log" || { cat "$WORK/serve.log" >&2; echo "bench: serve did not start" >&2; exit 1; }
RINGLAB="$(grep -o 'RingLab balancer on http://[0-9.:]*' "$WORK/serve.log" | sed 's/.* on //')"
mapfile -t REPLICAS < <(grep -o ' up at http://[0-9.:]*' "$WORK/serve.log" | sed 's/.*http:\/\///' | head -3)

NAMES=(replica ringlab nginx haproxy)
if [ -n "${BASELINE_JAR:-}" ]; then
  java -jar "$BASELINE_JAR" serve --port 0 --replicas 3 --backend process > "$WORK/baseline.log" 2>&1 &
  PIDS+=($!)
  PID_OF[baseline]=$!
  for _ in $(seq 1 300); do grep -q "RingLab balancer on" "$WORK/baseline.log" && break; sleep 0.1; done
  grep -q "RingLab balancer on" "$WORK/baseline.log" || { cat "$WORK/baseline.log" >&2; echo "bench: baseline did not start" >&2; exit 1; }
  BASELINE="$(grep -o 'RingLab balancer on http://[0-9.:]*' "$WORK/baseline.log" | sed 's/.* on //')"
  # The baseline serve starts replicas of its own build, which may run other JVM options: straight to one
  # of them ("base-rep") says how much of a difference is the replicas' and not the balancer's.
  BASELINE_REPLICA="$(grep -o ' up at http://[0-9.:]*' "$WORK/baseline.log" | sed 's/.*http:\/\///' | head -1)"
  NAMES=(replica ringlab base-rep baseline nginx haproxy)
fi

NGINX_PORT="$(free_port)"
{
  echo "worker_processes auto; pid $WORK/nginx.pid; error_log $WORK/nginx-error.log warn; daemon off;"
  echo "events { worker_connections 4096; }"
  echo "http { access_log off;"
  echo "  upstream replicas { hash \$arg_key consistent; keepalive 128;"
  for r in "${REPLICAS[@]}"; do echo "    server $r;"; done
  echo "  }"
  echo "  server { listen 127.0.0.1:$NGINX_PORT; keepalive_requests 1000000;"
  echo "    location / { proxy_pass http://replicas; proxy_http_version 1.1; proxy_set_header Connection \"\"; } }"
  echo "}"
} > "$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf" -p "$WORK" &
PIDS+=($!)

HAPROXY_PORT="$(free_port)"
{
  echo "global"
  echo "  nbthread 2"
  echo "  maxconn 4096"
  echo "defaults"
  echo "  mode http"
  echo "  timeout connect 1s"
  echo "  timeout client 30s"
  echo "  timeout server 30s"
  echo "  option http-keep-alive"
  echo "  http-reuse always"
  echo "frontend in"
  echo "  bind 127.0.0.1:$HAPROXY_PORT"
  echo "  default_backend replicas"
  echo "backend replicas"
  echo "  balance url_param key"
  echo "  hash-type consistent"
  i=1; for r in "${REPLICAS[@]}"; do echo "  server s$i $r"; i=$((i+1)); done
} > "$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
sleep 1

# Warm up every path once (JIT, connection pools), then measure in rounds, every path once per round,
# so that the load of the machine (shared, 2 cores) falls on all of them alike; the median round counts.
# CPU time (user + sys, ms) of a RingLab balancer JVM: per request served, it says what the balancer costs even
# when the machine is loaded and req/s swings (the replicas are other processes and not counted).
cpu_ms() { awk '{printf "%d", ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"'}' "/proc/$1/stat"; }
run() { # name url -> "req/s p99-ms errors cpu-us-per-request"
  local out rps p99 errors pid="${PID_OF[$1]:-}" before="" per="-"
  [ -n "$pid" ] && before="$(cpu_ms "$pid")"
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/keys.lua "$2/home")"
  echo "$out" >> "$WORK/$1.txt"
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p99="$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}')"
  errors="$(echo "$out" | awk '/Non-2xx|Socket errors/ {printf "%s;", $0}' | tr -s ' ' | tr ' ' '_')"
  if [ -n "$pid" ]; then
    per="$(echo "$out" | awk -v spent="$(( $(cpu_ms "$pid") - before ))" '/requests in/ {printf "%.1f", spent * 1000 / $1}')"
  fi
  echo "$rps $p99 ${errors:-none} $per"
}
declare -A URL=([replica]="http://${REPLICAS[0]}" [ringlab]="$RINGLAB" [baseline]="${BASELINE:-}" [base-rep]="http://${BASELINE_REPLICA:-}" [nginx]="http://127.0.0.1:$NGINX_PORT" [haproxy]="http://127.0.0.1:$HAPROXY_PORT")
# The JVM paths need longer: C2 compiles the forwarding path only after some 10^5 requests.
for name in "${NAMES[@]}"; do
  warmup=3; case "$name" in ringlab|baseline) warmup="${WARMUP:-15}" ;; esac
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${warmup}s" -s bench/keys.lua "${URL[$name]}/home" > /dev/null
done
: > "$WORK/rounds"
for round in $(seq 1 "$ROUNDS"); do
  order=("${NAMES[@]}")
  # ringlab and baseline swap places every other round: whichever runs first must not be favoured
  if [ -n "${BASELINE:-}" ] && [ $((round % 2)) -eq 0 ]; then order=(base-rep baseline replica ringlab nginx haproxy); fi
  for name in "${order[@]}"; do
    echo "$name $(run "$name" "${URL[$name]}")" | tee -a "$WORK/rounds" | sed "s/^/bench: round $round: /" >&2
  done
done

echo
echo "wrk: $CONNECTIONS connections, $THREADS threads, random ?key=, 3 replica processes, median of $ROUNDS rounds of ${DURATION}s"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), wrk and every server on it"
awk -v names="${NAMES[*]}" '
  { n[$1]++; rps[$1, n[$1]] = $2; p99[$1, n[$1]] = $3; cpu[$1, n[$1]] = $5; if ($4 != "none") err[$1] = err[$1] " " $4 }
  function median(arr, name, count,   i, j, t, v) {
    for (i = 1; i <= count; i++) v[i] = arr[name, i]
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return v[int((count + 1) / 2)]
  }
  END {
    count = split(names, order, " ")
    for (k = 1; k <= count; k++) { name = order[k]; R[name] = median(rps, name, n[name]); P[name] = median(p99, name, n[name])
      C[name] = cpu[name, 1] == "-" ? "-" : median(cpu, name, n[name]) }
    best = R["nginx"] > R["haproxy"] ? "nginx" : "haproxy"
    printf "%-9s %10s %9s %12s %14s %16s\n", "path", "req/s", "p99 ms", "req/s vs " best, "p99 vs " best, "CPU us/request"
    for (k = 1; k <= count; k++) { name = order[k]
      printf "%-9s %10.0f %9.2f %11.2fx %13.2fx %16s %s\n", name, R[name], P[name], R[name] / R[best], P[name] / P[best], C[name], err[name] }
    if ("baseline" in R) printf "ringlab vs baseline: req/s %.2fx, p99 %.2fx, balancer CPU per request %.2fx\n", R["ringlab"] / R["baseline"], P["ringlab"] / P["baseline"], C["ringlab"] / C["baseline"]
    if ("base-rep" in R) printf "each against its own replicas: ringlab %.2f of a replica, baseline %.2f: %.2fx\n", R["ringlab"] / R["replica"], R["baseline"] / R["base-rep"], (R["ringlab"] / R["replica"]) / (R["baseline"] / R["base-rep"])
  }' "$WORK/rounds"

# A-1: 10,000 requests through the balancer to the 3 process replicas (the same serve), sent by the
# experiment command over HTTP; its own clock covers the requests, the JVM start is reported apart.
for concurrency in 1 16; do
  start=$(date +%s%N)
  java -jar "$JAR" experiment a1 --target "$RINGLAB" --requests 10000 --concurrency "$concurrency" \
    --seed 1 --out "$WORK/a1" > "$WORK/a1.log" 2>&1 || { cat "$WORK/a1.log" >&2; exit 1; }
  end=$(date +%s%N)
  sent_ms="$(grep -o 'A-1: 10,000 requests.*, [0-9]* ms' "$WORK/a1.log" | grep -o '[0-9]* ms$' | tr -d ' ms')"
  awk -v total="$(( (end - start) / 1000000 ))" -v sent="$sent_ms" -v c="$concurrency" 'BEGIN {
    printf "A-1 via RingLab, 3 process replicas, concurrency %2d: 10,000 requests in %.2f s (target < 1.5 s); %.2f s with the JVM start\n", c, sent / 1000, total / 1000 }'
done
