package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the disruption controller computes for a {@code policy/v1} PodDisruptionBudget from the pods it
 * selects: how many are healthy (Ready, not being deleted) and how many must stay healthy. With an
 * integer {@code minAvailable} that number is given; with a percentage or {@code maxUnavailable} it is
 * scaled from the expected pod count, the sum of the replicas of the selected pods' controllers, and a
 * selected pod without a controller makes the budget unusable (no disruption allowed), as in Kubernetes.
 */
final class DisruptionBudgets {

    private DisruptionBudgets() {
    }

    /** A workload controller (Deployment, StatefulSet, …) and its desired replicas. */
    record Controller(String uid, int replicas) {
    }

    /**
     * @param name the budget's name
     * @param currentHealthy selected pods that are Ready and not being deleted
     * @param desiredHealthy healthy pods the budget requires
     * @param failure why the budget cannot be evaluated, if it cannot (then nothing may be disrupted)
     */
    record Assessment(String name, int currentHealthy, int desiredHealthy, Optional<String> failure) {

        /** How many healthy pods may be disrupted now. */
        int disruptionsAllowed() {
            return failure.isPresent() ? 0 : Math.max(0, currentHealthy - desiredHealthy);
        }

        /** Whether the protected application currently has the healthy pods it needs. */
        boolean budgetHealthy() {
            return failure.isEmpty() && currentHealthy >= desiredHealthy;
        }
    }

    /** Whether {@code budget} selects {@code pod} (same namespace, matching selector). */
    static boolean selects(PodDisruptionBudget budget, Pod pod) {
        return budget.getMetadata().getNamespace().equals(pod.getMetadata().getNamespace())
                && budget.getSpec() != null
                && LabelSelectors.matches(budget.getSpec().getSelector(), pod.getMetadata().getLabels());
    }

    /**
     * Assesses {@code budget}.
     *
     * @param podsOfNamespace every pod of the budget's namespace
     * @param controllerOf the controller of a pod, if it has one
     */
    static Assessment assess(PodDisruptionBudget budget, List<Pod> podsOfNamespace,
                             Function<Pod, Optional<Controller>> controllerOf) {
        List<Pod> selected = podsOfNamespace.stream().filter(pod -> selects(budget, pod)).toList();
        int healthy = (int) selected.stream().filter(PodStates::healthy).count();
        String name = budget.getMetadata().getName();
        IntOrString minAvailable = budget.getSpec().getMinAvailable();
        IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
        if (maxUnavailable == null && minAvailable == null) {
            return new Assessment(name, healthy, 0, Optional.empty());
        }
        if (maxUnavailable == null && minAvailable.getIntVal() != null) {
            return new Assessment(name, healthy, minAvailable.getIntVal(), Optional.empty());
        }
        Map<String, Integer> replicasByController = new HashMap<>();
        for (Pod pod : selected) {
            Optional<Controller> controller = controllerOf.apply(pod);
            if (controller.isEmpty()) {
                return new Assessment(name, healthy, 0,
                        Optional.of("found no controllers for pod \"" + pod.getMetadata().getName() + "\""));
            }
            replicasByController.put(controller.get().uid(), controller.get().replicas());
        }
        int expected = replicasByController.values().stream().mapToInt(Integer::intValue).sum();
        int desired = maxUnavailable != null
                ? Math.max(0, expected - scaled(maxUnavailable, expected))
                : scaled(minAvailable, expected);
        return new Assessment(name, healthy, desired, Optional.empty());
    }

    /** An absolute count, or a percentage of {@code total} rounded up, as Kubernetes scales budgets. */
    static int scaled(IntOrString value, int total) {
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String text = value.getStrVal().trim();
        if (!text.endsWith("%")) {
            return Integer.parseInt(text);
        }
        int percent = Integer.parseInt(text.substring(0, text.length() - 1));
        return (int) Math.ceil(percent * (double) total / 100);
    }
}
