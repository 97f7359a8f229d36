package io.resourcemanager.simulator.kubelet;

import io.fabric8.kubernetes.client.KubernetesClient;
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
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelets of all simulated VMs, plus the part of the node lifecycle controller that notices a
 * silent kubelet. A booted guest registers its Node and posts status periodically; when its VM powers
 * off, posting stops and after the monitor grace period the Node turns Unknown and unreachable.
 * A kubelet whose Node was deleted stops posting (it does not re-register until its VM boots again).
 */
public final class SimulatedKubelets implements VmLifecycleListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedKubelets.class);
    private static final Duration MIN_STATUS_INTERVAL = Duration.ofMillis(500);
    private static final int GRACE_IN_INTERVALS = 4;

    private final NodeApi nodes;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Duration statusInterval;
    private final Duration monitorGrace;
    private final Map<Integer, String> nodeByVm = new HashMap<>();
    private final Map<String, Instant> posting = new HashMap<>();
    private final Map<String, Instant> silent = new HashMap<>();
    private Scheduler.Cancellable statusLoop;

    /**
     * @param client API client the kubelets write Nodes with
     * @param scheduler runs registrations and the status loop; a single thread keeps events in order
     * @param delays scales the status interval and the monitor grace period
     * @param clock source of heartbeat times
     */
    public SimulatedKubelets(KubernetesClient client, Scheduler scheduler, Delays delays, Clock clock) {
        this.nodes = new NodeApi(client);
        this.scheduler = scheduler;
        this.clock = clock;
        this.statusInterval = max(delays.of(Latency.NODE_STATUS_INTERVAL), MIN_STATUS_INTERVAL);
        this.monitorGrace = max(delays.of(Latency.NODE_MONITOR_GRACE), statusInterval.multipliedBy(GRACE_IN_INTERVALS));
    }

    /** Starts posting node status periodically. */
    public synchronized void start() {
        statusLoop = scheduler.repeat(statusInterval, this::postStatus);
    }

    @Override
    public void guestBooted(VmSnapshot vm) {
        scheduler.schedule(Duration.ZERO, () -> register(vm, Map.of()));
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
        WorkerTemplate template = WorkerTemplate.named(vm.templateName())
                .orElseThrow(() -> new IllegalStateException("VM " + vm.vmid() + " has no known template"));
        String name = NodeManifests.nodeName(vm);
        Instant now = clock.instant();
        nodes.register(NodeManifests.node(vm, template, extraLabels, now));
        nodeByVm.put(vm.vmid(), name);
        silent.remove(name);
        posting.put(name, now);
        LOG.info("Node {} registered and Ready (VM {}, template {})", name, vm.vmid(), template.name());
    }

    @Override
    public synchronized void close() {
        if (statusLoop != null) {
            statusLoop.cancel();
        }
    }

    private synchronized void stopPosting(VmSnapshot vm) {
        String name = nodeByVm.remove(vm.vmid());
        Instant lastHeartbeat = name == null ? null : posting.remove(name);
        if (lastHeartbeat != null) {
            silent.put(name, lastHeartbeat);
            LOG.info("Node {} stopped posting status (VM {} powered off)", name, vm.vmid());
        }
    }

    private synchronized void postStatus() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Instant>> it = posting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> kubelet = it.next();
            if (nodes.heartbeat(kubelet.getKey(), now)) {
                kubelet.setValue(now);
            } else {
                LOG.info("Node {} no longer exists; its kubelet stops posting status", kubelet.getKey());
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

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
