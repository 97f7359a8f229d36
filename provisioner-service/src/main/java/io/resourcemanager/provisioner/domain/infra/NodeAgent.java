package io.resourcemanager.provisioner.domain.infra;

/**
 * Operations inside a worker's operating system (Talos API). A deployment without a Talos endpoint
 * uses an agent that cannot act, and repairs fall back to a reboot through the hypervisor.
 */
public interface NodeAgent {

    /** Whether this agent can reach nodes at all. */
    boolean available();

    /** Restarts the kubelet service on the node. */
    void restartKubelet(String node);
}
