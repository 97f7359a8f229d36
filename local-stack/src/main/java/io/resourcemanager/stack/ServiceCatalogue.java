package io.resourcemanager.stack;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The five Resource Manager services, in the order the stack starts them. */
public final class ServiceCatalogue {

    private static final List<ServiceDefinition> ALL = List.of(
            new ServiceDefinition("allocation", Setting.ALLOCATION_PORT),
            new ServiceDefinition("provisioner", Setting.PROVISIONER_PORT),
            new ServiceDefinition("ttl", Setting.TTL_PORT),
            new ServiceDefinition("health", Setting.HEALTH_PORT),
            new ServiceDefinition("cost", Setting.COST_PORT));

    private ServiceCatalogue() {
    }

    /** @return every service */
    public static List<ServiceDefinition> all() {
        return ALL;
    }

    /**
     * @param name a short service name such as {@code allocation}
     * @return the service with that name, if there is one
     */
    public static Optional<ServiceDefinition> named(String name) {
        return ALL.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    /** @return the short names, comma-separated */
    public static String names() {
        return ALL.stream().map(ServiceDefinition::name).collect(Collectors.joining(", "));
    }
}
