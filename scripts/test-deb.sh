#!/usr/bin/env bash
# The Debian package tried as a user would: installed with dpkg -i, the `ringlab` command on PATH,
# the desktop entry's launcher started under Xvfb with replica processes, the window shown (a
# screenshot in target/installer/deb-window.png when ImageMagick's import is there), then removed
# with dpkg -r, leaving nothing of it behind. Needs root, Xvfb and xwininfo (scripts/setup.sh).
# Builds the package first when target/installer has none. CI runs it after the tests (.ci/run).
#
#   bash scripts/test-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "test-deb: $*"; }
fail() { echo "test-deb: FAILED: $*" >&2; [ -f "${log:-/dev/null}" ] && sed 's/^/test-deb:   app: /' "$log" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "installing a package needs root"
state() { dpkg-query -W -f='${Status}' ringlab 2>/dev/null || true; }
if [ "$(state)" = "install ok installed" ] || [ "$(state)" = "install ok half-configured" ]; then
  fail "a ringlab package is already installed; this test installs and removes its own (dpkg -r ringlab first)"
fi
command -v Xvfb >/dev/null && command -v xwininfo >/dev/null || fail "Xvfb and xwininfo are needed (scripts/setup.sh)"

deb="$(ls -t target/installer/ringlab_*.deb 2>/dev/null | head -1 || true)"
if [ -z "$deb" ]; then
  bash scripts/package-deb.sh
  deb="$(ls -t target/installer/ringlab_*.deb | head -1)"
fi
version="$(dpkg-deb -f "$deb" Version)"
log="$(mktemp)"
app_pid="" xvfb_pid="" installed=""

cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
  [ -n "$installed" ] && dpkg --purge ringlab >/dev/null 2>&1
  rm -f "$log"
  true
}
trap cleanup EXIT

say "dpkg -i $deb"
if ! dpkg -i "$deb" >/dev/null; then
  say "installing the missing dependencies (apt-get -f install)"
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >/dev/null
fi
installed=yes
[ "$(state)" = "install ok installed" ] || fail "dpkg lists ringlab as '$(state)'"

# The command on PATH, as the docs write it.
[ "$(command -v ringlab)" = /usr/bin/ringlab ] || fail "no ringlab command on PATH"
ringlab --version | grep -qx "RingLab ${version%-*}" || fail "ringlab --version says '$(ringlab --version)'"

# The desktop entry, as a menu shows it; its Exec line is what starts the app below.
entry="$(grep -l '^Name=RingLab$' /usr/share/applications/*.desktop 2>/dev/null | head -1 || true)"
[ -n "$entry" ] || fail "no desktop entry named RingLab in /usr/share/applications"
launcher="$(sed -n 's/^Exec=//p' "$entry" | cut -d' ' -f1)"
icon="$(sed -n 's/^Icon=//p' "$entry")"
[ -x "$launcher" ] || fail "the desktop entry's launcher $launcher is not executable"
[ -f "$icon" ] || fail "the desktop entry's icon $icon is missing"
say "desktop entry $entry starts $launcher"

# A display of its own: Xvfb picks a free number and writes it to fd 3, so other sessions' are untouched.
displayfile="$(mktemp)"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$displayfile" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$displayfile" ] && break; sleep 0.2; done
display=":$(head -1 "$displayfile")"
rm -f "$displayfile"
[ "$display" != ":" ] && xwininfo -root -display "$display" >/dev/null 2>&1 || fail "Xvfb did not start"

# Replica processes, so the packaged runtime's own java starts them; port 0 leaves 5000 to others.
DISPLAY="$display" "$launcher" --backend process --servers 3 --port 0 >"$log" 2>&1 &
app_pid=$!
shown=""
for _ in $(seq 120); do
  kill -0 "$app_pid" 2>/dev/null || fail "the app exited before its window showed"
  if xwininfo -root -tree -display "$display" 2>/dev/null | grep -q '"RingLab"'; then shown=yes; break; fi
  sleep 0.5
done
[ -n "$shown" ] || fail "no window titled RingLab within 60 s"
replicas=0
for _ in $(seq 60); do
  replicas="$(pgrep -P "$app_pid" -f 'dev.ringlab.replica.ReplicaServer' | wc -l)"
  [ "$replicas" -ge 3 ] && break
  sleep 0.5
done
[ "$replicas" -ge 3 ] || fail "the window started $replicas of 3 replica processes"
pgrep -P "$app_pid" -f 'dev.ringlab.replica.ReplicaServer' | head -1 | xargs -I{} readlink /proc/{}/exe \
  | grep -q '^/opt/ringlab/lib/runtime/bin/java$' || fail "the replicas do not run on the packaged runtime"
# The window's balancer (the app's own listening port) answers with the three replicas on the ring.
rep=""
for _ in $(seq 60); do
  port="$(ss -ltnpH 2>/dev/null | grep "pid=$app_pid," | awk '{print $4}' | sed 's/.*://' | head -1)"
  if [ -n "$port" ] && exec 4<>"/dev/tcp/127.0.0.1/$port"; then
    printf 'GET /rep HTTP/1.0\r\nHost: localhost\r\n\r\n' >&4
    rep="$(cat <&4 || true)"
    exec 4<&-
    case "$rep" in *'"N":3'*) break ;; esac
  fi
  sleep 0.5
done
case "$rep" in *'"N":3'*) ;; *) fail "the balancer did not answer /rep with 3 replicas: $rep" ;; esac
say "window shown on $display, 3 replica processes on /opt/ringlab/lib/runtime, /rep answers N=3 on port $port"
if command -v import >/dev/null 2>&1; then
  sleep 1 # the window repaints on its next pulse
  import -display "$display" -window root target/installer/deb-window.png
  say "screenshot target/installer/deb-window.png"
fi

kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
pgrep -f 'dev.ringlab.replica.ReplicaServer.*' -a | grep -q /opt/ringlab && fail "replica processes outlived the app"

say "dpkg -r ringlab"
dpkg -r ringlab >/dev/null
installed=""
for left in /usr/bin/ringlab /opt/ringlab "$entry"; do
  [ ! -e "$left" ] && [ ! -L "$left" ] || fail "$left is still there after dpkg -r"
done
# dpkg keeps a removed package's record until it is purged (jpackage's deb has a postrm): drop it too.
dpkg --purge ringlab >/dev/null
[ -z "$(state)" ] || [ "$(state)" = "unknown ok not-installed" ] || fail "dpkg still lists ringlab as '$(state)'"
say "ok: installed, started from its desktop entry, window shown, removed cleanly"
