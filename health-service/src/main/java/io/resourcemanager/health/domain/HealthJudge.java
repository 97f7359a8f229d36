package io.resourcemanager.health.domain;

import java.util.Collection;
import java.util.Set;

/** Judges a node's health from its conditions. */
public final class HealthJudge {

    /** Conditions that are bad when True. */
    static final Set<String> PRESSURE_CONDITIONS =
            Set.of("MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable");

    private HealthJudge() {
    }

    /** UNHEALTHY unless Ready is True; DEGRADED if any pressure condition is True; else HEALTHY. */
    public static Health judge(Collection<Condition> conditions) {
        boolean ready = conditions.stream().anyMatch(c -> "Ready".equals(c.type()) && c.isTrue());
        if (!ready) {
            return Health.UNHEALTHY;
        }
        boolean pressured = conditions.stream().anyMatch(c -> PRESSURE_CONDITIONS.contains(c.type()) && c.isTrue());
        return pressured ? Health.DEGRADED : Health.HEALTHY;
    }
}
