package io.resourcemanager.provisioner.reconcile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.resourcemanager.events.ReconcileActionTaken;
import io.resourcemanager.provisioner.domain.infra.ClusterNodes;
import io.resourcemanager.provisioner.domain.infra.Hypervisor;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction;
import io.resourcemanager.provisioner.domain.reconcile.ReconcilePlan;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileSnapshot;
import io.resourcemanager.provisioner.domain.reconcile.Reconciler;
import io.resourcemanager.provisioner.domain.reconcile.Suspicion;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reconciles periodically (SPEC §4): reads the VMs tagged as ours, the cluster's nodes, the inventory
 * and the workers sagas are busy with; lets the {@link Reconciler} decide; carries out each action and
 * reports it as {@code ReconcileActionTaken} on {@code rm.provisioning.events}.
 *
 * <p>A failed action is logged and does not hold up the others; as its discrepancy persists, the next
 * run plans it again. The suspicions carried from one run to the next live in memory only: after a
 * restart every discrepancy counts as first seen, which delays its action by one run (and by one orphan
 * grace where a grace applies) but never brings one forward.
 *
 * <p>Counts actions in {@value #ACTIONS_METER}, tagged {@code action} (the event's kind, in lower case)
 * and {@code outcome}: {@code done}, {@code skipped} (no longer due when re-checked), {@code failed} or
 * {@code unreported} (carried out, but its event could not be published). The loop exists only where
 * a hypervisor and a cluster adapter do.
 */
@Singleton
@Requires(beans = {Hypervisor.class, ClusterNodes.class})
public final class ReconcileLoop {

    /** Name of the counter of actions. */
    public static final String ACTIONS_METER = "rm.provisioner.reconcile.actions";

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);

    private final SnapshotReader reader;
    private final ActionRunner runner;
    private final ReconcileEvents events;
    private final ReconcileProperties properties;
    private final Reconciler reconciler;
    private final MeterRegistry meters;
    private final Clock clock;
    private Map<String, Suspicion> suspicions = Map.of();

    ReconcileLoop(SnapshotReader reader, ActionRunner runner, ReconcileEvents events, ReconcileProperties properties,
                  MeterRegistry meters, Clock clock) {
        this.reader = reader;
        this.runner = runner;
        this.events = events;
        this.properties = properties;
        this.reconciler = new Reconciler(properties.settings());
        this.meters = meters;
        this.clock = clock;
    }

    /** One run, unless disabled: read, decide, act. Skipped as a whole when the snapshot cannot be read. */
    @Scheduled(fixedDelay = "${rm.provisioner.reconcile.interval:60s}",
            initialDelay = "${rm.provisioner.reconcile.interval:60s}")
    public synchronized void run() {
        if (!properties.enabled()) {
            return;
        }
        ReconcileSnapshot snapshot;
        try {
            snapshot = reader.read(suspicions);
        } catch (InfraException e) {
            LOG.warn("Skipping reconcile run, the snapshot could not be read: {}", e.getMessage());
            return;
        }
        ReconcilePlan plan = reconciler.plan(snapshot, clock.instant());
        Map<String, Suspicion> next = new HashMap<>(plan.suspicions());
        for (ReconcileAction action : plan.actions()) {
            if (!act(action)) {
                reopen(next, action.name());
            }
        }
        suspicions = Map.copyOf(next);
    }

    /** Carries out and reports one action; false when it failed or could not be reported. */
    private boolean act(ReconcileAction action) {
        ReconcileActionTaken event = ActionEvents.of(action);
        String kind = event.getAction().name().toLowerCase(Locale.ROOT);
        MDC.put("node", action.name());
        MDC.put("pool", String.valueOf(event.getPool()));
        try {
            if (!runner.carryOut(action)) {
                count(kind, "skipped");
                return true;
            }
            if (action instanceof ReconcileAction.FlagNode) {
                LOG.warn("Flagged {}: {}", action.name(), action.reason());
            } else {
                LOG.info("Reconcile {} on {}: {}", kind, action.name(), action.reason());
            }
        } catch (InfraException e) {
            LOG.warn("Reconcile {} on {} failed, to be retried on the next run: {}", kind, action.name(),
                    e.getMessage());
            return failed(kind);
        } catch (RuntimeException e) {
            LOG.error("Reconcile {} on {} failed, to be retried on the next run", kind, action.name(), e);
            return failed(kind);
        } finally {
            MDC.remove("node");
            MDC.remove("pool");
        }
        return report(event, kind);
    }

    private boolean report(ReconcileActionTaken event, String kind) {
        try {
            events.publish(event);
            count(kind, "done");
            return true;
        } catch (RuntimeException e) {
            LOG.error("Reconcile {} on {} was carried out but could not be reported", kind, event.getWorker(), e);
            count(kind, "unreported");
            return false;
        }
    }

    private boolean failed(String kind) {
        count(kind, "failed");
        return false;
    }

    /** A failed or unreported action's suspicion counts as not yet reported, so that a flag is raised again. */
    private static void reopen(Map<String, Suspicion> suspicions, String name) {
        Suspicion suspicion = suspicions.get(name);
        if (suspicion != null && suspicion.reported()) {
            suspicions.put(name, new Suspicion(suspicion.kind(), suspicion.since(), false));
        }
    }

    private void count(String kind, String outcome) {
        Counter.builder(ACTIONS_METER)
                .description("Reconcile actions by kind and outcome")
                .tag("action", kind)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
