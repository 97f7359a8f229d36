package io.resourcemanager.provisioner.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.resourcemanager.kubernetes.NodeFacts;
import io.resourcemanager.provisioner.domain.infra.ClusterMetrics;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterMetrics} over the Kubernetes API: node usage from the resource metrics API
 * ({@code metrics.k8s.io/v1beta1}, served by metrics-server) and pending pods from the pod list. A
 * cluster without the metrics API has no node usage; that is logged once, not at every call.
 */
@Singleton
public final class Fabric8ClusterMetrics implements ClusterMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8ClusterMetrics.class);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal MEBIBYTE = BigDecimal.valueOf(1024L * 1024L);

    private final KubernetesClient client;
    private final AtomicBoolean metricsApiMissing = new AtomicBoolean(false);

    Fabric8ClusterMetrics(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Map<String, NodeUsage> nodeUsage() {
        try {
            Map<String, NodeUsage> usage = new HashMap<>();
            for (NodeMetrics metrics : client.top().nodes().metrics().getItems()) {
                usage.put(metrics.getMetadata().getName(), usage(metrics));
            }
            if (metricsApiMissing.compareAndSet(true, false)) {
                LOG.info("The resource metrics API answers again; node usage is known");
            }
            return Map.copyOf(usage);
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                if (metricsApiMissing.compareAndSet(false, true)) {
                    LOG.warn("The cluster serves no resource metrics API (metrics.k8s.io/v1beta1, metrics-server): "
                            + "node usage is unknown until it does");
                }
                return Map.of();
            }
            throw KubernetesFailures.classify("read node metrics", e);
        }
    }

    @Override
    public Map<String, Integer> pendingPodsByPool() {
        try {
            Map<String, Integer> pending = new HashMap<>();
            // Servers that ignore the field selector return every pod; the filter below decides.
            client.pods().inAnyNamespace().withField("status.phase", "Pending").list().getItems().stream()
                    .filter(Fabric8ClusterMetrics::waitingForANode)
                    .forEach(pod -> pending.merge(targetPool(pod), 1, Integer::sum));
            return Map.copyOf(pending);
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.classify("list pending pods", e);
        }
    }

    /** Pending and not bound to a node yet (a bound pending pod is starting, not waiting for capacity). */
    static boolean waitingForANode(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        boolean pending = phase == null || "Pending".equals(phase);
        boolean unbound = pod.getSpec() == null || pod.getSpec().getNodeName() == null
                || pod.getSpec().getNodeName().isEmpty();
        return pending && unbound && pod.getMetadata().getDeletionTimestamp() == null;
    }

    /** The pool the pod's node selector names, or {@code ""}. */
    static String targetPool(Pod pod) {
        Map<String, String> selector = pod.getSpec() == null ? null : pod.getSpec().getNodeSelector();
        String pool = selector == null ? null : selector.get(NodeFacts.POOL_LABEL);
        return pool == null ? "" : pool;
    }

    private static NodeUsage usage(NodeMetrics metrics) {
        Map<String, Quantity> usage = metrics.getUsage() == null ? Map.of() : metrics.getUsage();
        return new NodeUsage(amount(usage.get("cpu")).multiply(THOUSAND).longValue(),
                amount(usage.get("memory")).divide(MEBIBYTE, RoundingMode.DOWN).longValue());
    }

    private static BigDecimal amount(Quantity quantity) {
        return quantity == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(quantity);
    }
}
