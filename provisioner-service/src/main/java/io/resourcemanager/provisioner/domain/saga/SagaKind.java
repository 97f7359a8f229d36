package io.resourcemanager.provisioner.domain.saga;

import java.util.List;

/** What a saga does to one worker, and the steps it takes to do it. */
public enum SagaKind {

    /** Clone, configure, start, boot, join, label: a new worker. */
    PROVISION(List.of(SagaStep.CLONE, SagaStep.CONFIGURE, SagaStep.START, SagaStep.BOOT, SagaStep.JOIN, SagaStep.LABEL)),
    /** Cordon, drain, delete the node, shut down and delete the VM: a worker gone. */
    DECOMMISSION(List.of(SagaStep.CORDON, SagaStep.DRAIN, SagaStep.DELETE_NODE, SagaStep.SHUTDOWN, SagaStep.DELETE_VM)),
    /** Cordon and drain, leaving the worker in place (operator maintenance). */
    DRAIN(List.of(SagaStep.CORDON, SagaStep.DRAIN)),
    /** Reboot through the hypervisor and wait for the node to be Ready again. */
    REBOOT(List.of(SagaStep.REBOOT, SagaStep.JOIN)),
    /** Cordon, drain, reboot, wait for Ready, uncordon (memory pressure). */
    DRAIN_AND_REBOOT(List.of(SagaStep.CORDON, SagaStep.DRAIN, SagaStep.REBOOT, SagaStep.JOIN, SagaStep.UNCORDON)),
    /** Restart the kubelet through the node agent and wait for Ready. */
    RESTART_KUBELET(List.of(SagaStep.RESTART_KUBELET, SagaStep.JOIN));

    /** What undoes a provisioning that failed after it may have created a VM. */
    public static final List<SagaStep> COMPENSATION = List.of(SagaStep.DELETE_NODE, SagaStep.SHUTDOWN, SagaStep.DELETE_VM);

    private final List<SagaStep> steps;

    SagaKind(List<SagaStep> steps) {
        this.steps = steps;
    }

    /** The steps in order. */
    public List<SagaStep> steps() {
        return steps;
    }

    /** Whether this saga repairs an existing worker rather than creating or removing one. */
    public boolean isRepair() {
        return this == REBOOT || this == DRAIN_AND_REBOOT || this == RESTART_KUBELET;
    }
}
