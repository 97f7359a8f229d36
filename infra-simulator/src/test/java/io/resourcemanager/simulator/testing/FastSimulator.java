package io.resourcemanager.simulator.testing;

import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;

/** Starts simulators for tests: ephemeral ports, latencies scaled to 1%. */
public final class FastSimulator {

    private FastSimulator() {
    }

    public static SimulatorConfig config() {
        return SimulatorConfig.defaults().withProxmoxPort(0).withKubernetesPort(0).withTimeScale(0.01);
    }

    public static InfraSimulator start() {
        return InfraSimulator.start(config());
    }
}
