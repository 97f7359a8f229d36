/**
 * A reproducible benchmark of the allocation ledger against a real broker and registry: loading,
 * sustained decisions per second, end-to-end latency under paced load, and restore after a restart
 * without local state. Run it with {@code benchmarks/allocation-ledger.sh}; its figures go to
 * {@code BENCHMARKS.md}. Nothing here is a test: no class is picked up by surefire or failsafe.
 */
package io.resourcemanager.allocation.benchmark;
