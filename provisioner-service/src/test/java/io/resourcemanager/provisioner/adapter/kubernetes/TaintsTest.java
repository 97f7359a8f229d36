package io.resourcemanager.provisioner.adapter.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaintsTest {

    @Test
    void shouldParseKeyValueAndEffect() {
        Taint taint = Taints.parse("workload-type=burst:NoSchedule");

        assertThat(taint.getKey()).isEqualTo("workload-type");
        assertThat(taint.getValue()).isEqualTo("burst");
        assertThat(taint.getEffect()).isEqualTo("NoSchedule");
    }

    @Test
    void shouldParseATaintWithoutValue() {
        Taint taint = Taints.parse("nvidia.com/gpu:NoExecute");

        assertThat(taint.getKey()).isEqualTo("nvidia.com/gpu");
        assertThat(taint.getValue()).isNull();
        assertThat(Taints.format(taint)).isEqualTo("nvidia.com/gpu:NoExecute");
    }

    @Test
    void shouldRejectAnUnknownEffectOrAMissingOneAsPermanent() {
        assertThatThrownBy(() -> Taints.parse("a=b:Sometimes")).isInstanceOf(InfraException.Permanent.class)
                .hasMessageContaining("a=b:Sometimes");
        assertThatThrownBy(() -> Taints.parse("a=b")).isInstanceOf(InfraException.Permanent.class);
    }

    @Test
    void shouldReplaceOurTaintsButKeepThoseKubernetesManages() {
        List<Taint> current = List.of(
                new TaintBuilder().withKey("workload-type").withValue("spot").withEffect("NoSchedule").build(),
                new TaintBuilder().withKey("node.kubernetes.io/unreachable").withEffect("NoExecute").build());

        List<Taint> replaced = Taints.replace(current, List.of("workload-type=burst:NoSchedule"));

        assertThat(replaced).extracting(Taints::format)
                .containsExactly("node.kubernetes.io/unreachable:NoExecute", "workload-type=burst:NoSchedule");
    }
}
