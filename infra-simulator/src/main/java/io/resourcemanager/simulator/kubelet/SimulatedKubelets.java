package io.resourcemanager.simulator.kubelet;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.simulator.faults.Faults;
import io.resourcemanager.simulator.proxmox.VmLifecycleListener;
import io.resourcemanager.simulator.proxmox.VmSnapshot;
import io.resourcemanager.simulator.template.WorkerTemplate;
import io.resourcemanager.simulator.time.Delays;
import io.resourcemanager.simulator.time.Latency;
import io.resourcemanager.simulator.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelets of all simulated VMs, plus the part of the node lifecycle controller that notices a
 * silent kubelet. A booted guest registers its Node and posts status periodically; when its VM powers
 * off, posting stops and after the monitor grace period the Node turns Unknown and unreachable.
 * A kubelet whose Node was deleted stops posting (it does not re-register until its VM boots again).
 *
 * <p>Injected faults act here, where a real cluster shows them: a guest that boots but whose kubelet
 * never registers ({@link Faults#takeNeverJoin()}), and flapping kubelets that alternately stop posting
 * for one flap period (the Node turns Unknown once the grace period has passed) and resume for one
 * (the Node turns Ready again).
 */
public final class SimulatedKubelets implements VmLifecycleListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedKubelets.class);
    private static final Duration MIN_STATUS_INTERVAL = Duration.ofMillis(500);
    private static final int GRACE_IN_INTERVALS = 4;

    private final NodeApi nodes;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Faults faults;
    private final Duration statusInterval;
    private final Duration monitorGrace;
    private final Map<Integer, String> nodeByVm = new HashMap<>();
    private final Map<String, VmSnapshot> vmByNode = new HashMap<>();
    private final Map<String, Instant> posting = new HashMap<>();
    private final Map<String, Instant> silent = new HashMap<>();
    private final Map<String, Instant> flapToggles = new HashMap<>();
    private final Set<String> flapSilenced = new HashSet<>();
    private Scheduler.Cancellable statusLoop;

    /** Kubelets without injected faults. */
    public SimulatedKubelets(KubernetesClient client, Scheduler scheduler, Delays delays, Clock clock) {
        this(client, scheduler, delays, clock, new Faults());
    }

    /**
     * @param client API client the kubelets write Nodes with
     * @param scheduler runs registrations and the status loop; a single thread keeps events in order
     * @param delays scales the status interval and the monitor grace period
     * @param clock source of heartbeat times
     * @param faults injected kubelet faults (silent kubelets, flapping nodes)
     */
    public SimulatedKubelets(KubernetesClient client, Scheduler scheduler, Delays delays, Clock clock, Faults faults) {
        this.nodes = new NodeApi(client);
        this.scheduler = scheduler;
        this.clock = clock;
        this.faults = faults;
        this.statusInterval = max(delays.of(Latency.NODE_STATUS_INTERVAL), MIN_STATUS_INTERVAL);
        this.monitorGrace = max(delays.of(Latency.NODE_MONITOR_GRACE), statusInterval.multipliedBy(GRACE_IN_INTERVALS));
    }

    /** Starts posting node status periodically. */
    public synchronized void start() {
        statusLoop = scheduler.repeat(statusInterval, this::postStatus);
    }

    /** How long a silent node stays Ready before it turns Unknown. */
    public Duration monitorGrace() {
        return monitorGrace;
    }

    @Override
    public void guestBooted(VmSnapshot vm) {
        scheduler.schedule(Duration.ZERO, () -> {
            if (faults.takeNeverJoin()) {
                LOG.info("VM {} booted but its kubelet never registers node {} (injected fault)", vm.vmid(),
                        NodeManifests.nodeName(vm));
                return;
            }
            register(vm, Map.of());
        });
    }

    @Override
    public void poweredOff(VmSnapshot vm) {
        scheduler.schedule(Duration.ZERO, () -> stopPosting(vm));
    }

    /**
     * Registers the Node of a running VM now and keeps it posting status.
     *
     * @param vm the VM whose guest booted
     * @param extraLabels labels beyond the kubelet's own (as a machine config's node labels would add)
     */
    public synchronized void register(VmSnapshot vm, Map<String, String> extraLabels) {
        WorkerTemplate template = template(vm);
        String name = NodeManifests.nodeName(vm);
        Instant now = clock.instant();
        nodes.register(NodeManifests.node(vm, template, extraLabels, now));
        nodeByVm.put(vm.vmid(), name);
        vmByNode.put(name, vm);
        silent.remove(name);
        flapSilenced.remove(name);
        posting.put(name, now);
        LOG.info("Node {} registered and Ready (VM {}, template {})", name, vm.vmid(), template.name());
        if (faults.claimFlap(name)) {
            flapToggles.put(name, now.plus(flapPeriod()));
            LOG.info("Node {} flaps every {} (injected fault)", name, flapPeriod());
        }
    }

    @Override
    public synchronized void close() {
        if (statusLoop != null) {
            statusLoop.cancel();
        }
    }

    private synchronized void stopPosting(VmSnapshot vm) {
        String name = nodeByVm.remove(vm.vmid());
        if (name == null) {
            return;
        }
        vmByNode.remove(name);
        flapToggles.remove(name);
        flapSilenced.remove(name);
        Instant lastHeartbeat = posting.remove(name);
        if (lastHeartbeat != null) {
            silent.put(name, lastHeartbeat);
            LOG.info("Node {} stopped posting status (VM {} powered off)", name, vm.vmid());
        }
    }

    private synchronized void postStatus() {
        Instant now = clock.instant();
        flap(now);
        for (Iterator<Map.Entry<String, Instant>> it = posting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> kubelet = it.next();
            if (nodes.heartbeat(kubelet.getKey(), now)) {
                kubelet.setValue(now);
            } else {
                LOG.info("Node {} no longer exists; its kubelet stops posting status", kubelet.getKey());
                flapToggles.remove(kubelet.getKey());
                it.remove();
            }
        }
        for (Iterator<Map.Entry<String, Instant>> it = silent.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> kubelet = it.next();
            if (kubelet.getValue().plus(monitorGrace).isBefore(now)) {
                nodes.markUnreachable(kubelet.getKey(), now);
                LOG.info("Node {} is NodeStatusUnknown: no status for {}", kubelet.getKey(), monitorGrace);
                it.remove();
            }
        }
    }

    /** Starts, toggles and ends flapping as the injected faults say. */
    private void flap(Instant now) {
        for (String name : posting.keySet()) {
            if (!flapToggles.containsKey(name) && faults.isFlapping(name)) {
                flapToggles.put(name, now.plus(flapPeriod()));
                LOG.info("Node {} flaps every {} (injected fault)", name, flapPeriod());
            }
        }
        for (Iterator<Map.Entry<String, Instant>> it = flapToggles.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> toggle = it.next();
            String name = toggle.getKey();
            if (!faults.isFlapping(name)) {
                if (flapSilenced.remove(name)) {
                    resume(name, now);
                }
                it.remove();
            } else if (!toggle.getValue().isAfter(now)) {
                boolean stillThere = flapSilenced.remove(name) ? resume(name, now) : silence(name);
                if (stillThere) {
                    toggle.setValue(now.plus(flapPeriod()));
                } else {
                    it.remove();
                }
            }
        }
    }

    /** Stops posting; false when the kubelet was not posting (its Node is gone). */
    private boolean silence(String name) {
        Instant lastHeartbeat = posting.remove(name);
        if (lastHeartbeat == null) {
            return false;
        }
        silent.put(name, lastHeartbeat);
        flapSilenced.add(name);
        LOG.info("Node {}: kubelet stops posting status (flapping)", name);
        return true;
    }

    /** Posts a Ready status again; false when the Node no longer exists. */
    private boolean resume(String name, Instant now) {
        VmSnapshot vm = vmByNode.get(name);
        silent.remove(name);
        if (vm == null || !nodes.resume(NodeManifests.node(vm, template(vm), Map.of(), now))) {
            return false;
        }
        posting.put(name, now);
        LOG.info("Node {}: kubelet resumes posting status, Ready (flapping)", name);
        return true;
    }

    private Duration flapPeriod() {
        return faults.flapPeriod().orElse(monitorGrace.plus(statusInterval.multipliedBy(2)));
    }

    private static WorkerTemplate template(VmSnapshot vm) {
        return WorkerTemplate.named(vm.templateName())
                .orElseThrow(() -> new IllegalStateException("VM " + vm.vmid() + " has no known template"));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
