#!/usr/bin/env bash
# Benchmarks the health service's node observation: a Kubernetes API server (fabric8's mock server in CRUD
# mode) with 5,000 worker nodes, the real health service (its Micronaut application) watching them, a real
# Kafka broker (KRaft, inside the benchmark's JVM) and a real Apicurio Registry (child process), all on
# 127.0.0.1. 10 % of the nodes flap (Ready, sometimes DiskPressure) for 120 s; it reports how long from
# each change accepted by the API server to its NodeHealthChanged read from rm.health.events, and the
# CPU and memory the service takes. See BENCHMARKS.md for what each figure means. It builds what it runs
# first (tests skipped). A full run takes about 3 minutes after the build.
#
#   benchmarks/health-observation.sh                                  full run: 5,000 nodes, 500 flapping
#   BENCH_OPTS="-Dbench.smoke=true" benchmarks/health-observation.sh  a smoke run (500 nodes, 20 s of flapping)
#   BENCH_SKIP_BUILD=1 benchmarks/health-observation.sh               run what is already built
#
# BENCH_OPTS takes the bench.* system properties (smoke, nodes, flapPercent, flapMinSeconds,
# flapMaxSeconds, flapSeconds, heartbeatSeconds, settleSeconds, writers, timeoutSeconds, report, log,
# revision); JAVA_OPTS replaces the JVM options (default -Xms512m -Xmx1g). The results are printed at the
# end and written to health-service/target/benchmarks/health-observation.md (or bench.report, relative to
# health-service); the log is health-observation.log in the same directory.
set -euo pipefail

# shellcheck source=lib/run-main.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-main.sh"
run_benchmark_main health-service io.resourcemanager.health.benchmark.ObservationBenchmarkMain \
  src/test/java/io/resourcemanager/health/benchmark/logback-benchmark.xml "-Xms512m -Xmx1g"
