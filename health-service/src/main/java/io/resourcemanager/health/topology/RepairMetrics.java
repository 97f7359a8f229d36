package io.resourcemanager.health.topology;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.resourcemanager.events.RepairLevel;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Meters of the repair engine: unhealthy nodes per pool, repairs by level and outcome, give-ups. */
final class RepairMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> unhealthy = new ConcurrentHashMap<>();

    RepairMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void repair(RepairLevel level, String outcome) {
        registry.counter("rm.health.repairs", "level", level.name().toLowerCase(Locale.ROOT), "outcome", outcome)
                .increment();
    }

    void gaveUp(String pool) {
        registry.counter("rm.health.auto_repair_failure", "pool", pool == null ? "-" : pool).increment();
    }

    /** Sets the unhealthy count of every pool (pools not listed have none). */
    void unhealthy(Map<String, Integer> byPool) {
        unhealthy.forEach((pool, count) -> count.set(byPool.getOrDefault(pool, 0)));
        byPool.forEach((pool, count) -> unhealthy.computeIfAbsent(pool, name -> {
            AtomicInteger gauge = new AtomicInteger();
            Gauge.builder("rm.health.unhealthy.nodes", gauge, AtomicInteger::get)
                    .description("Nodes of the pool that are not healthy").tag("pool", name).register(registry);
            return gauge;
        }).set(count));
    }
}
