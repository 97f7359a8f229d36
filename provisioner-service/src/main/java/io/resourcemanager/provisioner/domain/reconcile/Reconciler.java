package io.resourcemanager.provisioner.domain.reconcile;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the VMs tagged as ours, the cluster's nodes and the inventory (SPEC §4), and decides what
 * to adopt, remove, forget or flag. Per worker name:
 * <ul>
 *   <li>a VM of ours without a node is removed once it has been seen so for the orphan grace (it may
 *       be booting); of several VMs of ours sharing a name, the stopped duplicates of the one running
 *       are removed likewise, any other mix is flagged;</li>
 *   <li>a Ready node of a VM of ours that the inventory does not know is adopted (into the pool of its
 *       label, or of the VM's tag when provisioning stopped before labelling); its node not turning
 *       Ready for the grace, or a pool label contradicting the VM's tag, is flagged;</li>
 *   <li>a node with a pool label, no VM of ours and unknown to the inventory is flagged, never deleted;</li>
 *   <li>an inventory entry with neither node nor VM is forgotten;</li>
 *   <li>a node the inventory knows whose VM is not ours is left alone (a worker built elsewhere).</li>
 * </ul>
 * Nothing happens on a single observation: a discrepancy becomes a {@link Suspicion} and is acted on
 * only when a later run still sees it (and, where a grace applies, after it); flags are raised once per suspicion. Names a
 * saga works on are never touched, and workers of protected pools are never removed nor forgotten,
 * only flagged. Every action carries a reason.
 */
public final class Reconciler {

    private final Discrepancies discrepancies;

    public Reconciler(ReconcileSettings settings) {
        this.discrepancies = new Discrepancies(settings.orphanGrace());
    }

    /** The actions due at {@code now} and the suspicions to hand to the next run. */
    public ReconcilePlan plan(ReconcileSnapshot snapshot, Instant now) {
        Map<String, List<VmInfo>> vms = snapshot.managedVms().stream()
                .collect(Collectors.groupingBy(VmInfo::name));
        Map<String, ObservedNode> nodes = byName(snapshot.nodes());
        Map<String, ObservedNode> known = byName(snapshot.inventory());
        Set<String> names = new TreeSet<>(vms.keySet());
        names.addAll(nodes.keySet());
        names.addAll(known.keySet());
        names.removeAll(snapshot.inFlight());

        List<ReconcileAction> actions = new ArrayList<>();
        Map<String, Suspicion> suspicions = new HashMap<>();
        for (String name : names) {
            Optional<Finding> finding = discrepancies.examine(name, vms.getOrDefault(name, List.of()),
                    nodes.get(name), known.get(name));
            if (finding.isPresent()) {
                suspicions.put(name, confirm(finding.get(), snapshot.suspicions().get(name), now, actions));
            }
        }
        return new ReconcilePlan(actions, suspicions);
    }

    /** Adds the finding's actions when it is confirmed; returns the suspicion to carry on. */
    private static Suspicion confirm(Finding finding, Suspicion previous, Instant now, List<ReconcileAction> actions) {
        if (previous == null || previous.kind() != finding.kind() || previous.since().isAfter(now)) {
            return new Suspicion(finding.kind(), now, false);
        }
        boolean waited = Duration.between(previous.since(), now).compareTo(finding.patience()) >= 0;
        boolean alreadyReported = finding.once() && previous.reported();
        if (!waited || alreadyReported || previous.since().equals(now)) {
            return previous;
        }
        actions.addAll(finding.actions().apply(previous.since()));
        return previous.acted();
    }

    private static Map<String, ObservedNode> byName(List<ObservedNode> nodes) {
        return nodes.stream().collect(Collectors.toMap(ObservedNode::name, Function.identity(), (a, b) -> a));
    }
}
