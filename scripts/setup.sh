#!/usr/bin/env bash
# Prepares a bare Debian machine for RingLab: the JDK, fonts for charts, GTK and Xvfb for the window,
# dbus-x11 (without it GTK's file chooser floods the terminal with dconf warnings), fakeroot,
# xwininfo, ss and pgrep for building and trying the .deb (scripts/package-deb.sh,
# scripts/test-deb.sh), and a running Docker engine. Idempotent, so the README's commands and CI can always call it first.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "setup: '$*' needs root; run as root or install sudo" >&2; return 1; fi
}

packages=()
command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v dockerd >/dev/null 2>&1 || packages+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || packages+=(docker-compose)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || packages+=(fonts-dejavu-core)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || packages+=(libgtk-3-0)
command -v Xvfb >/dev/null 2>&1 || packages+=(xvfb)
command -v unzip >/dev/null 2>&1 || packages+=(unzip)
command -v dbus-launch >/dev/null 2>&1 || packages+=(dbus-x11)
command -v fakeroot >/dev/null 2>&1 || packages+=(fakeroot)
command -v xwininfo >/dev/null 2>&1 || packages+=(x11-utils)
command -v ss >/dev/null 2>&1 || packages+=(iproute2)
command -v pgrep >/dev/null 2>&1 || packages+=(procps)
if [ ${#packages[@]} -gt 0 ]; then
  echo "setup: installing ${packages[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# Replicas run as containers when an engine answers: start one if this machine has none running.
if [ -f scripts/start-docker.sh ]; then
  bash scripts/start-docker.sh
fi
