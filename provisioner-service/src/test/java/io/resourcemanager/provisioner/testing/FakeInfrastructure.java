package io.resourcemanager.provisioner.testing;

import java.util.List;

/**
 * The four fakes wired like the real world: VMs of {@link #hypervisor()} register as nodes of
 * {@link #nodes()}, and {@link #agent()} reaches those nodes. {@link #timeline()} lists the calls of
 * all of them in the order they arrived, to check the order of steps across systems.
 */
public final class FakeInfrastructure {

    private final FakeClusterNodes nodes = new FakeClusterNodes();
    private final FakeHypervisor hypervisor = new FakeHypervisor(nodes);
    private final FakeClusterMetrics metrics = new FakeClusterMetrics();
    private final FakeNodeAgent agent = new FakeNodeAgent(nodes);

    public FakeHypervisor hypervisor() {
        return hypervisor;
    }

    public FakeClusterNodes nodes() {
        return nodes;
    }

    public FakeClusterMetrics metrics() {
        return metrics;
    }

    public FakeNodeAgent agent() {
        return agent;
    }

    /** Every recorded call of the hypervisor, the cluster and the agent, in order. */
    public List<String> timeline() {
        return nodes.timeline().entries();
    }
}
