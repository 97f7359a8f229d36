package io.resourcemanager.provisioner.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;

/**
 * A pod as a drain sees it.
 *
 * @param namespace its namespace
 * @param name its name
 * @param terminating whether it is already being deleted (it is waited for, not evicted again)
 */
record DrainPod(String namespace, String name, boolean terminating) {

    /** Annotation the kubelet puts on the API mirror of a static pod. */
    static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

    /** {@code namespace/name}. */
    String key() {
        return namespace + "/" + name;
    }

    /** Whether a drain leaves {@code pod} alone: DaemonSet pods, mirror pods and finished pods. */
    static boolean ignored(Pod pod) {
        return ownedByDaemonSet(pod) || mirror(pod) || finished(pod);
    }

    static DrainPod of(Pod pod) {
        return new DrainPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                pod.getMetadata().getDeletionTimestamp() != null);
    }

    private static boolean ownedByDaemonSet(Pod pod) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        return owners != null && owners.stream()
                .anyMatch(owner -> "DaemonSet".equals(owner.getKind()) && Boolean.TRUE.equals(owner.getController()));
    }

    private static boolean mirror(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        return annotations != null && annotations.containsKey(MIRROR_ANNOTATION);
    }

    private static boolean finished(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }
}
