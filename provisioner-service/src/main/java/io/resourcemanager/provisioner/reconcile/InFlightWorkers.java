package io.resourcemanager.provisioner.reconcile;

import java.util.Set;

/** The workers an unfinished saga (provisioning, decommissioning, repair) is working on. */
@FunctionalInterface
public interface InFlightWorkers {

    /** Their names, as they stand now. */
    Set<String> names();
}
