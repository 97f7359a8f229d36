package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The effective resource requests of a pod as the scheduler counts them: the sum over its containers,
 * at least the largest init container's, plus the pod overhead.
 *
 * @param cpuCores CPU in cores
 * @param memoryBytes memory in bytes
 */
record PodRequests(BigDecimal cpuCores, BigDecimal memoryBytes) {

    /** Nothing requested. */
    static final PodRequests NONE = new PodRequests(BigDecimal.ZERO, BigDecimal.ZERO);

    /** The effective requests of {@code pod}. */
    static PodRequests of(Pod pod) {
        if (pod.getSpec() == null) {
            return NONE;
        }
        PodRequests containers = sum(pod.getSpec().getContainers());
        PodRequests largestInit = NONE;
        for (Container init : nullToEmpty(pod.getSpec().getInitContainers())) {
            largestInit = largestInit.max(of(init));
        }
        return containers.max(largestInit).plus(of(pod.getSpec().getOverhead()));
    }

    /** This plus {@code other}. */
    PodRequests plus(PodRequests other) {
        return new PodRequests(cpuCores.add(other.cpuCores), memoryBytes.add(other.memoryBytes));
    }

    private PodRequests max(PodRequests other) {
        return new PodRequests(cpuCores.max(other.cpuCores), memoryBytes.max(other.memoryBytes));
    }

    private static PodRequests sum(List<Container> containers) {
        PodRequests total = NONE;
        for (Container container : nullToEmpty(containers)) {
            total = total.plus(of(container));
        }
        return total;
    }

    private static PodRequests of(Container container) {
        return container.getResources() == null ? NONE : of(container.getResources().getRequests());
    }

    private static PodRequests of(Map<String, Quantity> resources) {
        if (resources == null) {
            return NONE;
        }
        return new PodRequests(amount(resources.get("cpu")), amount(resources.get("memory")));
    }

    private static BigDecimal amount(Quantity quantity) {
        return quantity == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(quantity);
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
