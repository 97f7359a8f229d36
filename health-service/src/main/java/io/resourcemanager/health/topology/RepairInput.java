package io.resourcemanager.health.topology;

import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.events.RepairLevel;
import java.time.Instant;

/** What the repair engine learns about one node, from the topics it follows. */
sealed interface RepairInput {

    /** The node the input is about. */
    String node();

    /** The health service observed the node (its judged health and symptoms). */
    record Observed(String node, NodeHealthChanged changed, Instant at) implements RepairInput {
    }

    /** The provisioner answered repair {@code repairId}. */
    record Answered(String node, String repairId, RepairLevel level, boolean succeeded) implements RepairInput {
    }

    /** The inventory knows the node in {@code pool}; a null pool means the node is gone. */
    record Member(String node, String pool) implements RepairInput {
    }

    /** A saga drains, provisions or removes the node on purpose ({@code deliberate}) or finished doing so. */
    record Deliberate(String node, boolean deliberate) implements RepairInput {
    }
}
