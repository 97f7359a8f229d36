package io.resourcemanager.provisioner.testing;

import io.resourcemanager.kubernetes.NodeFacts;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.infra.ClusterNodes;
import io.resourcemanager.provisioner.domain.infra.DrainPolicy;
import io.resourcemanager.provisioner.domain.infra.DrainResult;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory Kubernetes cluster. Nodes arrive through {@link #add} or when a linked
 * {@link FakeHypervisor} starts a VM: they register Ready with no pool label ({@code pool} is
 * {@code ""}) and get one only through {@link #label}. A stopped VM leaves its node NotReady until
 * the node is deleted. Waiting never blocks: {@link #await} answers from the current state and
 * reports a timeout when the condition does not hold. Calls that change or wait are recorded.
 */
public final class FakeClusterNodes implements ClusterNodes {

    /** Label naming the template a worker was built from. */
    public static final String TEMPLATE_LABEL = "resource-manager/template";
    private static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

    private final CallLog timeline = new CallLog();
    private final Faults faults = new Faults(EnumSet.of(Operation.LIST_NODES, Operation.FIND_NODE,
            Operation.AWAIT_NODE, Operation.LABEL, Operation.RELABEL, Operation.CORDON, Operation.DRAIN, Operation.DELETE_NODE), timeline);
    private final Map<String, Node> nodes = new TreeMap<>();
    private final Set<String> neverJoin = new HashSet<>();
    private final Set<String> neverReady = new HashSet<>();
    private final Set<String> budgetProtected = new HashSet<>();
    private boolean nextNeverJoins;

    @Override
    public List<ObservedNode> workers() {
        faults.before(Operation.LIST_NODES, "list nodes", false);
        synchronized (this) {
            return nodes.values().stream().map(Node::observed).filter(node -> !node.pool().isEmpty()).toList();
        }
    }

    @Override
    public Optional<ObservedNode> find(String name) {
        faults.before(Operation.FIND_NODE, "find node " + name, false);
        synchronized (this) {
            return Optional.ofNullable(nodes.get(name)).map(Node::observed);
        }
    }

    @Override
    public ObservedNode await(String name, boolean ready, Duration timeout) {
        String call = "await " + name + (ready ? " ready" : " registered");
        faults.before(Operation.AWAIT_NODE, call, true);
        ObservedNode seen;
        synchronized (this) {
            Node node = nodes.get(name);
            if (node == null || ready && !node.ready()) {
                throw new InfraException.Retriable(call + ": timed out after " + timeout
                        + (node == null ? " (not registered)" : " (registered, not Ready)"));
            }
            seen = node.observed();
        }
        faults.after(Operation.AWAIT_NODE, call);
        return seen;
    }

    @Override
    public void label(String name, Map<String, String> labels, List<String> taints) {
        String call = "label " + name;
        faults.before(Operation.LABEL, call, true);
        synchronized (this) {
            existing(name, call).label(labels, taints);
        }
        faults.after(Operation.LABEL, call);
    }

    @Override
    public void relabel(String name, Map<String, String> labels) {
        String call = "relabel " + name;
        faults.before(Operation.RELABEL, call, true);
        synchronized (this) {
            existing(name, call).labels.putAll(labels);
        }
        faults.after(Operation.RELABEL, call);
    }

    @Override
    public void cordon(String name, boolean unschedulable) {
        String call = (unschedulable ? "cordon " : "uncordon ") + name;
        faults.before(Operation.CORDON, call, true);
        synchronized (this) {
            existing(name, call).schedulable = !unschedulable;
        }
        faults.after(Operation.CORDON, call);
    }

    @Override
    public DrainResult drain(String name, DrainPolicy policy) {
        String call = "drain " + name;
        faults.before(Operation.DRAIN, call, true);
        DrainResult result;
        synchronized (this) {
            Node node = nodes.get(name);
            List<String> pods = node == null ? List.of() : node.pods;
            List<String> remaining = pods.stream().filter(budgetProtected::contains).toList();
            result = new DrainResult(pods.size() - remaining.size(), remaining);
            if (node != null) {
                node.pods = new ArrayList<>(remaining);
            }
        }
        faults.after(Operation.DRAIN, call);
        return result;
    }

    @Override
    public void delete(String name) {
        String call = "delete node " + name;
        faults.before(Operation.DELETE_NODE, call, true);
        synchronized (this) {
            nodes.remove(name);
        }
        faults.after(Operation.DELETE_NODE, call);
    }

    // ---- the world around the port -------------------------------------------------------------

    /** Adds a node that exists already (control plane, permanent workers, a node nobody knows). */
    public synchronized FakeClusterNodes add(ObservedNode node) {
        nodes.put(node.name(), new Node(node));
        return this;
    }

    /** Puts pods ({@code namespace/name}, DaemonSet pods excluded) on a node. */
    public synchronized FakeClusterNodes placePods(String node, String... pods) {
        seeded(node).pods.addAll(List.of(pods));
        return this;
    }

    /** PodDisruptionBudgets forbid evicting these pods until {@link #releaseBudgets()}: drains leave them. */
    public synchronized FakeClusterNodes protectByBudget(String... pods) {
        budgetProtected.addAll(List.of(pods));
        return this;
    }

    /** Budgets allow every eviction again. */
    public synchronized void releaseBudgets() {
        budgetProtected.clear();
    }

    /** The VM of this name will boot, but its node never registers. */
    public synchronized void neverJoin(String name) {
        neverJoin.add(name);
    }

    /** The next VM to start, whatever its name, never registers a node. */
    public synchronized void neverJoinNext() {
        nextNeverJoins = true;
    }

    /** The node of this name registers but never turns Ready. */
    public synchronized void neverReady(String name) {
        neverReady.add(name);
    }

    /** The node's kubelet stops: NotReady until the kubelet is restarted or the VM rebooted. */
    public synchronized void kubeletFails(String name) {
        seeded(name).kubeletDown = true;
    }

    // ---- fault injection ------------------------------------------------------------------------

    /** The next call of {@code operation} fails with {@code fault}, changing nothing. */
    public void failNext(Operation operation, Fault fault) {
        faults.failNext(operation, 1, fault);
    }

    /** The next {@code times} calls of {@code operation} fail with {@code fault}, changing nothing. */
    public void failNext(Operation operation, int times, Fault fault) {
        faults.failNext(operation, times, fault);
    }

    /** The next call of {@code operation} takes effect, but its caller sees {@code fault} (a lost answer). */
    public void failAfterNext(Operation operation, Fault fault) {
        faults.failAfterNext(operation, fault);
    }

    /** The next call of {@code operation} takes effect, then the caller crashes with {@link SimulatedCrash}. */
    public void crashAfter(Operation operation) {
        faults.crashAfter(operation);
    }

    // ---- queries --------------------------------------------------------------------------------

    /** Every node, with or without a pool label, by name. */
    public synchronized List<ObservedNode> nodes() {
        return nodes.values().stream().map(Node::observed).toList();
    }

    /** The node's taints ({@code key=value:Effect}), empty when it has none or does not exist. */
    public synchronized List<String> taints(String name) {
        Node node = nodes.get(name);
        return node == null ? List.of() : List.copyOf(node.taints);
    }

    /** The pods still on the node. */
    public synchronized List<String> pods(String name) {
        Node node = nodes.get(name);
        return node == null ? List.of() : List.copyOf(node.pods);
    }

    /** The calls that changed or waited for a node, such as {@code "label burst-abc"}, in order. */
    public List<String> calls() {
        return faults.calls();
    }

    // ---- linked to the hypervisor and the node agent --------------------------------------------

    CallLog timeline() {
        return timeline;
    }

    /** A VM booted: its node registers (or comes back) unless told otherwise. */
    synchronized void vmRunning(String name, int cores, long memoryMb, String template) {
        Node node = nodes.get(name);
        if (node != null) {
            node.vmRunning = true;
            node.kubeletDown = false;
            return;
        }
        if (nextNeverJoins || neverJoin.contains(name)) {
            nextNeverJoins = false;
            return;
        }
        int gpu = template != null && template.contains("gpu") ? 1 : 0;
        Map<String, String> labels = Map.of(HOSTNAME_LABEL, name);
        Node joined = new Node(new ObservedNode(name, "", null, cores * 1000L - 200, memoryMb - 512, gpu, 110,
                true, true, labels));
        joined.neverReady = neverReady.contains(name);
        nodes.put(name, joined);
    }

    /** A VM stopped or vanished: its node turns NotReady and stays until deleted. */
    synchronized void vmStopped(String name) {
        Node node = nodes.get(name);
        if (node != null) {
            node.vmRunning = false;
        }
    }

    /** The kubelet of the node restarted; false when the node is not there to reach. */
    synchronized boolean kubeletRestarted(String name) {
        Node node = nodes.get(name);
        if (node == null || !node.vmRunning) {
            return false;
        }
        node.kubeletDown = false;
        return true;
    }

    private Node seeded(String name) {
        Node node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node " + name + " in this fake cluster");
        }
        return node;
    }

    private Node existing(String name, String call) {
        Node node = nodes.get(name);
        if (node == null) {
            throw new InfraException.Permanent(call + ": node " + name + " not found");
        }
        return node;
    }

    /** A node's mutable state; guarded by the enclosing fake. */
    private static final class Node {
        private final String name;
        private final long cpuMillis;
        private final long memoryMb;
        private final int gpu;
        private final int podSlots;
        private final Map<String, String> labels;
        private List<String> taints = List.of();
        private List<String> pods = new ArrayList<>();
        private boolean schedulable;
        private boolean vmRunning;
        private boolean kubeletDown;
        private boolean neverReady;

        Node(ObservedNode node) {
            name = node.name();
            cpuMillis = node.cpuMillis();
            memoryMb = node.memoryMb();
            gpu = node.gpu();
            podSlots = node.pods();
            labels = new HashMap<>(node.labels());
            if (!node.pool().isEmpty()) {
                labels.put(NodeFacts.POOL_LABEL, node.pool());
            }
            if (node.template() != null) {
                labels.put(TEMPLATE_LABEL, node.template());
            }
            schedulable = node.schedulable();
            vmRunning = true;
            kubeletDown = !node.ready();
        }

        boolean ready() {
            return vmRunning && !kubeletDown && !neverReady;
        }

        void label(Map<String, String> added, List<String> newTaints) {
            labels.putAll(added);
            taints = List.copyOf(newTaints);
        }

        ObservedNode observed() {
            return new ObservedNode(name, labels.getOrDefault(NodeFacts.POOL_LABEL, ""), labels.get(TEMPLATE_LABEL),
                    cpuMillis, memoryMb, gpu, podSlots, ready(), schedulable, labels);
        }
    }
}
