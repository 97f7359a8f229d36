#!/usr/bin/env bash
# Summarizes a JFR recording of the ledger benchmark (BENCH_PROFILE=1 benchmarks/allocation-ledger.sh):
# the share of execution samples per method on the threads whose name matches a pattern (default:
# the Kafka Streams threads), counted two ways:
#   self       the method at the top of the stack (where the CPU was)
#   inclusive  every project method (io.resourcemanager.*) on the stack, once per sample
#
#   benchmarks/jfr-hotspots.sh [recording.jfr] [thread name pattern] [rows]
set -euo pipefail

recording=${1:-allocation-service/target/benchmarks/allocation-ledger.jfr}
threads=${2:-StreamThread}
rows=${3:-25}
jfr="${JAVA_HOME:+$JAVA_HOME/bin/}jfr"

"$jfr" print --events jdk.ExecutionSample --stack-depth 128 "$recording" | awk -v threads="$threads" -v rows="$rows" '
  /^jdk.ExecutionSample/ { in_stack = 0; wanted = 0; depth = 0; delete seen; next }
  /sampledThread = / { wanted = ($0 ~ threads); if (wanted) samples++; next }
  /stackTrace = \[/ { in_stack = 1; next }
  in_stack && /^[[:space:]]*\]/ { in_stack = 0; next }
  in_stack && wanted {
    frame = $0; sub(/^[[:space:]]+/, "", frame); sub(/[[:space:]]+line:.*$/, "", frame)
    if (frame == "...") next
    if (depth++ == 0) self[frame]++
    if (frame ~ /^io\.resourcemanager\./ && !(frame in seen)) { seen[frame] = 1; inclusive[frame]++ }
  }
  END {
    if (samples == 0) { print "no samples on threads matching /" threads "/"; exit 1 }
    printf "%d execution samples on threads matching /%s/\n\nself (top of stack):\n", samples, threads
    for (f in self) printf "%6.1f%%  %s\n", 100 * self[f] / samples, f | "sort -rn | head -" rows
    close("sort -rn | head -" rows)
    printf "\ninclusive (project methods on the stack):\n"
    for (f in inclusive) printf "%6.1f%%  %s\n", 100 * inclusive[f] / samples, f | "sort -rn | head -" rows
  }'
