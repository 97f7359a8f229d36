package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** The namespaces every Kubernetes cluster starts with. */
public final class SystemNamespaces {

    /** default, kube-system, kube-public, kube-node-lease. */
    public static final List<String> NAMES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

    private SystemNamespaces() {
    }

    /** Creates them (the mock API server starts empty). */
    public static void create(KubernetesClient client) {
        NAMES.forEach(name -> client.namespaces()
                .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create());
    }
}
