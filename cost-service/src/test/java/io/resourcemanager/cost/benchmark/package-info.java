/**
 * A reproducible benchmark of the cost service's aggregation against a real broker and registry: how
 * many usage events a second the production topology prices, buffers and adds to the hour/day/month
 * rollups (checked to the micro-dollar), how long a usage event takes to show in a rollup a
 * {@code read_committed} consumer sees, and the memory and disk that a month of hourly windows takes.
 * Run it with {@code benchmarks/cost-aggregation.sh}; its figures go to {@code BENCHMARKS.md}. Nothing
 * here is a test: no class is picked up by surefire or failsafe.
 */
package io.resourcemanager.cost.benchmark;
