package io.resourcemanager.provisioner.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to Node objects that survive concurrent writers: kubelets post node status all the time, so
 * a write based on a stale read may get 409 Conflict. The change is then applied again to a fresh read,
 * a few times, before the conflict is reported as retriable.
 */
final class NodeEdits {

    static final int ATTEMPTS = 5;
    private static final Duration BACKOFF = Duration.ofMillis(50);
    private static final Logger LOG = LoggerFactory.getLogger(NodeEdits.class);

    private final KubernetesClient client;
    private final Pacer pacer;

    NodeEdits(KubernetesClient client, Pacer pacer) {
        this.client = client;
        this.pacer = pacer;
    }

    /**
     * Applies {@code change} to the current Node {@code name} and writes it.
     *
     * @param what the change, for messages ("label node burst-1")
     * @throws io.resourcemanager.provisioner.domain.infra.InfraException classified; a missing node is permanent
     */
    void edit(String name, String what, UnaryOperator<Node> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.nodes().withName(name).edit(change);
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
                    throw KubernetesFailures.classify(what, e);
                }
                LOG.debug("{}: conflict on attempt {}, reading the node again", what, attempt);
                pacer.pause(BACKOFF.multipliedBy(attempt));
            }
        }
    }
}
