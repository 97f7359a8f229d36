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

# shellcheck source=lib/run-main.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-main.sh"
run_benchmark_main ttl-service io.resourcemanager.ttl.benchmark.ExpiryBenchmarkMain \
  src/test/java/io/resourcemanager/ttl/benchmark/logback-benchmark.xml "-Xms512m -Xmx1g"
