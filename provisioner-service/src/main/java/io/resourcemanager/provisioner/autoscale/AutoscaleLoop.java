package io.resourcemanager.provisioner.autoscale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import io.resourcemanager.provisioner.budget.EnforcedPools;
import io.resourcemanager.provisioner.config.PoolCatalog;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.autoscale.Autoscaler;
import io.resourcemanager.provisioner.domain.autoscale.PoolFacts;
import io.resourcemanager.provisioner.domain.autoscale.PoolObserver;
import io.resourcemanager.provisioner.domain.autoscale.PoolSnapshot;
import io.resourcemanager.provisioner.domain.autoscale.ScaleCommandIds;
import io.resourcemanager.provisioner.domain.autoscale.ScalePlan;
import io.resourcemanager.provisioner.domain.infra.ClusterMetrics;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.provisioner.saga.SagaStore;
import io.resourcemanager.provisioner.saga.WorkerDirectory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The autoscaler at work (SPEC §5). Every tick, for every pool: gathers the inventory's workers, the
 * sagas, cached cluster metrics and the queued demand into a {@link PoolSnapshot} (through
 * {@link PoolObserver}), lets the {@link Autoscaler} decide, and carries the plan out as commands to the
 * provisioner's own work intake: one {@code ProvisionWorkers} with the pool's default template, or one
 * unforced {@code DecommissionWorker} per node.
 *
 * <p>A command takes a moment to become a saga. Until a saga of a command sent for a pool shows up in the
 * saga store (or {@code command-timeout} passed), the pool is not decided again; from then on the sagas
 * themselves count: workers being provisioned are workers, those being removed are not, and the pool's
 * last provisioning and decommissioning set its cooldowns, across restarts. Nothing is decided until the
 * allocation view has caught up with Kafka, so that no node holding allocations is ever taken for idle,
 * nor before the budget enforcements have been read: a pool an enforced budget names does not grow.
 */
@Singleton
public final class AutoscaleLoop {

    private static final Logger LOG = LoggerFactory.getLogger(AutoscaleLoop.class);
    private static final String REASON_PREFIX = "autoscale: ";

    private final List<AutoscaledPool> pools;
    private final WorkerDirectory workers;
    private final Supplier<List<WorkerSaga>> sagas;
    private final CachedMetrics metrics;
    private final AllocationDemand demand;
    private final ScaleCommands commands;
    private final AutoscaleProperties properties;
    private final AutoscaleMeters meters;
    private final EnforcedPools budgets;
    private final Clock clock;
    private final PoolObserver observer;
    private final Autoscaler autoscaler;
    private final Map<String, Sent> awaiting = new HashMap<>();
    private final Map<String, String> lastNote = new HashMap<>();
    private boolean waitingNoted;

    /** Commands sent for a pool whose sagas have not shown up yet. */
    private record Sent(Set<String> commandIds, Instant at) {
    }

    @Inject
    AutoscaleLoop(PoolCatalog catalog, WorkerDirectory workers, SagaStore sagas, ClusterMetrics metrics,
                  AllocationDemand demand, ScaleCommands commands, AutoscaleProperties properties,
                  MeterRegistry meters, EnforcedPools budgets, Clock clock) {
        this(AutoscaledPool.from(catalog), workers, sagas::all, metrics, demand, commands, properties, meters, budgets,
                clock);
    }

    AutoscaleLoop(List<AutoscaledPool> pools, WorkerDirectory workers, Supplier<List<WorkerSaga>> sagas,
                  ClusterMetrics metrics, AllocationDemand demand, ScaleCommands commands,
                  AutoscaleProperties properties, MeterRegistry meters, EnforcedPools budgets, Clock clock) {
        this.pools = List.copyOf(pools);
        this.workers = workers;
        this.sagas = sagas;
        this.metrics = new CachedMetrics(metrics, properties.metricsRefresh(), clock);
        this.demand = demand;
        this.commands = commands;
        this.properties = properties;
        this.meters = new AutoscaleMeters(meters);
        this.budgets = budgets;
        this.clock = clock;
        this.observer = new PoolObserver(properties.settings());
        this.autoscaler = new Autoscaler(properties.settings());
        Gauge.builder("rm.provisioner.autoscale.quota.blocked", demand, AllocationDemand::quotaBlockedCount)
                .description("Queued allocations a quota blocks: not demand").register(meters);
    }

    /** One tick, unless disabled or the allocation view is not ready: observe, decide, act, pool by pool. */
    @Scheduled(fixedDelay = "${rm.provisioner.autoscale.interval:1s}",
            initialDelay = "${rm.provisioner.autoscale.interval:1s}")
    public synchronized void tick() {
        if (!properties.enabled()) {
            return;
        }
        if (!demand.ready() || !budgets.ready()) {
            if (!waitingNoted) {
                LOG.info("Autoscaler waits for the allocation view and the budget enforcements to catch up");
                waitingNoted = true;
            }
            return;
        }
        Instant now = clock.instant();
        List<ObservedNode> known = workers.knownWorkers();
        List<WorkerSaga> allSagas = List.copyOf(sagas.get());
        CachedMetrics.Readings readings = metrics.current();
        Map<String, Integer> queued = demand.queuedByPool();
        Set<String> holding = demand.nodesHoldingAllocations();
        for (AutoscaledPool pool : pools) {
            MDC.put("pool", pool.name());
            try {
                PoolFacts facts = new PoolFacts(pool.spec(), known, allSagas, readings.usage(),
                        queued.getOrDefault(pool.name(), 0), pendingPods(pool.name(), readings), holding,
                        budgets.refusal(pool.name()).orElse(null));
                decide(pool, observer.observe(facts, now), allSagas, now);
            } catch (RuntimeException e) {
                LOG.warn("Autoscaling pool {} failed this tick: {}", pool.name(), e.getMessage(), e);
            } finally {
                MDC.remove("pool");
            }
        }
    }

    private int pendingPods(String pool, CachedMetrics.Readings readings) {
        int named = readings.pendingPods().getOrDefault(pool, 0);
        return pool.equals(properties.defaultPool()) ? named + readings.pendingPods().getOrDefault("", 0) : named;
    }

    private void decide(AutoscaledPool pool, PoolSnapshot snapshot, List<WorkerSaga> allSagas, Instant now) {
        meters.record(snapshot);
        if (awaitingSagas(pool.name(), allSagas, now)) {
            return;
        }
        ScalePlan plan = autoscaler.plan(snapshot, now);
        if (plan instanceof ScalePlan.ScaleUp up) {
            scaleUp(pool, snapshot, up, now);
        } else if (plan instanceof ScalePlan.ScaleDown down) {
            scaleDown(pool.name(), snapshot, down, now);
        } else if (plan instanceof ScalePlan.Refused refused) {
            // Noted by the refusal alone: the load behind the wanted scale-up changes from tick to tick.
            if (!refused.refusal().equals(lastNote.put(pool.name(), refused.refusal()))) {
                LOG.info("Pool {} would grow by {} ({}), but scale-up is refused: {}", pool.name(),
                        refused.wanted().count(), refused.wanted().reason(), refused.refusal());
            }
        } else if (plan instanceof ScalePlan.Hold hold) {
            String previous = lastNote.put(pool.name(), hold.reason());
            if (!hold.reason().equals(previous)) {
                LOG.debug("Pool {} holds: {}", pool.name(), hold.reason());
            }
        }
    }

    /** Whether commands sent for the pool still wait for their sagas; forgets them once seen or too old. */
    private boolean awaitingSagas(String pool, List<WorkerSaga> allSagas, Instant now) {
        Sent sent = awaiting.get(pool);
        if (sent == null) {
            return false;
        }
        boolean started = allSagas.stream().anyMatch(saga -> sent.commandIds().contains(saga.commandId()));
        if (started || !now.isBefore(sent.at().plus(properties.commandTimeout()))) {
            if (!started) {
                LOG.warn("No saga started for commands {} of pool {} within {}; deciding afresh", sent.commandIds(),
                        pool, properties.commandTimeout());
            }
            awaiting.remove(pool);
            return false;
        }
        return true;
    }

    private void scaleUp(AutoscaledPool pool, PoolSnapshot snapshot, ScalePlan.ScaleUp up, Instant now) {
        if (pool.template() == null) {
            String note = "cannot grow (" + up.reason() + "): the pool has no default template";
            if (!note.equals(lastNote.put(pool.name(), note))) {
                LOG.warn("Pool {} {}", pool.name(), note);
            }
            return;
        }
        String commandId = ScaleCommandIds.scaleUp(pool.name(), snapshot.lastScaleUp());
        try {
            commands.provision(commandId, pool.name(), pool.template(), up.count(), null, REASON_PREFIX + up.reason());
        } catch (RuntimeException e) {
            LOG.warn("Could not ask for {} more workers in pool {}, trying again next tick: {}", up.count(),
                    pool.name(), e.getMessage());
            return;
        }
        awaiting.put(pool.name(), new Sent(Set.of(commandId), now));
        lastNote.remove(pool.name());
        meters.decided(pool.name(), "up");
        LOG.info("Pool {} grows by {} {} workers ({} now): {} [command {}]", pool.name(), up.count(), pool.template(),
                snapshot.workers().size(), up.reason(), commandId);
    }

    private void scaleDown(String pool, PoolSnapshot snapshot, ScalePlan.ScaleDown down, Instant now) {
        Set<String> sent = new LinkedHashSet<>();
        for (String node : down.nodes()) {
            String commandId = ScaleCommandIds.scaleDown(pool, node, snapshot.lastScaleDown());
            MDC.put("node", node);
            try {
                commands.decommission(commandId, pool, node, REASON_PREFIX + down.reason());
                sent.add(commandId);
                LOG.info("Pool {} shrinks: removing {} ({}) [command {}]", pool, node, down.reason(), commandId);
            } catch (RuntimeException e) {
                LOG.warn("Could not ask for the removal of {} from pool {}: {}", node, pool, e.getMessage());
            } finally {
                MDC.remove("node");
            }
        }
        if (!sent.isEmpty()) {
            awaiting.put(pool, new Sent(Set.copyOf(sent), now));
            lastNote.remove(pool);
            meters.decided(pool, "down");
        }
    }
}
