/**
 * A reproducible benchmark of the health service's observation path against a real broker and registry
 * and a Kubernetes API server (fabric8's mock server in CRUD mode): with thousands of worker nodes of
 * which a share flaps, how long from a condition change accepted by the API server to the
 * {@code NodeHealthChanged} a consumer reads, and what CPU and memory the service takes. Run it with
 * {@code benchmarks/health-observation.sh}; its figures go to {@code BENCHMARKS.md}. Nothing here is a
 * test: no class is picked up by surefire or failsafe.
 */
package io.resourcemanager.health.benchmark;
