package io.resourcemanager.provisioner.reconcile;

import io.micronaut.context.annotation.Factory;
import io.resourcemanager.provisioner.adapter.InventorySync;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.saga.SagaStore;
import jakarta.inject.Singleton;
import java.util.List;

/** Connects the reconciler to the saga store and the inventory of this service. */
@Factory
class ReconcileWiring {

    @Singleton
    InFlightWorkers inFlightWorkers(SagaStore sagas) {
        return sagas::inFlightWorkers;
    }

    @Singleton
    ReconcileInventory reconcileInventory(InventorySync inventory) {
        return new ReconcileInventory() {
            @Override
            public List<ObservedNode> knownWorkers() {
                return inventory.knownWorkers();
            }

            @Override
            public void adopt(ObservedNode node) {
                inventory.adopt(node);
            }

            @Override
            public void forget(String name, String pool, String reason) {
                inventory.forget(name, pool, reason);
            }
        };
    }
}
