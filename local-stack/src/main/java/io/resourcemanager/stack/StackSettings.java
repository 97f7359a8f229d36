package io.resourcemanager.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The typed settings of one run of the local stack. Each {@link Setting} takes its value from a
 * {@code --key=value} argument, else from the system property {@code stack.<key>}, else from its
 * default. Every value is validated when the settings are parsed.
 */
public final class StackSettings {

    /** The address every part of the stack listens on: loopback only. */
    public static final String HOST = "127.0.0.1";

    private static final int MAX_PORT = 65_535;

    private final Map<Setting, String> values;
    private final List<ServiceDefinition> services;

    private StackSettings(Map<Setting, String> values) {
        this.values = values;
        this.services = parseServices(values.get(Setting.SERVICES));
        // read every value once, so that a bad one is reported before anything starts
        requiredPorts();
        initialNodes();
        timeScale();
        readyTimeout();
    }

    /**
     * @param args             command-line arguments, each {@code --key=value}
     * @param systemProperties where {@code stack.<key>} properties are looked up
     * @return the validated settings
     * @throws LocalStackException naming the offending option when an argument or value is invalid
     */
    public static StackSettings parse(List<String> args, Properties systemProperties) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            values.put(setting, systemProperties.getProperty(setting.systemProperty(), setting.defaultValue()).trim());
        }
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String key = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : "";
            Setting setting = Setting.byKey(key).orElseThrow(() -> new LocalStackException(
                    "Unknown argument '" + arg + "'; expected --<setting>=<value>, see --help"));
            values.put(setting, arg.substring(equals + 1).trim());
        }
        return new StackSettings(values);
    }

    /** @return the settings with every default, as if started without arguments */
    public static StackSettings defaults() {
        return parse(List.of(), new Properties());
    }

    /**
     * @param setting a port setting
     * @return its port number
     */
    public int port(Setting setting) {
        if (!setting.isPort()) {
            throw new IllegalArgumentException(setting + " is not a port");
        }
        int port = integer(setting);
        if (port < 1 || port > MAX_PORT) {
            throw invalid(setting, "a port number from 1 to " + MAX_PORT);
        }
        return port;
    }

    /**
     * @param setting a port setting
     * @return {@code http://127.0.0.1:<port>}
     */
    public String loopbackUrl(Setting setting) {
        return "http://" + HOST + ":" + port(setting);
    }

    /** @return every port this run listens on: the infrastructure's and the selected services' */
    public Map<Setting, Integer> requiredPorts() {
        Map<Setting, Integer> ports = new EnumMap<>(Setting.class);
        List<Setting> infrastructure = List.of(Setting.KAFKA_PORT, Setting.KAFKA_CONTROLLER_PORT,
                Setting.REGISTRY_PORT, Setting.PROXMOX_PORT, Setting.KUBERNETES_PORT);
        infrastructure.forEach(setting -> ports.put(setting, port(setting)));
        services.forEach(service -> ports.put(service.portSetting(), port(service.portSetting())));
        return ports;
    }

    /** @return the services to start, in catalogue order */
    public List<ServiceDefinition> services() {
        return services;
    }

    /** @return how many permanent nodes the simulator starts with */
    public int initialNodes() {
        int nodes = integer(Setting.INITIAL_NODES);
        if (nodes < 0) {
            throw invalid(Setting.INITIAL_NODES, "zero or more");
        }
        return nodes;
    }

    /** @return the simulator's time scale: simulated delays are multiplied by it */
    public double timeScale() {
        try {
            double scale = Double.parseDouble(values.get(Setting.TIME_SCALE));
            if (scale > 0) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(Setting.TIME_SCALE, "a positive number");
    }

    /** @return how long to wait for every part to become healthy */
    public Duration readyTimeout() {
        int seconds = integer(Setting.READY_TIMEOUT);
        if (seconds < 1) {
            throw invalid(Setting.READY_TIMEOUT, "a positive number of seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    /** @return the repository root, absolute */
    public Path repoDir() {
        return Path.of(values.get(Setting.REPO_DIR)).toAbsolutePath().normalize();
    }

    /** @return the work directory, absolute */
    public Path workDir() {
        String workDir = values.get(Setting.WORK_DIR);
        return workDir.isEmpty() ? repoDir().resolve(".stack") : Path.of(workDir).toAbsolutePath().normalize();
    }

    private int integer(Setting setting) {
        try {
            return Integer.parseInt(values.get(setting));
        } catch (NumberFormatException e) {
            throw invalid(setting, "a whole number");
        }
    }

    private LocalStackException invalid(Setting setting, String expected) {
        return new LocalStackException(
                setting.option() + " must be " + expected + ", was '" + values.get(setting) + "'");
    }

    private static List<ServiceDefinition> parseServices(String names) {
        List<ServiceDefinition> selected = Arrays.stream(names.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> ServiceCatalogue.named(name).orElseThrow(() -> new LocalStackException(
                        "Unknown service '" + name + "' in " + Setting.SERVICES.option()
                                + "; known services: " + ServiceCatalogue.names())))
                .toList();
        return ServiceCatalogue.all().stream().filter(selected::contains).toList();
    }
}
