package io.resourcemanager.stack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void shouldNameTheBusyPortAndTheSettingToChange() throws IOException {
        try (ServerSocket listener = new ServerSocket(0)) {
            int port = listener.getLocalPort();

            assertThatThrownBy(() -> PortCheck.requireFree(Map.of(Setting.KAFKA_PORT, port)))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessage("Port " + port + " is already in use; pass --kafka-port=<free port>");
        }
    }

    @Test
    void shouldNoticeAListenerBoundToLoopbackOnly() throws IOException {
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = listener.getLocalPort();

            assertThatThrownBy(() -> PortCheck.requireFree(Map.of(Setting.REGISTRY_PORT, port)))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("--registry-port=<free port>");
        }
    }

    @Test
    void shouldAcceptFreePorts() throws IOException {
        int port = portJustReleased();

        assertThatCode(() -> PortCheck.requireFree(Map.of(Setting.ALLOCATION_PORT, port))).doesNotThrowAnyException();
    }

    @Test
    void shouldRejectOnePortChosenForTwoSettings() throws IOException {
        int port = portJustReleased();
        Map<Setting, Integer> ports = new EnumMap<>(Setting.class);
        ports.put(Setting.REGISTRY_PORT, port);
        ports.put(Setting.ALLOCATION_PORT, port);

        assertThatThrownBy(() -> PortCheck.requireFree(ports))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("Port " + port + " is set for both --registry-port and --allocation-port");
    }

    private static int portJustReleased() throws IOException {
        try (ServerSocket listener = new ServerSocket(0)) {
            return listener.getLocalPort();
        }
    }
}
