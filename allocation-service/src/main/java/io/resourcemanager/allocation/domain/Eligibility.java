package io.resourcemanager.allocation.domain;

import java.util.Set;

/**
 * Which nodes a request's workers may run on. Pools other than the general-purpose ones carry taints
 * (burst, spot, GPU): only requests that target the pool, or that need GPUs on a GPU node, tolerate them.
 */
final class Eligibility {

    private final Set<String> generalPools;

    Eligibility(Set<String> generalPools) {
        this.generalPools = generalPools;
    }

    boolean allows(AllocationRequest request, NodeCapacity node) {
        if (request.targetTemplate() != null && !request.targetTemplate().equals(node.template())) {
            return false;
        }
        if (request.targetPool() != null) {
            return request.targetPool().equals(node.pool());
        }
        if (request.shape().gpu() > 0) {
            return node.allocatable().gpu() > 0;
        }
        return generalPools.contains(node.pool());
    }
}
