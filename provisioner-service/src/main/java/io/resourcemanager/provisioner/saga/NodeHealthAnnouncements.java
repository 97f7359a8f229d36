package io.resourcemanager.provisioner.saga;

import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.NodeHealthChanged;

/**
 * Carries the health service's judgement of nodes ({@code NodeHealthChanged} on {@code rm.health.events}) into
 * the inventory ({@code rm.nodes}), where an unhealthy node stops counting as capacity (SPEC §7).
 */
public interface NodeHealthAnnouncements {

    /**
     * The health service judged a node ({@code UNKNOWN}: no judgement, Ready alone decides again). The judgement is
     * remembered; when it changes the health {@code rm.nodes} last stated for a known node, the node's state is
     * published again with the new health. A node the inventory does not know is only remembered. Idempotent.
     *
     * @param changed the judgement
     * @param cause header of the event that carried it
     * @throws IllegalStateException when Kafka did not acknowledge the new state (the event is to be seen again)
     */
    void judged(NodeHealthChanged changed, EventHeader cause);
}
