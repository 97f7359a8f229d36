package io.resourcemanager.allocation.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.allocation.domain.DivisionPolicies;
import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.allocation.domain.Resources;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of the allocation service ({@code rm.allocation.*}).
 *
 * @param cluster capacity domain this service's API requests go to
 * @param maxWorkers cap on worker slots per cluster (0: no cap)
 * @param workerCpuMillis CPU of a default worker slot, in millicores
 * @param workerMemoryMb memory of a default worker slot, in MB
 * @param generalPools pools without taints, where requests without a target pool run
 * @param queueMaxSize waiting allocations per priority
 * @param decisionTimeout how long an API call waits for the ledger's decision before answering 202
 * @param maxMetadataEntries how many metadata entries a request may carry
 * @param maxMetadataValueLength longest metadata key or value
 */
@ConfigurationProperties(AllocationProperties.PREFIX)
public record AllocationProperties(
        @Bindable(defaultValue = "local") @NotBlank String cluster,
        @Bindable(defaultValue = "0") @Min(0) int maxWorkers,
        @Bindable(defaultValue = "1000") @Min(1) long workerCpuMillis,
        @Bindable(defaultValue = "2048") @Min(1) long workerMemoryMb,
        @Bindable(defaultValue = "permanent") @NotEmpty Set<String> generalPools,
        @Bindable(defaultValue = "100") @Min(0) int queueMaxSize,
        @Bindable(defaultValue = "5s") Duration decisionTimeout,
        @Bindable(defaultValue = "32") @Min(0) int maxMetadataEntries,
        @Bindable(defaultValue = "256") @Min(1) int maxMetadataValueLength) {

    /** Configuration prefix. */
    public static final String PREFIX = "rm.allocation";

    /** The ledger's view of these settings, with the given division policies. */
    public LedgerSettings ledgerSettings(DivisionPolicies policies) {
        return new LedgerSettings(maxWorkers, new Resources(workerCpuMillis, workerMemoryMb, 0), generalPools, queueMaxSize,
                policies);
    }
}
