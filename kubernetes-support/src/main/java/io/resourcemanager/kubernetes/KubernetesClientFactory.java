package io.resourcemanager.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The fabric8 client of the service. */
@Factory
class KubernetesClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    KubernetesClient kubernetesClient(KubernetesProperties properties) {
        ConfigBuilder config = new ConfigBuilder(Config.autoConfigure(null))
                .withTrustCerts(properties.trustCerts())
                .withNamespace(properties.namespace());
        if (properties.masterUrl() != null && !properties.masterUrl().isBlank()) {
            config.withMasterUrl(properties.masterUrl());
        }
        return new KubernetesClientBuilder().withConfig(config.build()).build();
    }
}
