package io.resourcemanager.provisioner.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Decides what changed between the known inventory and the nodes the cluster shows. */
public final class NodeInventory {

    private NodeInventory() {
    }

    /**
     * The changes that bring {@code known} in line with {@code observed}. A node that is not known
     * joins only once it is Ready; until then it is not inventory.
     */
    public static List<InventoryChange> reconcile(Map<String, ObservedNode> known, Collection<ObservedNode> observed) {
        List<InventoryChange> changes = new ArrayList<>();
        for (ObservedNode node : observed) {
            ObservedNode before = known.get(node.name());
            if (before == null) {
                if (node.ready()) {
                    changes.add(new InventoryChange.Joined(node));
                }
            } else if (!before.equals(node)) {
                changes.add(new InventoryChange.Changed(node));
            }
        }
        Set<String> present = observed.stream().map(ObservedNode::name).collect(Collectors.toSet());
        known.values().stream()
                .filter(node -> !present.contains(node.name()))
                .forEach(node -> changes.add(new InventoryChange.Left(node.name(), node.pool())));
        return changes;
    }
}
