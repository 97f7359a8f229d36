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

cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly module=allocation-service
readonly classpath_file=target/benchmark-classpath.txt
readonly main_class=io.resourcemanager.allocation.benchmark.LedgerBenchmarkMain

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building $module and what it depends on (tests skipped)..." >&2
  mvn -B -q -Dstyle.color=never -DskipTests -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
fi

cd "$module"
if [[ ! -f "$classpath_file" ]]; then
  echo "$module/$classpath_file is missing; run without BENCH_SKIP_BUILD to build first." >&2
  exit 1
fi

# shellcheck disable=SC2206  # JAVA_OPTS holds several options
jvm_options=(${JAVA_OPTS:--Xms2g -Xmx4g})
if [[ "${BENCH_PROFILE:-0}" == 1 ]]; then
  mkdir -p target/benchmarks
  jvm_options+=("-XX:StartFlightRecording=filename=target/benchmarks/allocation-ledger.jfr,settings=profile,dumponexit=true")
fi

revision=$(git describe --always --dirty 2>/dev/null || echo unknown)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086  # BENCH_OPTS holds several options
exec "$java" "${jvm_options[@]}" -Djava.net.preferIPv4Stack=true -Dbench.revision="$revision" \
  -Dlogback.configurationFile=../benchmarks/logback-allocation-ledger.xml ${BENCH_OPTS:-} -cp "target/test-classes:target/classes:$(<"$classpath_file")" "$main_class"
