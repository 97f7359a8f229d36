package io.resourcemanager.ttl.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.ttl.domain.TtlPolicy;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The TTL rules (SPEC §6) and how often they are checked, under {@value #PREFIX}.
 *
 * @param warningLead how long before a deadline the warning goes out
 * @param workerGrace how long an expired worker keeps running before it is drained
 * @param defaultExtension what one extension adds when the request names no amount
 * @param maxExtensions how many extensions a subject may have
 * @param maxLifetime longest life of a subject whose event names no limit (from its start)
 * @param idleCpu CPU fraction below which a worker without workload pods is idle
 * @param idleAfter how long a worker stays idle before it expires early
 * @param sampleMaxAge how recent the last activity sample must be for an idle expiry
 * @param closedRetention how long finished countdowns are kept to absorb late or repeated events
 * @param tick how often due countdowns are fired
 * @param batch at most this many due countdowns fire in one tick; more wait for the next one (input flows meanwhile)
 * @param outcomeTimeout how long {@code POST /ttl/{subject}/extend} waits for the decision
 */
@ConfigurationProperties(TtlProperties.PREFIX)
public record TtlProperties(@Bindable(defaultValue = "5m") @NotNull Duration warningLead,
                            @Bindable(defaultValue = "5m") @NotNull Duration workerGrace,
                            @Bindable(defaultValue = "2h") @NotNull Duration defaultExtension,
                            @Bindable(defaultValue = "3") @Min(0) int maxExtensions,
                            @Bindable(defaultValue = "12h") @NotNull Duration maxLifetime,
                            @Bindable(defaultValue = "0.05") @DecimalMin("0") @DecimalMax("1") double idleCpu,
                            @Bindable(defaultValue = "30m") @NotNull Duration idleAfter,
                            @Bindable(defaultValue = "5m") @NotNull Duration sampleMaxAge,
                            @Bindable(defaultValue = "24h") @NotNull Duration closedRetention,
                            @Bindable(defaultValue = "250ms") @NotNull Duration tick,
                            @Bindable(defaultValue = "10000") @Min(1) int batch,
                            @Bindable(defaultValue = "10s") @NotNull Duration outcomeTimeout) {

    /** Configuration prefix. */
    public static final String PREFIX = "rm.ttl";

    /** The rules as a plain domain value. */
    public TtlPolicy policy() {
        return new TtlPolicy(warningLead, workerGrace, defaultExtension, maxExtensions, maxLifetime, idleCpu,
                idleAfter, sampleMaxAge, closedRetention);
    }

    /** Settings with the SPEC defaults (for tests and tools that build the topology by hand). */
    public static TtlProperties defaults() {
        TtlPolicy spec = TtlPolicy.DEFAULTS;
        return new TtlProperties(spec.warningLead(), spec.workerGrace(), spec.defaultExtension(), spec.maxExtensions(),
                spec.maxLifetime(), spec.idleCpu(), spec.idleAfter(), spec.sampleMaxAge(), spec.closedRetention(),
                Duration.ofMillis(250), 10_000, Duration.ofSeconds(10));
    }
}
