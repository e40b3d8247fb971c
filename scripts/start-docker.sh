#!/usr/bin/env bash
# Starts a Docker engine on this machine (root, Debian) and waits until it answers.
# Idempotent: when an engine already answers it does nothing; when docker.io or docker-compose are
# missing it installs them with apt-get; otherwise it starts dockerd in the background, logging to
# $DOCKERD_LOG, and waits for `docker version` up to $DOCKER_START_TIMEOUT seconds.
#
# The userland proxy is off: ports published on 127.0.0.1 are then forwarded by iptables instead of
# one docker-proxy process per port, which costs a process and a hop per replica.
set -euo pipefail

timeout_s="${DOCKER_START_TIMEOUT:-60}"
log="${DOCKERD_LOG:-/var/log/dockerd.log}"

say() { echo "start-docker: $*"; }
fail() { echo "start-docker: $*" >&2; exit 1; }

engine_answers() { timeout 5 docker version >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1 && engine_answers; then
  say "engine already answers ($(docker version --format '{{.Server.Version}}' 2>/dev/null))"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || fail "the engine is not running and starting it needs root (run: sudo $0)"

# apt may be busy (another install on the same machine): wait for its locks rather than fail.
apt() {
  local tries=0
  until apt-get -o DPkg::Lock::Timeout=120 "$@"; do
    tries=$((tries + 1))
    [ "$tries" -lt 10 ] || return 1
    say "apt-get busy, retrying in 10 s"
    sleep 10
  done
}

packages=()
command -v dockerd >/dev/null 2>&1 || packages+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || packages+=(docker-compose)
if [ ${#packages[@]} -gt 0 ]; then
  say "installing ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt update -qq || fail "apt-get update failed"
  apt install -y -qq --no-install-recommends "${packages[@]}" >/dev/null \
    || fail "could not install ${packages[*]}"
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  # containerd is started by dockerd itself when it is not already running.
  mkdir -p "$(dirname "$log")"
  say "starting dockerd (log: $log)"
  # Its own session (setsid), so the engine outlives the shell or job that started it: ending a
  # terminal's or a CI step's process group must not take the engine and its containers along.
  setsid nohup dockerd --userland-proxy=false >>"$log" 2>&1 </dev/null &
  disown || true
else
  say "dockerd is running; waiting for it to answer"
fi

deadline=$((SECONDS + timeout_s))
until engine_answers; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "start-docker: the engine did not answer within ${timeout_s} s; last lines of $log:" >&2
    tail -n 20 "$log" >&2 2>/dev/null || true
    exit 1
  fi
  if ! pgrep -x dockerd >/dev/null 2>&1; then
    echo "start-docker: dockerd exited; last lines of $log:" >&2
    tail -n 20 "$log" >&2 2>/dev/null || true
    exit 1
  fi
  sleep 0.5
done
say "engine answers ($(docker version --format '{{.Server.Version}}' 2>/dev/null))"
