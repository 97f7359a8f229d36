package io.resourcemanager.kafka.testing;

import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link ServiceEndpointsContract} for services that talk to the cluster: also starts the
 * infrastructure simulator (ephemeral ports, time scale 0.01) and points the service's Kubernetes
 * client at it. Subclasses add their own properties through {@link #serviceProperties()}.
 */
public abstract class SimulatedClusterContract extends ServiceEndpointsContract {

    /** The simulator of this test class, started before the service. */
    protected InfraSimulator simulator;
    /** Everything the service under test was configured with (to start another instance alike). */
    protected Map<String, String> properties;

    @Override
    public final Map<String, String> getProperties() {
        simulator = InfraSimulator.start(SimulatorConfig.defaults()
                .withProxmoxPort(0).withKubernetesPort(0).withTimeScale(0.01));
        properties = new HashMap<>(super.getProperties());
        properties.put("rm.kubernetes.master-url", simulator.kubernetesUrl());
        properties.putAll(serviceProperties());
        return properties;
    }

    /** Properties of the service under test, on top of Kafka, registry and simulator. */
    protected Map<String, String> serviceProperties() {
        return Map.of();
    }

    /**
     * Asks the simulated Proxmox API to {@code action} ({@code stop}, {@code start}, …) VM {@code vmId}, as an
     * operator or a failure would; the simulated kubelet of its node follows.
     */
    protected void powerVm(int vmId, String action) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.proxmoxUrl() + "/api2/json/nodes/pve1/qemu/"
                        + vmId + "/status/" + action))
                .header("Authorization", "PVEAPIToken=" + simulator.apiToken())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(action + " of VM " + vmId + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    @AfterAll
    void stopSimulator() {
        simulator.close();
    }
}
