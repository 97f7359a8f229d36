package io.resourcemanager.provisioner.adapter.proxmox;

import io.micronaut.context.ApplicationContext;
import io.resourcemanager.provisioner.domain.infra.Hypervisor;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;
import io.resourcemanager.simulator.faults.Faults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An infrastructure simulator (latencies at 1%) and the Proxmox adapter pointed at it, built by a small
 * Micronaut context so that the retry and circuit breaker annotations act as in the service.
 */
final class SimulatedProxmox implements AutoCloseable {

    /** How long the circuit stays open in these tests. */
    static final Duration BREAKER_RESET = Duration.ofSeconds(1);

    private final InfraSimulator simulator = InfraSimulator.start(SimulatorConfig.defaults()
            .withProxmoxPort(0).withKubernetesPort(0).withTimeScale(0.01));
    private final List<ApplicationContext> contexts = new ArrayList<>();

    /** The adapter with the token that may do everything. */
    Hypervisor hypervisor() {
        return hypervisor(simulator.apiToken());
    }

    /** The adapter of a fresh context using {@code token} (its own circuit breaker). */
    Hypervisor hypervisor(String token) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("rm.proxmox.url", simulator.proxmoxUrl());
        properties.put("rm.proxmox.token", token);
        properties.put("rm.proxmox.task-poll-interval", "20ms");
        properties.put("rm.proxmox.retry.delay", "20ms");
        properties.put("rm.proxmox.retry.max-delay", "2s");
        properties.put("rm.proxmox.breaker.reset", BREAKER_RESET.toMillis() + "ms");
        ApplicationContext context = AdapterOnlyContext.start(properties);
        contexts.add(context);
        return context.getBean(Hypervisor.class);
    }

    /** Proxmox as seen without the adapter. */
    ProxmoxProbe probe() {
        return new ProxmoxProbe(simulator.proxmoxUrl(), simulator.apiToken());
    }

    Faults faults() {
        return simulator.faults();
    }

    String noRightsToken() {
        return simulator.noRightsToken();
    }

    /** Proxmox API requests received so far. */
    long requests() {
        return simulator.proxmoxRequests();
    }

    @Override
    public void close() {
        contexts.forEach(ApplicationContext::close);
        simulator.close();
    }
}
