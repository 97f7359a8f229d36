#!/usr/bin/env bash
# Benchmarks the allocation ledger against a real Kafka broker (KRaft, inside the benchmark's JVM) and
# a real Apicurio Registry (child process), both on 127.0.0.1: loading, sustained decisions per
# second, end-to-end latency under paced load, and restore after a restart without local state.
# See BENCHMARKS.md for what each figure means. It builds what it runs first (tests skipped).
#
#   benchmarks/allocation-ledger.sh                       full run: 10,000 nodes, 100,000 allocations
#   BENCH_OPTS="-Dbench.nodes=1000 -Dbench.allocations=10000 -Dbench.maxLoadRequests=5000" \
#     benchmarks/allocation-ledger.sh                     a quick smoke run
#   BENCH_PROFILE=1 benchmarks/allocation-ledger.sh       also records a JFR profile (see jfr-hotspots.sh)
#   BENCH_SKIP_BUILD=1 benchmarks/allocation-ledger.sh    run what is already built
#
# BENCH_OPTS takes the bench.* system properties (nodes, allocations, maxLoadRequests, pacedRates,
# pacedSeconds, loadTimeoutSeconds, timeoutSeconds, nodeCpuMillis, nodeMemoryMb, report); JAVA_OPTS
# replaces the JVM options (default -Xms2g -Xmx4g). The results table is printed at the end and written
# to allocation-service/target/benchmarks/allocation-ledger.md (or bench.report, relative to
# allocation-service); the log is allocation-ledger.log in the same directory.
set -euo pipefail

# shellcheck source=lib/run-main.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-main.sh"

profile=()
if [[ "${BENCH_PROFILE:-0}" == 1 ]]; then
  mkdir -p "$(dirname "${BASH_SOURCE[0]}")/../allocation-service/target/benchmarks"
  profile=("-XX:StartFlightRecording=filename=target/benchmarks/allocation-ledger.jfr,settings=profile,dumponexit=true")
fi
run_benchmark_main allocation-service io.resourcemanager.allocation.benchmark.LedgerBenchmarkMain \
  ../benchmarks/logback-allocation-ledger.xml "-Xms2g -Xmx4g" "${profile[@]}"
