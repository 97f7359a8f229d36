package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.resourcemanager.simulator.time.Scheduler;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays metrics-server: every resolution period it "scrapes" each node whose kubelet reports Ready and
 * publishes its usage on the {@link NodeMetricsApi}. A simulated node uses what its pods request (pods
 * that have not finished, bound to it by {@code spec.nodeName}) plus the system daemons' baseline.
 * Nodes whose kubelet is silent have no metrics, as with the real server.
 */
public final class SimulatedMetricsServer implements AutoCloseable {

    /** CPU the system daemons of every node use, in cores. */
    static final BigDecimal SYSTEM_CPU_CORES = new BigDecimal("0.1");
    /** Memory the system daemons of every node use, in bytes (256 MiB). */
    static final BigDecimal SYSTEM_MEMORY_BYTES = BigDecimal.valueOf(256L * 1024 * 1024);

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedMetricsServer.class);
    private static final Duration MIN_RESOLUTION = Duration.ofMillis(200);
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal KIBIBYTE = BigDecimal.valueOf(1024);

    private final KubernetesClient client;
    private final Scheduler scheduler;
    private final NodeMetricsApi api;
    private final Duration resolution;
    private final Clock clock;
    private Scheduler.Cancellable scrapes;

    /**
     * @param client API client the scrapes read nodes and pods with
     * @param scheduler runs the scrapes
     * @param api where scraped metrics are served
     * @param resolution scrape period (already scaled by the time scale; at least 200 ms); also the metrics' window
     * @param clock source of the metrics' timestamps
     */
    public SimulatedMetricsServer(KubernetesClient client, Scheduler scheduler, NodeMetricsApi api,
                                  Duration resolution, Clock clock) {
        this.client = client;
        this.scheduler = scheduler;
        this.api = api;
        this.resolution = resolution.compareTo(MIN_RESOLUTION) < 0 ? MIN_RESOLUTION : resolution;
        this.clock = clock;
    }

    /** Scrapes now and then every resolution period. */
    public synchronized void start() {
        scheduler.schedule(Duration.ZERO, this::scrape);
        scrapes = scheduler.repeat(resolution, this::scrape);
    }

    /** One scrape: reads every node and pod and publishes the usage of the Ready nodes. */
    void scrape() {
        try {
            List<Node> nodes = client.nodes().list().getItems();
            Map<String, PodRequests> requested = requestsByNode(client.pods().inAnyNamespace().list().getItems());
            String timestamp = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
            api.publish(nodes.stream().filter(SimulatedMetricsServer::ready)
                    .map(node -> metrics(node, requested.getOrDefault(node.getMetadata().getName(), PodRequests.NONE),
                            timestamp))
                    .toList());
        } catch (KubernetesClientException e) {
            LOG.warn("Metrics scrape failed: {}", e.getMessage());
        }
    }

    private NodeMetrics metrics(Node node, PodRequests requested, String timestamp) {
        PodRequests usage = requested.plus(new PodRequests(SYSTEM_CPU_CORES, SYSTEM_MEMORY_BYTES));
        Map<String, Quantity> quantities = new LinkedHashMap<>();
        quantities.put("cpu", new Quantity(usage.cpuCores().multiply(NANOS).toBigInteger() + "n"));
        quantities.put("memory", new Quantity(usage.memoryBytes().divide(KIBIBYTE).toBigInteger() + "Ki"));
        return new NodeMetricsBuilder()
                .withNewMetadata().withName(node.getMetadata().getName())
                .withLabels(node.getMetadata().getLabels()).withCreationTimestamp(timestamp).endMetadata()
                .withTimestamp(timestamp)
                .withWindow(new io.fabric8.kubernetes.api.model.Duration(resolution))
                .withUsage(quantities)
                .build();
    }

    private static Map<String, PodRequests> requestsByNode(List<Pod> pods) {
        Map<String, PodRequests> byNode = new HashMap<>();
        for (Pod pod : pods) {
            String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
            if (node != null && !PodStates.terminal(pod)) {
                byNode.merge(node, PodRequests.of(pod), PodRequests::plus);
            }
        }
        return byNode;
    }

    private static boolean ready(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public synchronized void close() {
        if (scrapes != null) {
            scrapes.cancel();
        }
    }
}
