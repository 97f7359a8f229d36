package io.resourcemanager.health.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How nodes are observed (SPEC §7), under {@value #PREFIX}.
 *
 * @param checkInterval how often every node is judged again even without a change (the informer's resync)
 * @param heartbeatTimeout how old the Ready condition's heartbeat may be before Ready counts as Unknown; above
 *                         the kubelet's node status report frequency (5 min by default since Kubernetes
 *                         1.17: a healthy kubelet rewrites its status only on a change or that often, its
 *                         liveness goes through a Lease), so a quiet healthy node is never taken for silent
 * @param restartWindow how far back kubelet and container-runtime restarts are counted
 */
@ConfigurationProperties(HealthProperties.PREFIX)
public record HealthProperties(@Bindable(defaultValue = "30s") @NotNull Duration checkInterval,
                               @Bindable(defaultValue = "6m") @NotNull Duration heartbeatTimeout,
                               @Bindable(defaultValue = "20m") @NotNull Duration restartWindow) {

    /** Configuration prefix. */
    public static final String PREFIX = "rm.health";

    /** Settings with the defaults (for tests that build the adapters by hand). */
    public static HealthProperties defaults() {
        return new HealthProperties(Duration.ofSeconds(30), Duration.ofMinutes(6), Duration.ofMinutes(20));
    }
}
