package io.resourcemanager.provisioner.benchmark;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.resourcemanager.simulator.InfraSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The provisioner service as production runs it (its own {@code application.yml}, real Proxmox and
 * Kubernetes adapters), started in this JVM with Micronaut and pointed at the benchmark's broker,
 * registry and simulator. The benchmark talks to it over its REST API, and reads one autoscaler meter.
 */
final class RunningProvisioner implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private final EmbeddedServer server;
    private final HttpClient http;

    private RunningProvisioner(EmbeddedServer server) {
        this.server = server;
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(READ_TIMEOUT);
        this.http = HttpClient.create(server.getURL(), configuration);
    }

    /** Starts the service with {@code properties} on top of its own configuration. */
    static RunningProvisioner start(Map<String, Object> properties) {
        return new RunningProvisioner(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    /**
     * What every instance needs: the broker, the registry, the simulated Proxmox and Kubernetes, a fresh
     * state directory, a random HTTP port, and the pool maximum the rounds need.
     */
    static Map<String, Object> baseProperties(BenchmarkInfrastructure infrastructure, InfraSimulator simulator,
                                              BenchmarkSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("kafka.bootstrap-servers", infrastructure.bootstrapServers());
        properties.put("rm.registry.url", infrastructure.registryBaseUrl());
        properties.put("kafka.state-dir", temporaryDirectory());
        properties.put("micronaut.server.port", -1);
        properties.put("rm.kubernetes.master-url", simulator.kubernetesUrl());
        properties.put("rm.proxmox.url", simulator.proxmoxUrl());
        properties.put("rm.proxmox.token", simulator.apiToken());
        properties.put("rm.provisioner.pools." + BenchmarkSettings.POOL + ".max", settings.poolMax());
        settings.taskPollInterval().ifPresent(interval -> properties.put("rm.proxmox.task-poll-interval", interval));
        return properties;
    }

    /** {@code POST /pools/{pool}/scale {count}} with the pool's default template and a two-hour TTL; the answer. */
    Map<String, Object> scale(String pool, int count) {
        return http.toBlocking().retrieve(HttpRequest.POST("/pools/" + pool + "/scale",
                Map.of("count", count, "ttl_hours", 2)), JSON);
    }

    /** {@code GET /pools/{pool}}. */
    Map<String, Object> pool(String pool) {
        return http.toBlocking().retrieve(HttpRequest.GET("/pools/" + pool), JSON);
    }

    /** The queued demand of {@code pool} as the autoscaler's last tick saw it, once it has ticked. */
    Optional<Double> autoscalerDemand(String pool) {
        MeterRegistry meters = server.getApplicationContext().getBean(MeterRegistry.class);
        return Optional.ofNullable(meters.find("rm.provisioner.autoscale.demand").tag("pool", pool).gauge())
                .map(Gauge::value);
    }

    @Override
    public void close() {
        try {
            http.close();
        } finally {
            server.getApplicationContext().close();
        }
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("provisioner-benchmark").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
