package io.resourcemanager.provisioner.reconcile;

import io.resourcemanager.provisioner.domain.ObservedNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory inventory that records what the reconciler adopted and forgot. */
final class FakeReconcileInventory implements ReconcileInventory {

    private final Map<String, ObservedNode> known = new TreeMap<>();
    private final List<ObservedNode> adopted = new ArrayList<>();
    private final List<String> forgotten = new ArrayList<>();

    /** The inventory knows {@code node} already. */
    synchronized FakeReconcileInventory know(ObservedNode node) {
        known.put(node.name(), node);
        return this;
    }

    @Override
    public synchronized List<ObservedNode> knownWorkers() {
        return List.copyOf(known.values());
    }

    @Override
    public synchronized void adopt(ObservedNode node) {
        adopted.add(node);
        known.put(node.name(), node);
    }

    @Override
    public synchronized void forget(String name, String pool, String reason) {
        forgotten.add(name);
        known.remove(name);
    }

    synchronized List<ObservedNode> adopted() {
        return List.copyOf(adopted);
    }

    synchronized List<String> forgotten() {
        return List.copyOf(forgotten);
    }
}
