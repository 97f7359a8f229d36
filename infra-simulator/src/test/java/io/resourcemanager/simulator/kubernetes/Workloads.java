package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/** Small builders of the pods and budgets the Kubernetes tests of the simulator work with. */
final class Workloads {

    private Workloads() {
    }

    /** A pod of app {@code app} in {@code default}, not yet scheduled and without status. */
    static PodBuilder aPod(String name, String app) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("default")
                .withLabels(Map.of("app", app)).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("busybox").endContainer().endSpec();
    }

    /** A pod bound to {@code node}, running and Ready. */
    static PodBuilder aRunningPod(String name, String app, String node) {
        return aPod(name, app).editSpec().withNodeName(node).endSpec().withStatus(running(true));
    }

    /** Status of a running pod, Ready or not. */
    static PodStatus running(boolean ready) {
        return new PodStatusBuilder().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .build();
    }

    /** The main container of {@code pod} requests {@code cpu} and {@code memory}. */
    static Pod requesting(Pod pod, String cpu, String memory) {
        return new PodBuilder(pod).editSpec().editFirstContainer().withNewResources()
                .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
                .endResources().endContainer().endSpec().build();
    }

    /** A budget over app {@code app} with {@code minAvailable}. */
    static PodDisruptionBudget minAvailable(String name, String app, IntOrString minAvailable) {
        return new PodDisruptionBudgetBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withMinAvailable(minAvailable)
                .withNewSelector().withMatchLabels(Map.of("app", app)).endSelector().endSpec().build();
    }

    /** A budget over app {@code app} with {@code maxUnavailable}. */
    static PodDisruptionBudget maxUnavailable(String name, String app, IntOrString maxUnavailable) {
        return new PodDisruptionBudgetBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withMaxUnavailable(maxUnavailable)
                .withNewSelector().withMatchLabels(Map.of("app", app)).endSelector().endSpec().build();
    }

    /** Stores {@code pod}, status included (the status is written through its subresource, as a kubelet would). */
    static Pod create(KubernetesClient client, Pod pod) {
        Pod created = client.pods().inNamespace("default").resource(pod).create();
        if (pod.getStatus() == null) {
            return created;
        }
        return client.pods().inNamespace("default").withName(pod.getMetadata().getName())
                .editStatus(current -> new PodBuilder(current).withStatus(pod.getStatus()).build());
    }
}
