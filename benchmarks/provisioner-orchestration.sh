#!/usr/bin/env bash
# Benchmarks the provisioner's orchestration overhead: the time from a scale request to NodeJoined less
# the latencies the infrastructure simulator injected, for 1, 20 and 100 workers at once, and the
# autoscaler's scale-up decision latency. A real Kafka broker (KRaft, inside the benchmark's JVM), a real
# Apicurio Registry (child process), the simulator and the provisioner service all run on 127.0.0.1.
# See BENCHMARKS.md for what each figure means. It builds what it runs first (tests skipped).
#
#   benchmarks/provisioner-orchestration.sh                    full run: rounds of 1, 20 and 100 workers
#   BENCH_OPTS="-Dbench.rounds=1,5 -Dbench.decisions=2" \
#     benchmarks/provisioner-orchestration.sh                  a quick smoke run
#   BENCH_OPTS="-Dbench.taskPollInterval=100ms" benchmarks/provisioner-orchestration.sh
#                                                              the same with the service's Proxmox task polling at 100 ms
#   BENCH_SKIP_BUILD=1 benchmarks/provisioner-orchestration.sh run what is already built
#
# BENCH_OPTS takes the bench.* system properties (rounds, minSamples, cloneMillis, bootMillis, timeScale,
# taskPollInterval, decisions, demandForSeconds, timeoutSeconds, report, log, logLevel); JAVA_OPTS
# replaces the JVM options (default -Xms1g -Xmx2g). The results are printed at the end and written to
# provisioner-service/target/benchmarks/provisioner-orchestration.md (or bench.report, relative to
# provisioner-service); the log is provisioner-orchestration.log in the same directory.
set -euo pipefail

# shellcheck source=lib/run-main.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-main.sh"
run_benchmark_main provisioner-service io.resourcemanager.provisioner.benchmark.OrchestrationBenchmarkMain \
  src/test/java/io/resourcemanager/provisioner/benchmark/logback-benchmark.xml "-Xms1g -Xmx2g"
