#!/usr/bin/env bash
# Benchmarks the cost service's aggregation (CostTopology: usage priced, buffered per dimensions and hour,
# flushed every second into the hour/day/month rollups on rm.cost.rollups, exactly-once) against a real
# Kafka broker (KRaft, inside the benchmark's JVM) and a real Apicurio Registry (child process), both on
# 127.0.0.1: how many token usage events a second it aggregates from a backlog of 300,000 (12 divisions,
# 200 projects, 50 agents, 3 models, 10,000 jobs), checked to the micro-dollar against the organisation's
# DAY rollup; the lag from sending a usage event to a read_committed consumer seeing a job rollup that
# includes it, at 1,000 events/s for 60 s; and the heap, RSS, RocksDB memory, state directory and
# changelogs with 30 days of hourly windows for 500 jobs (one event per job and hour, 360,000 events),
# extrapolated to 10,000 jobs (-Dbench.memoryJobs=10000 measures those: about 8 minutes). See
# BENCHMARKS.md for what each figure means. It builds what it
# runs first (tests skipped). A full run takes about 6 to 7 minutes after the build.
#
#   benchmarks/cost-aggregation.sh                                  full run
#   BENCH_OPTS="-Dbench.smoke=true" benchmarks/cost-aggregation.sh  a smoke run of about a minute
#   BENCH_SKIP_BUILD=1 benchmarks/cost-aggregation.sh               run what is already built
#
# BENCH_OPTS takes the bench.* system properties (smoke, events, jobs, lagRate, lagSeconds, memoryJobs,
# memoryDays, settleSeconds, timeoutSeconds, threads, commitMs, report, log, revision); JAVA_OPTS
# replaces the JVM options (default -Xms512m -Xmx1536m). The results are printed at the end and written to
# cost-service/target/benchmarks/cost-aggregation.md (or bench.report, relative to cost-service); the log
# is cost-aggregation.log in the same directory.
set -euo pipefail

# shellcheck source=lib/run-main.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-main.sh"
run_benchmark_main cost-service io.resourcemanager.cost.benchmark.CostAggregationBenchmarkMain \
  src/test/java/io/resourcemanager/cost/benchmark/logback-benchmark.xml "-Xms512m -Xmx1536m"
