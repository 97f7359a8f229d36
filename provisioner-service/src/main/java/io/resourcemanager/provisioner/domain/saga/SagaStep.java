package io.resourcemanager.provisioner.domain.saga;

/** One step of a saga; each is idempotent, so a resumed saga repeats its current step safely. */
public enum SagaStep {
    CLONE, CONFIGURE, START, BOOT, JOIN, LABEL,
    CORDON, DRAIN, DELETE_NODE, SHUTDOWN, DELETE_VM,
    REBOOT, RESTART_KUBELET, UNCORDON
}
