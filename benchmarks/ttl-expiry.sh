#!/usr/bin/env bash
# Benchmarks the TTL service's expiry against a real Kafka broker (KRaft, inside the benchmark's JVM)
# and a real Apicurio Registry (child process), both on 127.0.0.1: with 80,000 allocations live for
# hours and 20,000 more whose deadlines fall in a 60 s window (100,000 live in all), how late each
# TtlExpired is, what each wall-clock punctuation costs with nothing due and when firing, and the heap,
# RSS, RocksDB memory and disk the state takes. See BENCHMARKS.md for what each figure means. It builds
# what it runs first (tests skipped). A full run takes about 3 minutes after the build.
#
#   benchmarks/ttl-expiry.sh                                  full run: 100,000 live, 20,000 of them due
#   BENCH_OPTS="-Dbench.smoke=true" benchmarks/ttl-expiry.sh  a smoke run of about a minute (2,500 allocations)
#   BENCH_SKIP_BUILD=1 benchmarks/ttl-expiry.sh               run what is already built
#
# BENCH_OPTS takes the bench.* system properties (smoke, live, idleSeconds, due, leadSeconds,
# windowSeconds, settleSeconds, timeoutSeconds, report, log, revision); JAVA_OPTS replaces the JVM
# options (default -Xms512m -Xmx1g). The results are printed at the end and written to
# ttl-service/target/benchmarks/ttl-expiry.md (or bench.report, relative to ttl-service); the log is
# ttl-expiry.log in the same directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly module=ttl-service
readonly classpath_file=target/benchmark-classpath.txt
readonly main_class=io.resourcemanager.ttl.benchmark.ExpiryBenchmarkMain
readonly logback=src/test/java/io/resourcemanager/ttl/benchmark/logback-benchmark.xml

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
jvm_options=(${JAVA_OPTS:--Xms512m -Xmx1g})
revision=$(git describe --always --dirty 2>/dev/null || echo unknown)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086  # BENCH_OPTS holds several options
exec "$java" "${jvm_options[@]}" -Djava.net.preferIPv4Stack=true -Dbench.revision="$revision" \
  -Dlogback.configurationFile="$logback" ${BENCH_OPTS:-} \
  -cp "target/test-classes:target/classes:$(<"$classpath_file")" "$main_class"
