package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** Builds fabric8 clients for the simulated API server, ignoring any local kubeconfig. */
public final class KubernetesClients {

    private KubernetesClients() {
    }

    /** A client for the API server at {@code masterUrl}, default namespace {@code default}. */
    public static KubernetesClient connect(String masterUrl) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(masterUrl)
                .withNamespace("default")
                .withHttp2Disable(true)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
