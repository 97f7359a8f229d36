package io.resourcemanager.cost.domain.metering;

import java.time.Instant;

/**
 * A worker node that costs its template's price by the hour while it runs.
 *
 * @param allocatableCpuMillis what allocations can hold on it: the idle share is what they do not
 * @param startedAt when it joined
 * @param chargedUntil how far its cost has been charged
 */
public record RunningNode(String name, String pool, String template, boolean spot, long allocatableCpuMillis,
                          Instant startedAt, Instant chargedUntil) {

    public RunningNode chargedUntil(Instant until) {
        return new RunningNode(name, pool, template, spot, allocatableCpuMillis, startedAt, until);
    }
}
