package io.resourcemanager.provisioner.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists a node's pods and evicts them through the {@code policy/v1} eviction subresource. Evictions go
 * through a client that does not retry 429 and 5xx itself (fabric8 would, for seconds), so a refusal
 * by a PodDisruptionBudget comes back at once and the drain decides when to try again.
 */
final class Fabric8DrainTarget implements DrainTarget, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8DrainTarget.class);

    private final KubernetesClient client;
    private final KubernetesClient evictions;

    Fabric8DrainTarget(KubernetesClient client) {
        this.client = client;
        this.evictions = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
                .withRequestRetryBackoffLimit(0).build()).build();
    }

    @Override
    public List<DrainPod> podsOn(String node) {
        try {
            // The field selector spares a real API server the full list; the filter keeps servers that ignore it honest.
            return client.pods().inAnyNamespace().withField("spec.nodeName", node).list().getItems().stream()
                    .filter(pod -> pod.getSpec() != null && node.equals(pod.getSpec().getNodeName()))
                    .filter(pod -> !DrainPod.ignored(pod))
                    .map(DrainPod::of)
                    .toList();
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.classify("list pods of node " + node, e);
        }
    }

    @Override
    public Eviction evict(DrainPod pod, Duration grace) {
        try {
            boolean accepted = evictions.pods().inNamespace(pod.namespace()).withName(pod.name())
                    .evict(new EvictionBuilder()
                            .withNewMetadata().withNamespace(pod.namespace()).withName(pod.name()).endMetadata()
                            .withDeleteOptions(new DeleteOptionsBuilder().withGracePeriodSeconds(grace.toSeconds())
                                    .build())
                            .build());
            return accepted ? Eviction.EVICTED : Eviction.REFUSED;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return Eviction.GONE;
            }
            if (!KubernetesFailures.retriable(e)) {
                throw KubernetesFailures.classify("evict pod " + pod.key(), e);
            }
            LOG.warn("Eviction of pod {} failed for now: {}", pod.key(), e.getMessage());
            return Eviction.REFUSED;
        }
    }

    @Override
    public void close() {
        evictions.close();
    }
}
