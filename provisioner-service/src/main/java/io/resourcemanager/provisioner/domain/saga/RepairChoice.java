package io.resourcemanager.provisioner.domain.saga;

import java.util.Objects;

/** How the provisioner carries out one rung of the repair ladder on a worker. */
public sealed interface RepairChoice {

    /** Run a repair saga of this kind. */
    record Run(SagaKind kind) implements RepairChoice {
    }

    /** Decommission the worker and provision a new one in its place. */
    record Replace() implements RepairChoice {
    }

    /** Do nothing; the health service hears why. */
    record Refuse(String reason) implements RepairChoice {
    }

    /**
     * The choice for repair level {@code level} (as the health service names it) on a worker.
     *
     * @param protectedWorker whether automation may never destroy the worker
     * @param agentAvailable whether the node agent (Talos API) can act on nodes
     */
    public static RepairChoice of(String level, boolean protectedWorker, boolean agentAvailable) {
        Objects.requireNonNull(level, "level");
        return switch (level) {
            case "RESTART_KUBELET" -> new Run(agentAvailable ? SagaKind.RESTART_KUBELET : SagaKind.REBOOT);
            case "REBOOT" -> new Run(SagaKind.REBOOT);
            case "DRAIN_AND_REBOOT" -> new Run(SagaKind.DRAIN_AND_REBOOT);
            case "REPLACE" -> protectedWorker
                    ? new Refuse("the worker is protected: automation never replaces it; an operator must")
                    : new Replace();
            case "CLEAN_IMAGES" -> new Refuse("image cleanup needs the node agent (Talos API), which is "
                    + (agentAvailable ? "not able to clean images yet" : "not configured"));
            default -> new Refuse("unknown repair level " + level);
        };
    }
}
