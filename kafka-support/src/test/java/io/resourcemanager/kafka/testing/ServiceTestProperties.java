package io.resourcemanager.kafka.testing;

import io.resourcemanager.testkit.KafkaTestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** Configuration that points a service under test at the shared test broker and registry. */
public final class ServiceTestProperties {

    private ServiceTestProperties() {
    }

    /** Broker, registry, a fresh state directory and application ids of its own, a random HTTP port. */
    public static Map<String, String> forSharedKafka() {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        Map<String, String> properties = new HashMap<>();
        properties.put("kafka.bootstrap-servers", env.bootstrapServers());
        properties.put("rm.registry.url", env.registryBaseUrl());
        properties.put("kafka.state-dir", temporaryDirectory());
        properties.put("rm.streams.application-id-prefix", env.uniqueName("rm"));
        properties.put("micronaut.server.port", "-1");
        return properties;
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("streams-state").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
