package io.resourcemanager.allocation.mcpservers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class McpServerStatusTest {

    @Test
    void shouldBeStoppedAtZeroDesiredReplicas() {
        assertThat(McpServerStatus.of(0, 0, true)).isEqualTo(McpServerStatus.STOPPED);
        assertThat(McpServerStatus.of(0, 1, true)).isEqualTo(McpServerStatus.STOPPED);
    }

    @Test
    void shouldBeStartingUntilAReplicaIsReady() {
        assertThat(McpServerStatus.of(1, 0, true)).isEqualTo(McpServerStatus.STARTING);
        assertThat(McpServerStatus.of(1, 1, true)).isEqualTo(McpServerStatus.RUNNING);
    }

    @Test
    void shouldBeRunningOnADesiredReplicaWhenReadinessIsNotRequired() {
        assertThat(McpServerStatus.of(1, 0, false)).isEqualTo(McpServerStatus.RUNNING);
    }

    @Test
    void shouldUseLowercaseNamesOnTheWire() {
        assertThat(McpServerStatus.UNKNOWN.wireName()).isEqualTo("unknown");
        assertThat(McpServerStatus.RUNNING.wireName()).isEqualTo("running");
    }
}
