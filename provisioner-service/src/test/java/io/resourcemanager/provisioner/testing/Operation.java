package io.resourcemanager.provisioner.testing;

/** The calls of the infrastructure ports that a fake can be told to fail or crash after. */
public enum Operation {
    /** {@code Hypervisor.ensureCloned}. */
    CLONE,
    /** {@code Hypervisor.configure}. */
    CONFIGURE,
    /** {@code Hypervisor.start}. */
    START,
    /** {@code Hypervisor.reboot}. */
    REBOOT,
    /** {@code Hypervisor.shutdown}. */
    SHUTDOWN,
    /** {@code Hypervisor.delete}. */
    DELETE_VM,
    /** {@code Hypervisor.find} and {@code findByName}. */
    FIND_VM,
    /** {@code Hypervisor.managedVms}. */
    LIST_VMS,
    /** {@code ClusterNodes.workers}. */
    LIST_NODES,
    /** {@code ClusterNodes.find}. */
    FIND_NODE,
    /** {@code ClusterNodes.await}. */
    AWAIT_NODE,
    /** {@code ClusterNodes.label}. */
    LABEL,
    /** {@code ClusterNodes.relabel}. */
    RELABEL,
    /** {@code ClusterNodes.cordon}. */
    CORDON,
    /** {@code ClusterNodes.drain}. */
    DRAIN,
    /** {@code ClusterNodes.delete}. */
    DELETE_NODE,
    /** {@code ClusterMetrics.nodeUsage}. */
    NODE_USAGE,
    /** {@code ClusterMetrics.pendingPodsByPool}. */
    PENDING_PODS,
    /** {@code NodeAgent.restartKubelet}. */
    RESTART_KUBELET
}
