package io.resourcemanager.kubernetes;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How to reach the Kubernetes API server.
 *
 * @param masterUrl API server URL; when absent, the usual kubeconfig / in-cluster discovery applies
 * @param trustCerts whether to trust the server's certificate without verification
 * @param namespace namespace of namespaced resources the service manages
 */
@ConfigurationProperties(KubernetesProperties.PREFIX)
public record KubernetesProperties(@Nullable String masterUrl,
                                   @Bindable(defaultValue = "false") boolean trustCerts,
                                   @Bindable(defaultValue = "default") String namespace) {

    /** Configuration prefix. */
    public static final String PREFIX = "rm.kubernetes";
}
