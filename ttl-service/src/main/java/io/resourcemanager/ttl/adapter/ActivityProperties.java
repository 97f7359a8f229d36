package io.resourcemanager.ttl.adapter;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * How the activity of temporary workers is sampled for idle detection: {@code rm.ttl.activity.*}.
 *
 * @param enabled whether samples are taken and published at all
 * @param sampleInterval pause between the end of one sampling and the start of the next (also the delay of
 *                       the first one); must be positive, and well below {@code rm.ttl.sample-max-age}, since
 *                       idle expiry needs a recent sample
 * @param systemNamespaces namespaces whose pods never count as workload
 */
@ConfigurationProperties(ActivityProperties.PREFIX)
public record ActivityProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "60s") @NotNull Duration sampleInterval,
        @Bindable(defaultValue = "kube-system,kube-public,kube-node-lease") @NotNull List<String> systemNamespaces) {

    /** Configuration prefix. */
    public static final String PREFIX = "rm.ttl.activity";

    public ActivityProperties {
        if (sampleInterval == null || sampleInterval.isNegative() || sampleInterval.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".sample-interval must be positive: " + sampleInterval);
        }
        systemNamespaces = systemNamespaces == null ? List.of() : List.copyOf(systemNamespaces);
    }

    /** The properties with every default. */
    public static ActivityProperties defaults() {
        return new ActivityProperties(true, Duration.ofSeconds(60),
                List.of("kube-system", "kube-public", "kube-node-lease"));
    }
}
