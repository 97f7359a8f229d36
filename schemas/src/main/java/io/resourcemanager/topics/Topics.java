package io.resourcemanager.topics;

import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.events.CostAlertEnvelope;
import io.resourcemanager.events.CostRollup;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeActivity;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.events.ProvisioningCommandEnvelope;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.UsageEventEnvelope;
import io.resourcemanager.state.WorkerSaga;
import java.util.ArrayList;
import java.util.List;

/**
 * The topic catalogue: every topic the system reads or writes. Services refer to these constants,
 * never to topic names as strings. Each event topic has a dead-letter twin ({@link Topic#deadLetter()}).
 */
public final class Topics {

    /** AllocationRequested, ReleaseRequested, ExtensionRequested, AllocationExpiryRequested, AllocationDeadlineExtended; keyed by capacity domain. */
    public static final Topic<AllocationRequestEnvelope> ALLOCATION_REQUESTS = new Topic<>(
            "rm.allocation.requests", AllocationRequestEnvelope.class, 3, CleanupPolicy.DELETE, "capacity domain (cluster)");
    /** Outcomes of allocation requests; keyed by allocation id. */
    public static final Topic<AllocationEventEnvelope> ALLOCATION_EVENTS = new Topic<>(
            "rm.allocation.events", AllocationEventEnvelope.class, 3, CleanupPolicy.DELETE, "allocation id");
    /** Current state of every allocation; keyed by allocation id. */
    public static final Topic<AllocationState> ALLOCATIONS = new Topic<>(
            "rm.allocations", AllocationState.class, 3, CleanupPolicy.COMPACT, "allocation id");
    /** ProvisionWorkers, DecommissionWorker, RepairNode; keyed by pool. */
    public static final Topic<ProvisioningCommandEnvelope> PROVISIONING_COMMANDS = new Topic<>(
            "rm.provisioning.commands", ProvisioningCommandEnvelope.class, 3, CleanupPolicy.DELETE, "pool");
    /** Steps of provisioning and decommissioning sagas; keyed by worker. */
    public static final Topic<ProvisioningEventEnvelope> PROVISIONING_EVENTS = new Topic<>(
            "rm.provisioning.events", ProvisioningEventEnvelope.class, 3, CleanupPolicy.DELETE, "worker");
    /** Where each worker's provisioning, decommissioning or repair stands (the provisioner's durable saga state); keyed by saga id. */
    public static final Topic<WorkerSaga> PROVISIONING_SAGAS = new Topic<>(
            "rm.provisioning.sagas", WorkerSaga.class, 3, CleanupPolicy.COMPACT, "saga id");
    /** Current state of every worker node; keyed by node name. */
    public static final Topic<NodeState> NODES = new Topic<>(
            "rm.nodes", NodeState.class, 3, CleanupPolicy.COMPACT, "node");
    /** Samples of how busy each temporary worker is (CPU, workload pods), for idle detection; keyed by node. */
    public static final Topic<NodeActivity> NODE_ACTIVITY = new Topic<>(
            "rm.node.activity", NodeActivity.class, 3, CleanupPolicy.DELETE, "node");
    /** TtlWarning, TtlExpired, TtlExtended, TtlExtensionRefused; keyed by subject id. */
    public static final Topic<TtlEventEnvelope> TTL_EVENTS = new Topic<>(
            "rm.ttl.events", TtlEventEnvelope.class, 3, CleanupPolicy.DELETE, "subject id");
    /** NodeHealthChanged, RepairNeeded, RepairCompleted, RepairFailed; keyed by node. */
    public static final Topic<HealthEventEnvelope> HEALTH_EVENTS = new Topic<>(
            "rm.health.events", HealthEventEnvelope.class, 3, CleanupPolicy.DELETE, "node");
    /** UsageRecorded, open to outside producers; keyed by dimension. */
    public static final Topic<UsageEventEnvelope> COST_USAGE = new Topic<>(
            "rm.cost.usage", UsageEventEnvelope.class, 3, CleanupPolicy.DELETE, "dimension");
    /** Windowed cost per dimension; keyed by dimension and window start. */
    public static final Topic<CostRollup> COST_ROLLUPS = new Topic<>(
            "rm.cost.rollups", CostRollup.class, 3, CleanupPolicy.COMPACT, "dimension + window");
    /** BudgetThresholdCrossed, CostAnomalyDetected; keyed by budget. */
    public static final Topic<CostAlertEnvelope> COST_ALERTS = new Topic<>(
            "rm.cost.alerts", CostAlertEnvelope.class, 3, CleanupPolicy.DELETE, "budget");
    /** Budgets with enforcement that reached 100% in their period; a tombstone lifts one. Keyed by budget. */
    public static final Topic<BudgetEnforcement> COST_ENFORCEMENTS = new Topic<>(
            "rm.cost.enforcements", BudgetEnforcement.class, 3, CleanupPolicy.COMPACT, "budget");

    private static final List<Topic<?>> PRIMARY = List.of(
            ALLOCATION_REQUESTS, ALLOCATION_EVENTS, ALLOCATIONS,
            PROVISIONING_COMMANDS, PROVISIONING_EVENTS, PROVISIONING_SAGAS, NODES,
            NODE_ACTIVITY, TTL_EVENTS, HEALTH_EVENTS,
            COST_USAGE, COST_ROLLUPS, COST_ALERTS, COST_ENFORCEMENTS);

    private Topics() {
    }

    /** The topics that carry Avro values, in catalogue order. */
    public static List<Topic<?>> primary() {
        return PRIMARY;
    }

    /** Every topic, the dead-letter twins included: what a deployment must create. */
    public static List<Topic<?>> all() {
        List<Topic<?>> all = new ArrayList<>(PRIMARY);
        PRIMARY.forEach(topic -> all.add(topic.deadLetter()));
        return List.copyOf(all);
    }

    /** The catalogue entry with this name, dead-letter topics included. */
    public static Topic<?> byName(String name) {
        return all().stream()
                .filter(topic -> topic.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not in the topic catalogue: " + name));
    }
}
