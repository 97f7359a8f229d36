/**
 * A reproducible benchmark of the provisioner's orchestration overhead against a real broker and
 * registry and the infrastructure simulator: the time from a scale request to {@code NodeJoined} less
 * the latencies the simulator injected, for bursts of workers, and the autoscaler's scale-up decision
 * latency. Run it with {@code benchmarks/provisioner-orchestration.sh}; its figures go to
 * {@code BENCHMARKS.md}. Nothing here is a test: no class is picked up by surefire or failsafe.
 */
package io.resourcemanager.provisioner.benchmark;
