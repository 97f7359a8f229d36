package io.resourcemanager.provisioner.testing;

import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.infra.NodeAgent;
import java.util.EnumSet;
import java.util.List;

/**
 * A Talos endpoint over a {@link FakeClusterNodes}: restarting the kubelet of a node whose VM runs
 * brings a failed kubelet back ({@link FakeClusterNodes#kubeletFails}). Without an endpoint
 * ({@link #unavailable}) it can do nothing, as in a deployment without Talos. Restarts are recorded
 * as {@code "restart kubelet burst-abc"}.
 */
public final class FakeNodeAgent implements NodeAgent {

    private final FakeClusterNodes cluster;
    private final boolean available;
    private final Faults faults;

    /** An agent that reaches the nodes of {@code cluster}. */
    public FakeNodeAgent(FakeClusterNodes cluster) {
        this(cluster, true);
    }

    private FakeNodeAgent(FakeClusterNodes cluster, boolean available) {
        this.cluster = cluster;
        this.available = available;
        this.faults = new Faults(EnumSet.of(Operation.RESTART_KUBELET), cluster.timeline());
    }

    /** An agent of a deployment without a Talos endpoint. */
    public static FakeNodeAgent unavailable(FakeClusterNodes cluster) {
        return new FakeNodeAgent(cluster, false);
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public void restartKubelet(String node) {
        String call = "restart kubelet " + node;
        faults.before(Operation.RESTART_KUBELET, call, true);
        if (!available) {
            throw new InfraException.Permanent(call + ": no Talos endpoint configured");
        }
        if (!cluster.kubeletRestarted(node)) {
            throw new InfraException.Retriable(call + ": node " + node + " unreachable");
        }
        faults.after(Operation.RESTART_KUBELET, call);
    }

    /** The next {@code times} restarts fail with {@code fault}, changing nothing. */
    public void failNext(int times, Fault fault) {
        faults.failNext(Operation.RESTART_KUBELET, times, fault);
    }

    /** The next restart takes effect, then the caller crashes with {@link SimulatedCrash}. */
    public void crashAfterRestart() {
        faults.crashAfter(Operation.RESTART_KUBELET);
    }

    /** The restarts asked for, in order. */
    public List<String> calls() {
        return faults.calls();
    }
}
