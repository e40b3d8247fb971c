#!/usr/bin/env bash
# Throughput and p99 latency at 64 connections, in one run over the same 3 replica processes:
# straight to one replica, through RingLab, through nginx (hash $arg_key consistent) and through
# HAProxy (balance url_param key + hash-type consistent), with random keys. Then A-1: 10,000
# requests through RingLab to 3 process replicas.
#
#   bench/wrk.sh [seconds per run, default 10] [connections, default 64]
#
# Needs wrk, nginx and haproxy (Debian packages; installed here when missing and run as root).
# Everything it starts listens on 127.0.0.1 only and is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
CONNECTIONS="${2:-64}"
THREADS=2
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
[ -f target/ringlab.jar ] || ./mvnw -q -B package -DskipTests

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# RingLab with its 3 process replicas; nginx and HAProxy are pointed at those same replicas.
java -jar target/ringlab.jar serve --port 0 --replicas 3 > "$WORK/serve.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do grep -q "RingLab balancer on" "$WORK/serve.log" && break; sleep 0.1; done
grep -q "RingLab balancer on" "$WORK/serve.log" || { cat "$WORK/serve.log" >&2; echo "bench: serve did not start" >&2; exit 1; }
RINGLAB="$(grep -o 'RingLab balancer on http://[0-9.:]*' "$WORK/serve.log" | sed 's/.* on //')"
mapfile -t REPLICAS < <(grep -o ' up at http://[0-9.:]*' "$WORK/serve.log" | sed 's/.*http:\/\///' | head -3)

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

# Warm up every path once (JIT, connection pools), then measure each in turn.
run() { # name url -> "name req/s p99-ms"
  local out
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/keys.lua "$2/home")"
  echo "$out" > "$WORK/$1.txt"
  local rps p99
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p99="$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}')"
  local errors
  errors="$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')"
  echo "$1 $rps $p99 $errors"
}
for target in "http://${REPLICAS[0]}" "$RINGLAB" "http://127.0.0.1:$NGINX_PORT" "http://127.0.0.1:$HAPROXY_PORT"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s bench/keys.lua "$target/home" > /dev/null
done
results=()
results+=("$(run replica "http://${REPLICAS[0]}")")
results+=("$(run ringlab "$RINGLAB")")
results+=("$(run nginx "http://127.0.0.1:$NGINX_PORT")")
results+=("$(run haproxy "http://127.0.0.1:$HAPROXY_PORT")")

echo
echo "wrk, $CONNECTIONS connections, $THREADS threads, ${DURATION}s each, random ?key=, 3 replica processes ($(nproc) cores, all on this machine)"
printf '%s\n' "${results[@]}" | awk '
  { name[NR]=$1; rps[NR]=$2; p99[NR]=$3; note[NR]=""; for (i=4;i<=NF;i++) note[NR]=note[NR] " " $i }
  $1=="nginx" || $1=="haproxy" { if ($2 > best) { best=$2; bestp99=$3; bestname=$1 } }
  END {
    printf "%-10s %12s %10s %14s %14s %s\n", "path", "req/s", "p99 ms", "vs " bestname, "p99 vs " bestname, ""
    for (i=1;i<=NR;i++) printf "%-10s %12.0f %10.2f %13.2fx %13.2fx %s\n", name[i], rps[i], p99[i], rps[i]/best, p99[i]/bestp99, note[i]
  }'

# A-1: 10,000 requests through the balancer to the 3 process replicas, timed end to end.
if java -jar target/ringlab.jar experiment --help 2>/dev/null | grep -q -- "--target"; then
  start=$(date +%s.%N)
  java -jar target/ringlab.jar experiment a1 --target "$RINGLAB" --out "$WORK/a1" > "$WORK/a1.log" 2>&1 || { cat "$WORK/a1.log" >&2; }
  end=$(date +%s.%N)
  echo
  grep -i "requests\|took\|time" "$WORK/a1.log" | head -5 || true
  awk -v s="$start" -v e="$end" 'BEGIN { printf "A-1 (10,000 requests via RingLab, 3 process replicas, incl. JVM start): %.2f s (target < 1.5 s)\n", e-s }'
fi
