package io.resourcemanager.stack;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting of the local stack: its option name ({@code --kafka-port=9192}, or the system
 * property {@code stack.kafka-port}), its default and what it means.
 */
public enum Setting {
    KAFKA_PORT("kafka-port", "9092", "Kafka broker port for clients"),
    KAFKA_CONTROLLER_PORT("kafka-controller-port", "9093", "Kafka KRaft controller port"),
    REGISTRY_PORT("registry-port", "8081", "Apicurio Registry port"),
    PROXMOX_PORT("proxmox-port", "8006", "port of the simulated Proxmox VE API"),
    KUBERNETES_PORT("kubernetes-port", "6443", "port of the simulated Kubernetes API"),
    ALLOCATION_PORT("allocation-port", "8080", "allocation-service HTTP port"),
    PROVISIONER_PORT("provisioner-port", "8082", "provisioner-service HTTP port"),
    TTL_PORT("ttl-port", "8083", "ttl-service HTTP port"),
    HEALTH_PORT("health-port", "8084", "health-service HTTP port"),
    COST_PORT("cost-port", "8085", "cost-service HTTP port"),
    INITIAL_NODES("initial-nodes", "3", "permanent worker nodes the simulator starts with"),
    TIME_SCALE("time-scale", "0.02", "simulator time scale (0.02: a 90 s clone takes 1.8 s)"),
    SERVICES("services", "allocation,provisioner,ttl,health,cost", "services to start, comma-separated"),
    READY_TIMEOUT("ready-timeout", "120", "seconds to wait for every part to become healthy"),
    REPO_DIR("repo-dir", ".", "repository root, where the built modules are found"),
    WORK_DIR("work-dir", "", "broker data, logs and the unpacked registry (default <repo-dir>/.stack)");

    /** Prefix of the system property form of a setting: {@code -Dstack.kafka-port=9192}. */
    public static final String SYSTEM_PROPERTY_PREFIX = "stack.";

    private static final String PORT_SUFFIX = "-port";

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** @return the option name without dashes, e.g. {@code kafka-port} */
    public String key() {
        return key;
    }

    /** @return the command-line form, e.g. {@code --kafka-port} */
    public String option() {
        return "--" + key;
    }

    /** @return the system property form, e.g. {@code stack.kafka-port} */
    public String systemProperty() {
        return SYSTEM_PROPERTY_PREFIX + key;
    }

    /** @return the value used when neither an option nor a system property sets it */
    public String defaultValue() {
        return defaultValue;
    }

    /** @return one line saying what the setting controls */
    public String description() {
        return description;
    }

    /** @return whether the setting is a TCP port the stack listens on */
    public boolean isPort() {
        return key.endsWith(PORT_SUFFIX);
    }

    /**
     * @param key an option name without dashes
     * @return the setting with that name, if there is one
     */
    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(setting -> setting.key.equals(key)).findFirst();
    }
}
