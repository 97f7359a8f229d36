package io.resourcemanager.provisioner.autoscale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.resourcemanager.provisioner.domain.autoscale.PoolSnapshot;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The autoscaler's meters: decisions carried out per pool and direction ({@value #DECISIONS}, tags
 * {@code pool}, {@code direction} = {@code up} or {@code down}), and per pool as of the last tick its
 * demand ({@value #DEMAND}), its workers counting those on their way ({@value #WORKERS}) and its
 * utilisation ({@value #UTILISATION}, tag {@code resource} = {@code cpu} or {@code memory}).
 */
final class AutoscaleMeters {

    static final String DECISIONS = "rm.provisioner.autoscale.decisions";
    static final String DEMAND = "rm.provisioner.autoscale.demand";
    static final String WORKERS = "rm.provisioner.autoscale.workers";
    static final String UTILISATION = "rm.provisioner.autoscale.utilisation";
    private static final String UTILISATION_DESCRIPTION = "Share of the pool's allocatable resources in use";

    private final MeterRegistry registry;
    private final Map<String, PoolGauges> pools = new ConcurrentHashMap<>();

    /** Latest values of one pool; the map holds them, so the gauges' weak references stay valid. */
    private static final class PoolGauges {
        private volatile double demand;
        private volatile double workers;
        private volatile double cpu;
        private volatile double memory;
    }

    AutoscaleMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Updates the gauges of the snapshot's pool. */
    void record(PoolSnapshot snapshot) {
        PoolGauges gauges = pools.computeIfAbsent(snapshot.pool(), this::register);
        gauges.demand = snapshot.demand();
        gauges.workers = snapshot.workers().size();
        gauges.cpu = snapshot.cpuUtilisation();
        gauges.memory = snapshot.memoryUtilisation();
    }

    /** Counts a decision carried out. */
    void decided(String pool, String direction) {
        Counter.builder(DECISIONS).description("Autoscaler decisions carried out, by pool and direction")
                .tag("pool", pool).tag("direction", direction).register(registry).increment();
    }

    private PoolGauges register(String pool) {
        PoolGauges gauges = new PoolGauges();
        Gauge.builder(DEMAND, gauges, g -> g.demand)
                .description("Queued allocations and pending pods counting as demand")
                .tag("pool", pool).register(registry);
        Gauge.builder(WORKERS, gauges, g -> g.workers).description("Workers of the pool, those on their way included")
                .tag("pool", pool).register(registry);
        Gauge.builder(UTILISATION, gauges, g -> g.cpu).description(UTILISATION_DESCRIPTION)
                .tag("pool", pool).tag("resource", "cpu").register(registry);
        Gauge.builder(UTILISATION, gauges, g -> g.memory).description(UTILISATION_DESCRIPTION)
                .tag("pool", pool).tag("resource", "memory").register(registry);
        return gauges;
    }
}
