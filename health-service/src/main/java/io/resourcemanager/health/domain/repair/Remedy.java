package io.resourcemanager.health.domain.repair;

/** The rungs of the repair ladder: what the provisioner is asked to do to a node. */
public enum Remedy {
    RESTART_KUBELET,
    REBOOT,
    REPLACE,
    CLEAN_IMAGES,
    DRAIN_AND_REBOOT
}
