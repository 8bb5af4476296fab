#!/usr/bin/env bash
# Start-up times of the forewarn command line (see docs/benchmarks.md, "Start-up"), each repeated N times:
#
#   version   `forewarn --version` to exit: the JVM and the command line, nothing else (the baseline)
#   demo-1st  `forewarn demo` to its first line of output
#   demo      `forewarn demo --quiet` to exit
#   healthy   `forewarn serve` (embedded H2, a fresh data directory each time) to its first 200 from /actuator/health
#
# for two ways of running the same build: `java -jar target/forewarn.jar` (the jar as Maven builds it) and
# `./forewarn` (the wrapper: the jar extracted, with its class data sharing archive). Each figure is also given
# as a ratio to the version baseline of its own way, measured in the same run.
#
# Usage: docs/startup-benchmark.sh [N] [PORT]   (defaults: 10 runs, port 18390), from the clone, after ./forewarn
# has built the jar and its archive once. Prints the machine, its load before and after, and one line per figure.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
port="${2:-18390}"
work="$(mktemp -d "${TMPDIR:-/tmp}/forewarn-startup-XXXXXX")"
trap 'rm -rf "$work"' EXIT
./forewarn --version >/dev/null # builds, extracts and trains when needed: not timed

hash=$(echo 'a passphrase for the benchmark' | ./forewarn user hash)
printf 'forewarn:\n  users:\n    - name: bench\n      password-hash: "%s"\n      roles: [oversight]\n' "$hash" >"$work/settings.yaml"

now_ms() { local micros=${EPOCHREALTIME/[.,]/}; echo $((micros / 1000)); }

# a 200 from /actuator/health, asked with bash's own /dev/tcp: polling with curl would start a process each time
is_healthy() {
  local status
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /actuator/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  read -r status <&3 || status=""
  exec 3<&- 3>&-
  [[ "$status" == *" 200 "* ]]
}

# milliseconds from launch to the first line the command prints on stdout; the command is then stopped
first_line() {
  local fifo="$work/fifo" start line pid
  rm -f "$fifo"; mkfifo "$fifo"
  start=$(now_ms)
  "$@" >"$fifo" 2>/dev/null &
  pid=$!
  read -r line <"$fifo"
  echo $(($(now_ms) - start))
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# milliseconds from launch to exit
to_exit() {
  local start
  start=$(now_ms)
  "$@" >/dev/null 2>&1
  echo $(($(now_ms) - start))
}

# milliseconds from launch to the first 200 from /actuator/health, on a fresh data directory
healthy() {
  local data="$work/serve-$RANDOM" start pid
  mkdir -p "$data"
  start=$(now_ms)
  (cd "$data" && exec "$@" serve --port "$port" --config "$work/settings.yaml" >"$data/out.log" 2>&1) &
  pid=$!
  until is_healthy; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "serve exited early:" >&2; cat "$data/out.log" >&2; return 1; fi
    sleep 0.02
  done
  echo $(($(now_ms) - start))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}

# mean, standard deviation, min, median and max of the numbers on stdin
stats() {
  sort -n | awk '{ v[NR] = $1; s += $1; ss += $1 * $1 }
    END { m = s / NR; sd = sqrt((ss - s * s / NR) / (NR > 1 ? NR - 1 : 1));
          med = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
          printf "%7.0f ± %5.0f ms (min %5d, median %7.1f, max %5d)", m, sd, v[1], med, v[NR] }'
}

measure() { # name, baseline mean or empty, function, command...
  local name="$1" base="$2"; shift 2
  local values mean
  values=$(for _ in $(seq 1 "$runs"); do "$@"; done)
  mean=$(echo "$values" | awk '{ s += $1 } END { printf "%.0f", s / NR }')
  printf '  %-9s %s' "$name" "$(echo "$values" | stats)"
  if [ -n "$base" ]; then awk -v m="$mean" -v b="$base" 'BEGIN { printf "  = %.2f x version\n", m / b }'; else echo; fi
  last_mean="$mean"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GB; $(java -version 2>&1 | head -1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each"
for way in "java -jar target/forewarn.jar" "./forewarn"; do
  if [ "$way" = "./forewarn" ]; then cmd=("$(pwd)/forewarn"); else cmd=(java -jar "$(pwd)/target/forewarn.jar"); fi
  echo "$way:"
  measure version "" to_exit "${cmd[@]}" --version; base="$last_mean"
  measure demo-1st "$base" first_line "${cmd[@]}" demo
  measure demo "$base" to_exit "${cmd[@]}" demo --quiet
  measure healthy "$base" healthy "${cmd[@]}"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
