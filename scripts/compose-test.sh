#!/usr/bin/env bash
# The compose stack end to end: up on a free port, /rep lists 3 replicas, /home is answered by one
# of them through the balancer, then down, and nothing is left (containers, replicas, network).
# Needs the images from `./mvnw package` and a running engine. Exit 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."

project="ringlab-compose-test-$$"
export RINGLAB_PORT=""   # empty: the engine picks a free port, so 5000 stays free
compose() { docker-compose -p "$project" -f docker-compose.yaml "$@"; }
fail() { echo "compose-test: FAILED: $*" >&2; compose logs --no-color --tail=40 >&2 || true; exit 1; }
cleanup() { compose down -t 30 --remove-orphans >/dev/null 2>&1 || true; }
trap cleanup EXIT

image="${RINGLAB_IMAGE:-ringlab:latest}"
docker image inspect "$image" >/dev/null 2>&1 || fail "no image $image; run ./mvnw package first"
echo "compose-test: image $image"

compose up -d
balancer=$(compose ps -q balancer)
port=$(compose port balancer 5000 | sed 's/.*://')
[ -n "$port" ] || fail "the balancer published no port"
echo "compose-test: balancer $balancer on 127.0.0.1:$port"

rep=""
for _ in $(seq 1 120); do
  rep=$(curl -s --max-time 2 "http://127.0.0.1:$port/rep" || true)
  if echo "$rep" | grep -q '"N":3'; then break; fi
  sleep 0.5
done
echo "$rep" | grep -q '"N":3' || fail "/rep did not list 3 replicas within 60 s: $rep"
echo "$rep" | grep -q '"status":"successful"' || fail "/rep: $rep"
echo "compose-test: /rep $rep"

home=$(curl -s --max-time 5 "http://127.0.0.1:$port/home")
echo "$home" | grep -q '"message":"Hello from Server: ' || fail "/home: $home"
echo "compose-test: /home $home"

replicas=$(docker ps -q --filter "label=dev.ringlab.owner.container=$balancer" | wc -l)
[ "$replicas" -eq 3 ] || fail "expected 3 replica containers owned by the balancer, found $replicas"

compose down -t 30
left=$(docker ps -aq --filter "label=dev.ringlab.owner.container=$balancer"; \
       docker ps -aq --filter "label=com.docker.compose.project=$project")
[ -z "$left" ] || fail "left behind after down: $left"
networks=$(docker network ls -q --filter "label=com.docker.compose.project=$project")
[ -z "$networks" ] || fail "network left behind after down: $networks"
trap - EXIT
echo "compose-test: all checks passed (up, /rep, /home, down clean)"
