package io.resourcemanager.provisioner.domain;

/** A difference between what the inventory knows and what the cluster shows. */
public sealed interface InventoryChange {

    /** A node registered and turned Ready for the first time. */
    record Joined(ObservedNode node) implements InventoryChange {
    }

    /** A known node changed (readiness, cordon, labels, allocatable). */
    record Changed(ObservedNode node) implements InventoryChange {
    }

    /** A known node is no longer in the cluster. */
    record Left(String nodeName, String pool) implements InventoryChange {
    }
}
