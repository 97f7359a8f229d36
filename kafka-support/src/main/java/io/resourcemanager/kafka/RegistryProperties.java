package io.resourcemanager.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.topics.RegistrySettings;
import jakarta.validation.constraints.NotBlank;

/**
 * Where the schema registry is.
 *
 * @param url base address of the registry, for example {@code http://127.0.0.1:8081}
 * @param autoRegister whether producers register schemas they do not find
 */
@ConfigurationProperties(RegistryProperties.PREFIX)
public record RegistryProperties(@NotBlank String url, @Bindable(defaultValue = "true") boolean autoRegister) {

    /** Configuration prefix. */
    public static final String PREFIX = "rm.registry";

    /** The serde-level view of these properties. */
    public RegistrySettings settings() {
        RegistrySettings base = RegistrySettings.atBaseAddress(url);
        return new RegistrySettings(base.url(), autoRegister);
    }
}
