package io.resourcemanager.provisioner.adapter.proxmox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.inject.BeanDefinitionReference;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A Micronaut context with the framework's beans (retry, circuit breaker, HTTP client, JSON, validation)
 * and, of this service, only the Proxmox adapter: the service's Kafka, Kubernetes and saga beans stay
 * out, so the adapter is tested on its own yet through the same interceptors as in the service.
 */
final class AdapterOnlyContext extends DefaultApplicationContext {

    private static final String SERVICE_PACKAGES = "io.resourcemanager.";
    private static final String ADAPTER_PACKAGE = ProxmoxApi.class.getPackageName() + ".";

    private AdapterOnlyContext() {
        super("test");
    }

    /** Starts a context with {@code properties} on top of application.yml. */
    static ApplicationContext start(Map<String, Object> properties) {
        AdapterOnlyContext context = new AdapterOnlyContext();
        context.getEnvironment().addPropertySource(PropertySource.of("proxmox-adapter-test", properties));
        context.registerSingleton(Clock.class, Clock.systemUTC());
        context.start();
        return context;
    }

    @Override
    protected List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
        return super.resolveBeanDefinitionReferences().stream()
                .filter(reference -> {
                    String name = reference.getBeanDefinitionName();
                    return !name.startsWith(SERVICE_PACKAGES) || name.startsWith(ADAPTER_PACKAGE);
                })
                .toList();
    }
}
