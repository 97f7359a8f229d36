package io.resourcemanager.provisioner.domain.autoscale;

import io.resourcemanager.provisioner.domain.ObservedNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the facts of each tick into the autoscaler's {@link PoolSnapshot}s and remembers, per pool,
 * since when demand and utilisation have been above their thresholds. The workers of a pool are those
 * the inventory knows, plus those being provisioned, minus those being removed. Not thread-safe: one
 * loop observes.
 */
public final class PoolObserver {

    private final AutoscaleSettings settings;
    private final Map<String, ConditionTracker> demand = new HashMap<>();
    private final Map<String, ConditionTracker> highUtilisation = new HashMap<>();

    public PoolObserver(AutoscaleSettings settings) {
        this.settings = settings;
    }

    /** The snapshot of {@code facts.pool()} at {@code now}; also records whether its triggers hold. */
    public PoolSnapshot observe(PoolFacts facts, Instant now) {
        String pool = facts.pool().name();
        PoolActivity activity = PoolActivity.of(pool, facts.sagas());
        List<ObservedNode> members = facts.knownWorkers().stream()
                .filter(worker -> worker.pool().equals(pool) && !activity.leaving().contains(worker.name()))
                .toList();
        PoolUsage usage = PoolUsage.of(members, facts.usage());
        boolean protectedPool = facts.pool().protectedPool();
        Instant demandSince = tracker(demand, pool).observe(facts.demand() >= settings.demandThreshold(), now);
        Instant highSince = tracker(highUtilisation, pool).observe(
                !usage.unknown() && settings.isHigh(usage.cpu(), usage.memory(), protectedPool), now);
        return new PoolSnapshot(pool, facts.pool().min(), facts.pool().max(),
                loads(members, activity.joining(), facts), demandSince, facts.demand(), highSince, usage.cpu(),
                usage.memory(), activity.lastScaleUp(), activity.lastScaleDown(),
                new PoolSnapshot.Restraints(protectedPool, activity.autoscaleProvisions(), usage.unknown(),
                        facts.scaleUpRefusal()));
    }

    private static List<PoolSnapshot.WorkerLoad> loads(List<ObservedNode> members, Set<String> joining,
                                                       PoolFacts facts) {
        List<PoolSnapshot.WorkerLoad> loads = new ArrayList<>();
        for (ObservedNode member : members) {
            loads.add(new PoolSnapshot.WorkerLoad(member.name(), PoolUsage.cpuOf(member, facts.usage()),
                    facts.nodesHoldingAllocations().contains(member.name()), joining.contains(member.name())));
        }
        joining.stream()
                .filter(name -> members.stream().noneMatch(member -> member.name().equals(name)))
                .sorted()
                .forEach(name -> loads.add(new PoolSnapshot.WorkerLoad(name, 0, false, true)));
        return loads;
    }

    private static ConditionTracker tracker(Map<String, ConditionTracker> trackers, String pool) {
        return trackers.computeIfAbsent(pool, name -> new ConditionTracker());
    }
}
