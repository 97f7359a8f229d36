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
        return new KubernetesClientBuilder().withConfig(config(masterUrl).build()).build();
    }

    /**
     * A client that does not retry 429 and 5xx answers itself (fabric8 retries them with backoff by
     * default), for callers that want to see a refused eviction at once.
     */
    public static KubernetesClient connectWithoutRetries(String masterUrl) {
        return new KubernetesClientBuilder().withConfig(config(masterUrl).withRequestRetryBackoffLimit(0).build())
                .build();
    }

    private static ConfigBuilder config(String masterUrl) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(masterUrl)
                .withNamespace("default")
                .withHttp2Disable(true);
    }
}
