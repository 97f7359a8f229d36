package io.resourcemanager.kafka.testing;

import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;
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

    @AfterAll
    void stopSimulator() {
        simulator.close();
    }
}
