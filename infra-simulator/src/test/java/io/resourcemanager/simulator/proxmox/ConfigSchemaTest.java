package io.resourcemanager.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

    @Test
    void shouldJoinTagsWithSemicolonsWhateverTheSeparator() throws Exception {
        assertThat(ConfigSchema.normalize(Map.of("tags", "resource-manager, pool-burst template-small")))
                .containsEntry("tags", "resource-manager;pool-burst;template-small");
    }

    @Test
    void shouldNameEveryInvalidParameter() {
        assertThatThrownBy(() -> ConfigSchema.normalize(Map.of("memory", "8", "bogus", "1")))
                .isInstanceOfSatisfying(ProxmoxException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors())
                            .containsEntry("memory", "value must have a minimum value of 16")
                            .containsKey("bogus");
                });
    }

    @Test
    void shouldRefuseANameThatIsNoDnsName() {
        assertThatThrownBy(() -> ConfigSchema.normalize(Map.of("name", "worker_1")))
                .isInstanceOfSatisfying(ProxmoxException.class, e ->
                        assertThat(e.errors()).containsEntry("name", "value does not look like a valid DNS name"));
    }

    @Test
    void shouldNormalizeBooleansToProxmoxDigits() throws Exception {
        assertThat(ConfigSchema.normalize(Map.of("onboot", "true"))).containsEntry("onboot", "1");
    }
}
