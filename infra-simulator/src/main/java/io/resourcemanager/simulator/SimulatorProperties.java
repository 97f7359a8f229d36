package io.resourcemanager.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiFunction;

/**
 * Reads a {@link SimulatorConfig} from {@code sim.*} system properties and {@code --key=value}
 * arguments (with or without the {@code sim.} prefix; arguments win). Unset keys keep the defaults.
 */
final class SimulatorProperties {

    static final String HOST = "sim.host";
    static final String PROXMOX_PORT = "sim.proxmox.port";
    static final String KUBERNETES_PORT = "sim.kubernetes.port";
    static final String API_TOKEN = "sim.api-token";
    static final String PROXMOX_NODE = "sim.proxmox.node";
    static final String INITIAL_NODES = "sim.initial-nodes";
    static final String INITIAL_TEMPLATE = "sim.initial-template";
    static final String TIME_SCALE = "sim.time-scale";

    private static final String PREFIX = "sim.";

    private SimulatorProperties() {
    }

    /**
     * @throws IllegalArgumentException naming the property when a value is malformed or an argument unknown
     */
    static SimulatorConfig read(Properties system, String[] args) {
        Map<String, String> values = new HashMap<>();
        system.stringPropertyNames().stream().filter(key -> key.startsWith(PREFIX))
                .forEach(key -> values.put(key, system.getProperty(key)));
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments look like --sim.proxmox.port=8006, got " + arg);
            }
            String key = arg.substring(2, arg.indexOf('='));
            values.put(key.startsWith(PREFIX) ? key : PREFIX + key, arg.substring(arg.indexOf('=') + 1));
        }
        SimulatorConfig config = SimulatorConfig.defaults();
        config = apply(values, HOST, config, (c, v) -> c.withHost(v));
        config = apply(values, PROXMOX_PORT, config, (c, v) -> c.withProxmoxPort(Integer.parseInt(v)));
        config = apply(values, KUBERNETES_PORT, config, (c, v) -> c.withKubernetesPort(Integer.parseInt(v)));
        config = apply(values, API_TOKEN, config, (c, v) -> c.withApiToken(v));
        config = apply(values, PROXMOX_NODE, config, (c, v) -> c.withProxmoxNode(v));
        config = apply(values, INITIAL_NODES, config, (c, v) -> c.withInitialPermanentNodes(Integer.parseInt(v)));
        config = apply(values, INITIAL_TEMPLATE, config, (c, v) -> c.withInitialNodeTemplate(v));
        config = apply(values, TIME_SCALE, config, (c, v) -> c.withTimeScale(Double.parseDouble(v)));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown simulator properties " + values.keySet());
        }
        return config;
    }

    /** The property that sets the port of {@code listener}. */
    static String portProperty(PortInUseException.Listener listener) {
        return listener == PortInUseException.Listener.PROXMOX ? PROXMOX_PORT : KUBERNETES_PORT;
    }

    private static SimulatorConfig apply(Map<String, String> values, String key, SimulatorConfig config,
            BiFunction<SimulatorConfig, String, SimulatorConfig> setter) {
        String value = values.remove(key);
        if (value == null) {
            return config;
        }
        try {
            return setter.apply(config, value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "=" + value + " is invalid: " + e.getMessage(), e);
        }
    }
}
