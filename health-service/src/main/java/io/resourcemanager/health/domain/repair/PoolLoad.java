package io.resourcemanager.health.domain.repair;

/**
 * How busy repairs keep the node's pool and the cluster right now.
 *
 * @param pool the node's pool
 * @param poolSize nodes in the pool
 * @param repairingInPool nodes of the pool with a repair in flight
 * @param repairingEverywhere nodes of the cluster with a repair in flight
 */
public record PoolLoad(String pool, int poolSize, int repairingInPool, int repairingEverywhere) {
}
