package io.resourcemanager.provisioner.reconcile;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileSettings;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the reconciler runs: {@code rm.provisioner.reconcile.*}. How long a VM takes to shut down and to
 * be deleted follows the saga settings ({@code rm.provisioner.saga.force-stop-after} and the
 * {@code delete-vm} step timeout).
 *
 * @param enabled whether the periodic run does anything
 * @param interval pause between the end of one run and the start of the next (also the delay of the first run)
 * @param orphanGrace how long a VM of ours may go without a node before it is removed
 */
@ConfigurationProperties(ReconcileProperties.PREFIX)
public record ReconcileProperties(@Bindable(defaultValue = "true") boolean enabled,
                                  @Bindable(defaultValue = "60s") @NotNull Duration interval,
                                  @Bindable(defaultValue = "10m") @NotNull Duration orphanGrace) {

    public static final String PREFIX = "rm.provisioner.reconcile";

    /** The decision function's settings. */
    public ReconcileSettings settings() {
        return new ReconcileSettings(orphanGrace);
    }
}
