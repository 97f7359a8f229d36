package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the controller of a pod and its desired replicas, as the disruption controller does: the
 * owner marked {@code controller: true} if it is a ReplicaSet (or, above it, the Deployment that
 * controls it), StatefulSet, ReplicationController or Deployment stored in the same namespace.
 */
final class WorkloadControllers {

    private static final Map<String, String> COLLECTIONS = Map.of(
            "ReplicaSet", "/apis/apps/v1/namespaces/%s/replicasets/%s",
            "Deployment", "/apis/apps/v1/namespaces/%s/deployments/%s",
            "StatefulSet", "/apis/apps/v1/namespaces/%s/statefulsets/%s",
            "ReplicationController", "/api/v1/namespaces/%s/replicationcontrollers/%s");

    private final ObjectStore store;

    WorkloadControllers(ObjectStore store) {
        this.store = store;
    }

    /** The controller of {@code pod} with its desired replicas, if it has a known one. */
    Optional<DisruptionBudgets.Controller> of(Pod pod) {
        String namespace = pod.getMetadata().getNamespace();
        Optional<GenericKubernetesResource> controller = controllerOf(pod, namespace);
        if (controller.isPresent() && "ReplicaSet".equals(controller.get().getKind())) {
            Optional<GenericKubernetesResource> deployment = controllerOf(controller.get(), namespace)
                    .filter(owner -> "Deployment".equals(owner.getKind()));
            controller = deployment.isPresent() ? deployment : controller;
        }
        return controller.map(found -> new DisruptionBudgets.Controller(found.getMetadata().getUid(),
                replicas(found)));
    }

    private Optional<GenericKubernetesResource> controllerOf(HasMetadata owned, String namespace) {
        if (owned.getMetadata().getOwnerReferences() == null) {
            return Optional.empty();
        }
        return owned.getMetadata().getOwnerReferences().stream()
                .filter(reference -> Boolean.TRUE.equals(reference.getController()))
                .filter(reference -> COLLECTIONS.containsKey(reference.getKind()))
                .findFirst()
                .flatMap(reference -> lookUp(reference, namespace));
    }

    private Optional<GenericKubernetesResource> lookUp(OwnerReference reference, String namespace) {
        String path = String.format(COLLECTIONS.get(reference.getKind()), namespace, reference.getName());
        return store.get(path, GenericKubernetesResource.class)
                .filter(found -> reference.getUid() == null || reference.getUid().equals(found.getMetadata().getUid()));
    }

    private static int replicas(GenericKubernetesResource controller) {
        Object spec = controller.getAdditionalProperties().get("spec");
        Object replicas = spec instanceof Map<?, ?> map ? map.get("replicas") : null;
        return replicas instanceof Number number ? number.intValue() : 1;
    }
}
