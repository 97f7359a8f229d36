package io.resourcemanager.provisioner.saga;

import io.resourcemanager.provisioner.domain.ObservedNode;
import java.util.List;
import java.util.Optional;

/** The workers the provisioner knows: what the inventory announced on {@code rm.nodes}. */
public interface WorkerDirectory {

    /** The known worker named {@code name}. */
    default Optional<ObservedNode> find(String name) {
        return knownWorkers().stream().filter(worker -> worker.name().equals(name)).findFirst();
    }

    /** Every known worker. */
    List<ObservedNode> knownWorkers();
}
