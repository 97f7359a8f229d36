package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;

/** The lifecycle facts of a Pod the eviction and disruption logic looks at. */
final class PodStates {

    private PodStates() {
    }

    /** The pod's phase; a pod without status has not been scheduled and counts as {@code Pending}. */
    static String phase(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return phase == null ? "Pending" : phase;
    }

    /** Whether the pod has finished ({@code Succeeded} or {@code Failed}). */
    static boolean terminal(Pod pod) {
        String phase = phase(pod);
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    /** Whether the pod is being deleted. */
    static boolean terminating(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() != null;
    }

    /** Whether the pod's Ready condition is True. */
    static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** Whether the disruption controller counts the pod healthy: Ready and not being deleted. */
    static boolean healthy(Pod pod) {
        return ready(pod) && !terminating(pod);
    }
}
