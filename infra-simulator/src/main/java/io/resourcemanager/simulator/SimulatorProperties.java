package io.resourcemanager.simulator;

import io.resourcemanager.simulator.faults.FaultSettings;
import io.resourcemanager.simulator.support.Json;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link SimulatorConfig} from {@code sim.*} system properties and {@code --key=value}
 * arguments (with or without the {@code sim.} prefix; arguments win). Unset keys keep the defaults.
 * Faults injected from the start are {@code sim.faults.<field>}, a {@link FaultSettings} field in
 * kebab case ({@code sim.faults.fail-next-starts=2}); {@code flap-nodes} is a comma-separated list.
 */
final class SimulatorProperties {

    static final String HOST = "sim.host";
    static final String PROXMOX_PORT = "sim.proxmox.port";
    static final String KUBERNETES_PORT = "sim.kubernetes.port";
    static final String API_TOKEN = "sim.api-token";
    static final String NO_RIGHTS_TOKEN = "sim.no-rights-token";
    static final String PROXMOX_NODE = "sim.proxmox.node";
    static final String INITIAL_NODES = "sim.initial-nodes";
    static final String INITIAL_TEMPLATE = "sim.initial-template";
    static final String TIME_SCALE = "sim.time-scale";
    static final String FAULTS_PREFIX = "sim.faults.";

    private static final String PREFIX = "sim.";
    private static final Pattern KEBAB = Pattern.compile("-([a-z])");
    private static final List<String> FAULT_FIELDS = Arrays.stream(FaultSettings.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

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
        config = apply(values, NO_RIGHTS_TOKEN, config, (c, v) -> c.withNoRightsToken(v));
        config = apply(values, PROXMOX_NODE, config, (c, v) -> c.withProxmoxNode(v));
        config = apply(values, INITIAL_NODES, config, (c, v) -> c.withInitialPermanentNodes(Integer.parseInt(v)));
        config = apply(values, INITIAL_TEMPLATE, config, (c, v) -> c.withInitialNodeTemplate(v));
        config = apply(values, TIME_SCALE, config, (c, v) -> c.withTimeScale(Double.parseDouble(v)));
        config = config.withFaults(faults(values));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown simulator properties " + values.keySet());
        }
        return config;
    }

    /** The property that sets the port of {@code listener}. */
    static String portProperty(PortInUseException.Listener listener) {
        return listener == PortInUseException.Listener.PROXMOX ? PROXMOX_PORT : KUBERNETES_PORT;
    }

    /** Takes the known {@code sim.faults.*} keys out of {@code values}; unknown ones stay and are refused. */
    private static FaultSettings faults(Map<String, String> values) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String key : new ArrayList<>(values.keySet())) {
            String field = key.startsWith(FAULTS_PREFIX) ? camelCase(key.substring(FAULTS_PREFIX.length())) : "";
            if (FAULT_FIELDS.contains(field)) {
                String value = values.remove(key).trim();
                Object typed = field.equals("flapNodes")
                        ? Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList()
                        : value;
                try {
                    Json.mapper().convertValue(Map.of(field, typed), FaultSettings.class).validate();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + "=" + value + " is invalid: " + e.getMessage(), e);
                }
                fields.put(field, typed);
            }
        }
        return Json.mapper().convertValue(fields, FaultSettings.class);
    }

    private static String camelCase(String kebab) {
        Matcher matcher = KEBAB.matcher(kebab);
        StringBuilder camel = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(camel, matcher.group(1).toUpperCase());
        }
        return matcher.appendTail(camel).toString();
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
