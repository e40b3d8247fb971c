#!/usr/bin/env bash
# Cold, end to end, as a user types them: each run a fresh JVM (and fresh replicas), several runs,
# min/median/max; and in every round, wrk's rate through a RingLab balancer over three replica processes,
# so the ratio holds on a noisy machine (the cold runs and wrk share the round's load).
#
#   [RUNS=5] [BEFORE=old-ringlab.jar] [DOCKER=auto|yes|no] [A2=yes|no] [APP_OPTS="-XX:..."] bench/cold.sh
#
# Per round: a replica process start to its first heartbeat (the launch the process backend makes),
# `experiment a1 --backend process` (wall time, testbed start and the 10,000 requests, from the run's
# debug log), `experiment a1 --target` the balancer wrk measures (the cold client alone, side by side
# with wrk through the same warm balancer and replicas), `experiment a2 --backend process`, `experiment a1 --backend docker` (when an engine
# answers), BEFORE's a1 and a2 when given (an older jar, for before/after side by side), and wrk for 2 s
# at 64 connections through the running balancer. Needs wrk, python3 and time (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
DOCKER="${DOCKER:-auto}"
APP_OPTS="${APP_OPTS:-}"
WORK="$(mktemp -d /tmp/ringlab-cold.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

command -v wrk >/dev/null || { echo "cold: needs wrk (apt-get install wrk)" >&2; exit 1; }
[ -f target/ringlab.jar ] || ./mvnw -q -B package -DskipTests
if [ "$DOCKER" = auto ]; then docker info >/dev/null 2>&1 && DOCKER=yes || DOCKER=no; fi
# A class-data-sharing archive holds its jar's absolute path: a jar copied elsewhere starts without
# its archives, which would make BEFORE look slower than it is. Say so rather than measure that.
for jar in target/ringlab.jar ${BEFORE:-}; do
  archive="$(dirname "$jar")/ringlab.jsa"
  java -Xshare:on -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jar" \
      dev.ringlab.cli.Launcher --version > /dev/null 2>&1 || echo "cold: $archive does not map for $jar;" \
      "record it there (java -cp $jar dev.ringlab.cli.AppArchive $jar, and dev.ringlab.replica.ReplicaArchive)" >&2
done
DEBUG=(-Dorg.slf4j.simpleLogger.log.dev.ringlab.experiment.RequestStream=debug
       -Dorg.slf4j.simpleLogger.log.dev.ringlab.experiment.HttpTestbed=debug)
# shellcheck disable=SC2206
OPTS=($APP_OPTS)

java -jar target/ringlab.jar serve --port 0 --replicas 3 --backend process > "$WORK/serve.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do grep -q "RingLab balancer on" "$WORK/serve.log" && break; sleep 0.1; done
RINGLAB="$(grep -o 'RingLab balancer on http://[0-9.:]*' "$WORK/serve.log" | sed 's/.* on //')"
[ -n "$RINGLAB" ] || { cat "$WORK/serve.log" >&2; echo "cold: serve did not start" >&2; exit 1; }
# The balancer at its best, as a long-running one is: wrk's figure is that of a warm JIT.
wrk -t2 -c64 -d10s -s bench/keys.lua "$RINGLAB/home" > /dev/null

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# name jar analysis backend|URL: one cold run, "name wall_ms testbed_ms send_ms cpu_ms" on the results file.
# A URL instead of a backend sends through that balancer (--target): wrk's own, warm, with its replicas.
experiment() {
  local name="$1" jar="$2" analysis="$3" backend="$4" start log="$WORK/$1.log" where
  where=(--backend "$backend")
  [[ "$backend" == http* ]] && where=(--target "$backend")
  start=$(date +%s%N)
  # CPU: user + sys of the JVM and of the replica processes it started and reaped
  /usr/bin/time -f "%U %S" -o "$WORK/cpu" java "${OPTS[@]}" "${DEBUG[@]}" -jar "$jar" experiment "$analysis" \
    "${where[@]}" --seed 1 --out "$WORK/out" > "$log" 2>&1 || { cat "$log" >&2; echo "cold: $name failed" >&2; exit 1; }
  local wall testbed sent cpu
  wall=$(ms "$start")
  cpu="$(awk '{printf "%d", ($1 + $2) * 1000}' "$WORK/cpu")"
  testbed="$(grep -o 'testbed up in [0-9]*' "$log" | head -1 | grep -o '[0-9]*$' || true)"
  sent="$(grep -o 'requests answered in [0-9]*' "$log" | awk '{s += $4} END {if (NR) print s}' || true)"
  # the table: a1's requests per server, a2's row per N
  grep -E '^  Server [0-9]+ |^ +[0-9] +[0-9,.]+ ' "$log" | tr -s ' ' > "$WORK/$name.counts.$round"
  [ -s "$WORK/$name.counts.$round" ] || { cat "$log" >&2; echo "cold: $name printed no table" >&2; exit 1; }
  echo "$name $wall ${testbed:--} ${sent:--} $cpu" >> "$WORK/results"
}

# A replica process, started as the process backend starts it, until it answers /heartbeat.
replica() {
  python3 - "$@" <<'EOF' >> "$WORK/results"
import re, subprocess, sys, time, urllib.request
command = subprocess.run(["java", "-cp", "target/ringlab.jar", "dev.ringlab.replica.ReplicaLaunch", "cold"],
                         capture_output=True, text=True, check=True).stdout.split("\n")
command = [arg for arg in command if arg]
t0 = time.monotonic()
p = subprocess.Popen(command, stdout=subprocess.PIPE, env={"BIND": "127.0.0.1", "PATH": "/usr/bin:/bin"})
port = int(re.search(r"listening on (\d+)", p.stdout.readline().decode()).group(1))
urllib.request.urlopen(f"http://127.0.0.1:{port}/heartbeat", timeout=10).read()
wall = round((time.monotonic() - t0) * 1000)
stat = open(f"/proc/{p.pid}/stat").read().split(")")[1].split()
cpu = (int(stat[11]) + int(stat[12])) * 1000 // 100
p.kill(); p.wait()
print(f"replica {wall} {cpu} - -")
EOF
}

wrk_rate() {
  wrk -t2 -c64 -d2s -s bench/keys.lua "$RINGLAB/home" | awk '/Requests\/sec/ {printf "wrk %d - - -\n", $2}' >> "$WORK/results"
}

: > "$WORK/results"
for round in $(seq 1 "$RUNS"); do
  echo "cold: round $round of $RUNS (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  replica
  experiment a1-process target/ringlab.jar a1 process
  wrk_rate
  [ -n "${BEFORE:-}" ] && experiment a1-process-before "$BEFORE" a1 process
  # The cold client alone: a fresh experiment JVM through the very balancer and replicas wrk measures.
  experiment a1-target target/ringlab.jar a1 "$RINGLAB"
  [ -n "${BEFORE:-}" ] && experiment a1-target-before "$BEFORE" a1 "$RINGLAB"
  if [ "${A2:-yes}" = yes ]; then
    experiment a2-process target/ringlab.jar a2 process
    [ -n "${BEFORE:-}" ] && experiment a2-process-before "$BEFORE" a2 process
  fi
  [ "$DOCKER" = yes ] && experiment a1-docker target/ringlab.jar a1 docker
  [ -n "${BEFORE:-}" ] && [ "$DOCKER" = yes ] && experiment a1-docker-before "$BEFORE" a1 docker
  wrk_rate
done

# Same seed, same counts: every run of a kind printed the same table (said at the end, after the figures).
DIFFERED=""
for kind in $(awk '{print $1}' "$WORK/results" | sort -u); do
  files=("$WORK/$kind".counts.*)
  [ -e "${files[0]}" ] || continue
  for f in "${files[@]}"; do
    cmp -s "$f" "${files[0]}" || { DIFFERED="$DIFFERED $kind"; diff "${files[0]}" "$f" >&2 || true; }
  done
done

echo
echo "cold runs: $RUNS fresh JVMs each, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
python3 - "$WORK/results" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
def values(name, column):
    return [int(r[column]) for r in rows if r[0] == name and r[column] != "-"]
def mmm(v, unit="ms"):
    return f"{min(v)} / {statistics.median(v):.0f} / {max(v)} {unit}" if v else "-"
wrk = values("wrk", 1)
print(f"wrk through the balancer (64 connections, 2 s, warm): {mmm(wrk, 'req/s')}")
print(f"{'run':20s} {'wall min/median/max':>24s} {'CPU (JVM + replicas)':>24s} {'testbed up':>22s} {'requests answered':>24s} {'rate / wrk':>11s}")
for name in dict.fromkeys(r[0] for r in rows):
    if name == "wrk":
        continue
    if name == "replica":
        print(f"{'replica start':20s} {mmm(values(name, 1)):>24s}   CPU {mmm(values(name, 2)):>18s}   (to its first heartbeat)")
        continue
    sent = values(name, 3)
    n = 50_000 if name.startswith("a2") else 10_000
    ratio = f"{(n / (statistics.median(sent) / 1000)) / statistics.median(wrk):.2f}x" if sent and wrk else "-"
    print(f"{name:20s} {mmm(values(name, 1)):>24s} {mmm(values(name, 4)):>24s} {mmm(values(name, 2)):>22s} {mmm(sent):>24s} {ratio:>11s}")
EOF
if [ -n "$DIFFERED" ]; then echo "cold: same seed, different counts:$DIFFERED" >&2; exit 1; fi
echo "same seed, same counts in every run of each kind"
