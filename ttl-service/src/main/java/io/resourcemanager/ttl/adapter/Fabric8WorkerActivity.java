package io.resourcemanager.ttl.adapter;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.resourcemanager.kubernetes.NodeFacts;
import io.resourcemanager.ttl.domain.ActivitySample;
import io.resourcemanager.ttl.domain.WorkerActivity;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link WorkerActivity} over the Kubernetes API. Temporary workers are the nodes labelled
 * {@value #TTL_LABEL}. CPU usage comes from the resource metrics API ({@code metrics.k8s.io/v1beta1},
 * served by metrics-server) and is divided by the node's allocatable CPU (capped at 1). Workload pods
 * are the pods bound to the node that have not finished, live outside the system namespaces and are not
 * run by a DaemonSet. A worker without a usage figure or without allocatable CPU is left out; a cluster
 * without the metrics API therefore yields no samples, which is logged once, not at every call.
 */
@Singleton
public final class Fabric8WorkerActivity implements WorkerActivity {

    /** Label every temporary worker carries (its deadline, unix seconds). */
    public static final String TTL_LABEL = "ttl";

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8WorkerActivity.class);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final KubernetesClient client;
    private final Set<String> systemNamespaces;
    private final Clock clock;
    private final AtomicBoolean metricsApiMissing = new AtomicBoolean(false);

    Fabric8WorkerActivity(KubernetesClient client, ActivityProperties properties, Clock clock) {
        this.client = client;
        this.systemNamespaces = Set.copyOf(properties.systemNamespaces());
        this.clock = clock;
    }

    @Override
    public List<ActivitySample> sample() {
        Instant now = clock.instant();
        try {
            // Servers that ignore the label selector return every node; the filter below decides.
            List<Node> workers = client.nodes().withLabel(TTL_LABEL).list().getItems().stream()
                    .filter(node -> NodeFacts.labels(node).containsKey(TTL_LABEL))
                    .toList();
            if (workers.isEmpty()) {
                return List.of();
            }
            Map<String, BigDecimal> usage = cpuUsageMillis();
            List<ActivitySample> samples = new ArrayList<>();
            for (Node worker : workers) {
                String name = NodeFacts.name(worker);
                cpuFraction(worker, usage.get(name))
                        .ifPresent(fraction -> samples.add(new ActivitySample(name, fraction, workloadPods(name), now)));
            }
            return List.copyOf(samples);
        } catch (KubernetesClientException e) {
            throw new ActivityUnavailableException("Worker activity could not be read: " + describe(e), e);
        }
    }

    /** Whether {@code pod} on its node counts as workload: unfinished, outside the system namespaces, no DaemonSet's. */
    static boolean workload(Pod pod, Set<String> systemNamespaces) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        boolean finished = "Succeeded".equals(phase) || "Failed".equals(phase);
        return !finished && !systemNamespaces.contains(pod.getMetadata().getNamespace()) && !ownedByDaemonSet(pod);
    }

    /** CPU in use by node name, in millicores; empty when the cluster serves no metrics API. */
    private Map<String, BigDecimal> cpuUsageMillis() {
        try {
            Map<String, BigDecimal> usage = new HashMap<>();
            for (NodeMetrics metrics : client.top().nodes().metrics().getItems()) {
                Quantity cpu = metrics.getUsage() == null ? null : metrics.getUsage().get("cpu");
                if (cpu != null) {
                    usage.put(metrics.getMetadata().getName(), Quantity.getAmountInBytes(cpu).multiply(THOUSAND));
                }
            }
            if (metricsApiMissing.compareAndSet(true, false)) {
                LOG.info("The resource metrics API answers again; worker activity is sampled");
            }
            return usage;
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
            if (metricsApiMissing.compareAndSet(false, true)) {
                LOG.warn("The cluster serves no resource metrics API (metrics.k8s.io/v1beta1, metrics-server): "
                        + "no worker counts as idle until it does");
            }
            return Map.of();
        }
    }

    private static Optional<Double> cpuFraction(Node worker, BigDecimal usageMillis) {
        long allocatableMillis = NodeFacts.allocatableCpuMillis(worker);
        if (usageMillis == null || allocatableMillis <= 0) {
            return Optional.empty();
        }
        return Optional.of(Math.min(1.0, Math.max(0.0, usageMillis.doubleValue() / allocatableMillis)));
    }

    private int workloadPods(String node) {
        // Servers that ignore the field selector return every pod; the filter below decides.
        return (int) client.pods().inAnyNamespace().withField("spec.nodeName", node).list().getItems().stream()
                .filter(pod -> pod.getSpec() != null && node.equals(pod.getSpec().getNodeName()))
                .filter(pod -> workload(pod, systemNamespaces))
                .count();
    }

    private static boolean ownedByDaemonSet(Pod pod) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        return owners != null && owners.stream()
                .anyMatch(owner -> "DaemonSet".equals(owner.getKind()) && Boolean.TRUE.equals(owner.getController()));
    }

    private static String describe(KubernetesClientException failure) {
        String reason = failure.getStatus() != null && failure.getStatus().getMessage() != null
                ? failure.getStatus().getMessage()
                : String.valueOf(failure.getMessage());
        return failure.getCode() > 0 ? "HTTP " + failure.getCode() + " " + reason : reason;
    }
}
