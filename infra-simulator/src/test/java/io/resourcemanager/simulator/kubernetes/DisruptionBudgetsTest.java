package io.resourcemanager.simulator.kubernetes;

import static io.resourcemanager.simulator.kubernetes.Workloads.aPod;
import static io.resourcemanager.simulator.kubernetes.Workloads.aRunningPod;
import static io.resourcemanager.simulator.kubernetes.Workloads.maxUnavailable;
import static io.resourcemanager.simulator.kubernetes.Workloads.minAvailable;
import static io.resourcemanager.simulator.kubernetes.Workloads.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisruptionBudgetsTest {

    private static final Optional<DisruptionBudgets.Controller> FOUR_REPLICAS =
            Optional.of(new DisruptionBudgets.Controller("uid-web", 4));

    @Test
    void shouldAllowDisruptingHealthyPodsAboveAnAbsoluteMinimum() {
        List<Pod> pods = List.of(ready("web-1"), ready("web-2"), ready("web-3"), notReady("web-4"));

        DisruptionBudgets.Assessment assessment =
                DisruptionBudgets.assess(minAvailable("web", "web", new IntOrString(2)), pods, pod -> Optional.empty());

        assertThat(assessment.currentHealthy()).isEqualTo(3);
        assertThat(assessment.desiredHealthy()).isEqualTo(2);
        assertThat(assessment.disruptionsAllowed()).isEqualTo(1);
    }

    @Test
    void shouldScalePercentagesFromTheControllersReplicasRoundingUp() {
        List<Pod> pods = List.of(ready("web-1"), ready("web-2"), ready("web-3"));

        DisruptionBudgets.Assessment min = DisruptionBudgets.assess(
                minAvailable("web", "web", new IntOrString("60%")), pods, pod -> FOUR_REPLICAS);
        DisruptionBudgets.Assessment max = DisruptionBudgets.assess(
                maxUnavailable("web", "web", new IntOrString("25%")), pods, pod -> FOUR_REPLICAS);

        assertThat(min.desiredHealthy()).isEqualTo(3);
        assertThat(min.disruptionsAllowed()).isZero();
        assertThat(max.desiredHealthy()).isEqualTo(3);
        assertThat(max.budgetHealthy()).isTrue();
    }

    @Test
    void shouldAllowNothingWhenMaxUnavailableCannotFindAController() {
        DisruptionBudgets.Assessment assessment = DisruptionBudgets.assess(
                maxUnavailable("web", "web", new IntOrString(1)), List.of(ready("web-1"), ready("web-2")),
                pod -> Optional.empty());

        assertThat(assessment.failure()).contains("found no controllers for pod \"web-1\"");
        assertThat(assessment.disruptionsAllowed()).isZero();
        assertThat(assessment.budgetHealthy()).isFalse();
    }

    @Test
    void shouldIgnorePodsTheSelectorDoesNotMatch() {
        List<Pod> pods = List.of(ready("web-1"), aRunningPod("db-1", "db", "node-a").build());

        DisruptionBudgets.Assessment assessment = DisruptionBudgets.assess(
                minAvailable("web", "web", new IntOrString(1)), pods, pod -> Optional.empty());

        assertThat(assessment.currentHealthy()).isEqualTo(1);
        assertThat(assessment.disruptionsAllowed()).isZero();
    }

    private static Pod ready(String name) {
        return aRunningPod(name, "web", "node-a").build();
    }

    private static Pod notReady(String name) {
        return aPod(name, "web").editSpec().withNodeName("node-a").endSpec().withStatus(running(false)).build();
    }
}
