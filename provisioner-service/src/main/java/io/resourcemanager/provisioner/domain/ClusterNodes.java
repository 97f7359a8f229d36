package io.resourcemanager.provisioner.domain;

import java.util.List;

/** The worker nodes of the Kubernetes cluster. */
public interface ClusterNodes {

    /**
     * Every node that belongs to a worker pool (nodes without a pool, such as the control plane,
     * are not listed).
     *
     * @throws ClusterUnavailableException when the API server cannot be reached; retriable
     */
    List<ObservedNode> workers();

    /** The Kubernetes API could not be reached or answered with a server error. Retriable. */
    final class ClusterUnavailableException extends RuntimeException {
        public ClusterUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
