package io.resourcemanager.provisioner.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/** Pods and budgets the Kubernetes adapter tests put into a simulated cluster. */
final class ClusterFixtures {

    static final String NAMESPACE = "default";

    private ClusterFixtures() {
    }

    /** A pod of {@code app}, not scheduled yet. */
    static PodBuilder aPod(String name, String app) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
                .withLabels(Map.of("app", app)).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("busybox").endContainer().endSpec();
    }

    /** A pod of {@code app} bound to {@code node}, running and Ready. */
    static PodBuilder aRunningPod(String name, String app, String node) {
        return aPod(name, app).editSpec().withNodeName(node).endSpec()
                .withStatus(new PodStatusBuilder().withPhase("Running")
                        .addNewCondition().withType("Ready").withStatus("True").endCondition().build());
    }

    /** {@code pod} owned by a DaemonSet. */
    static PodBuilder ofDaemonSet(PodBuilder pod) {
        return pod.editMetadata().addNewOwnerReference().withApiVersion("apps/v1").withKind("DaemonSet")
                .withName("node-exporter").withUid("uid-node-exporter").withController(true).endOwnerReference()
                .endMetadata();
    }

    /** {@code pod} as the API mirror of a static pod. */
    static PodBuilder mirrored(PodBuilder pod) {
        return pod.editMetadata().addToAnnotations(DrainPod.MIRROR_ANNOTATION, "checksum").endMetadata();
    }

    /** {@code pod}'s container requests {@code cpu} and {@code memory}. */
    static PodBuilder requesting(PodBuilder pod, String cpu, String memory) {
        return pod.editSpec().editFirstContainer().withNewResources()
                .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
                .endResources().endContainer().endSpec();
    }

    /** A budget keeping {@code minAvailable} pods of {@code app} up. */
    static PodDisruptionBudget minAvailable(String name, String app, int minAvailable) {
        return new PodDisruptionBudgetBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withNewSpec().withMinAvailable(new IntOrString(minAvailable))
                .withNewSelector().withMatchLabels(Map.of("app", app)).endSelector().endSpec().build();
    }

    /** Stores {@code pod}; its status is written through the status subresource, as a kubelet would. */
    static void create(KubernetesClient client, PodBuilder builder) {
        Pod pod = builder.build();
        client.pods().inNamespace(NAMESPACE).resource(pod).create();
        if (pod.getStatus() != null) {
            client.pods().inNamespace(NAMESPACE).withName(pod.getMetadata().getName())
                    .editStatus(current -> new PodBuilder(current).withStatus(pod.getStatus()).build());
        }
    }
}
