package io.resourcemanager.provisioner.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.provisioner.domain.PoolSpec;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One pool: {@code rm.provisioner.pools.<name>.*} (defaults in application.yml follow SPEC §3). */
@EachProperty("rm.provisioner.pools")
public record PoolProperties(@Parameter String name,
                             @Min(0) int min,
                             @Min(0) int max,
                             @Nullable Duration defaultTtl,
                             @Nullable Duration maxTtl,
                             @Nullable Duration preemptionGrace,
                             @Nullable Map<String, String> labels,
                             @Nullable List<String> taints,
                             @Bindable(defaultValue = "false") boolean protectedPool,
                             @Nullable String defaultTemplate) {

    PoolSpec toSpec() {
        return new PoolSpec(name, min, max, defaultTtl, maxTtl, preemptionGrace,
                labels == null ? Map.of() : labels, taints == null ? List.of() : taints, protectedPool);
    }
}
