package io.resourcemanager.provisioner.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.provisioner.domain.infra.DrainPolicy;
import io.resourcemanager.provisioner.domain.saga.SagaPolicy;
import io.resourcemanager.provisioner.domain.saga.SagaStep;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How provisioning, decommissioning and repair sagas run: {@code rm.provisioner.saga.*}. Step
 * timeouts are keyed by step in lower case with dashes ({@code clone: 90s}, {@code delete-vm: 120s});
 * steps not named keep the SPEC §4 default.
 *
 * @param stepTimeouts overrides of step timeouts
 * @param maxRetries retries of a step after a retriable failure
 * @param firstBackoff pause before the first retry, doubled for each further one
 * @param maxBackoff longest pause between retries
 * @param drainGrace termination grace of evicted pods
 * @param drainBatchSize pods evicted at once
 * @param drainBatchPause pause between eviction batches
 * @param drainTimeout how long a drain may take before it reports what is left
 * @param forceStopAfter how long a guest may take to shut down before its VM is stopped hard
 * @param maxParallelProvisions provisionings running at once
 * @param maxParallelRemovals decommissionings and repairs running at once
 * @param fullClone full clones (independent disks) rather than linked clones
 * @param machineConfig reference of the Talos machine config a worker boots with; {@code {pool}} is replaced by its pool
 */
@ConfigurationProperties(SagaProperties.PREFIX)
public record SagaProperties(@Bindable(defaultValue = "") Map<String, Duration> stepTimeouts,
                             @Bindable(defaultValue = "3") @Min(0) int maxRetries,
                             @Bindable(defaultValue = "1s") Duration firstBackoff,
                             @Bindable(defaultValue = "30s") Duration maxBackoff,
                             @Bindable(defaultValue = "300s") Duration drainGrace,
                             @Bindable(defaultValue = "5") @Min(1) int drainBatchSize,
                             @Bindable(defaultValue = "10s") Duration drainBatchPause,
                             @Bindable(defaultValue = "600s") Duration drainTimeout,
                             @Bindable(defaultValue = "120s") Duration forceStopAfter,
                             @Bindable(defaultValue = "5") @Min(1) int maxParallelProvisions,
                             @Bindable(defaultValue = "5") @Min(1) int maxParallelRemovals,
                             @Bindable(defaultValue = "true") boolean fullClone,
                             @Bindable(defaultValue = "user=local:snippets/talos-{pool}-worker.yaml") @NotBlank String machineConfig) {

    public static final String PREFIX = "rm.provisioner.saga";

    /** The policy these properties describe. */
    public SagaPolicy policy() {
        SagaPolicy defaults = SagaPolicy.defaults();
        DrainPolicy drain = new DrainPolicy(drainGrace, drainBatchSize, drainBatchPause, drainTimeout);
        Map<SagaStep, Duration> timeouts = new EnumMap<>(defaults.stepTimeouts());
        timeouts.put(SagaStep.DRAIN, drainTimeout.plusSeconds(60));
        timeouts.put(SagaStep.SHUTDOWN, forceStopAfter.plusSeconds(60));
        if (stepTimeouts != null) {
            stepTimeouts.forEach((step, timeout) ->
                    timeouts.put(SagaStep.valueOf(step.toUpperCase(Locale.ROOT).replace('-', '_')), timeout));
        }
        return new SagaPolicy(timeouts, maxRetries, firstBackoff, maxBackoff, drain, forceStopAfter);
    }

    /** The machine-config reference of a worker of {@code pool}. */
    public String machineConfigFor(String pool) {
        return machineConfig.replace("{pool}", pool);
    }
}
