/**
 * A reproducible benchmark of the TTL service's expiry against a real broker and registry: how late
 * {@code TtlExpired} is for deadlines that fall due while 100,000 countdowns are live, what each
 * wall-clock punctuation costs (with nothing due and when firing), and the memory and disk the state
 * takes. Run it with {@code benchmarks/ttl-expiry.sh}; its figures go to {@code BENCHMARKS.md}.
 * Nothing here is a test: no class is picked up by surefire or failsafe.
 */
package io.resourcemanager.ttl.benchmark;
