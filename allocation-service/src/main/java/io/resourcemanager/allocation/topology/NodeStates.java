package io.resourcemanager.allocation.topology;

import io.resourcemanager.allocation.domain.NodeCapacity;
import io.resourcemanager.allocation.domain.Resources;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeState;

/** Maps node state events to the domain's view of a node. */
public final class NodeStates {

    private NodeStates() {
    }

    /** The capacity a node offers; a node the health service marked unhealthy offers none. */
    public static NodeCapacity toCapacity(NodeState state) {
        return new NodeCapacity(
                state.getNode(),
                state.getPool(),
                state.getTemplate(),
                new Resources(state.getAllocatable().getCpuMillis(), state.getAllocatable().getMemoryMb(),
                        state.getAllocatable().getGpu()),
                state.getReady(),
                state.getSchedulable(),
                state.getHealth() != NodeHealth.UNHEALTHY);
    }
}
