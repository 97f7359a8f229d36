package io.resourcemanager.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.resourcemanager.simulator.testing.FastSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Starting and stopping the simulator. */
class InfraSimulatorLifecycleTest {

    @Test
    void shouldReportWhichPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            SimulatorConfig config = FastSimulator.config().withProxmoxPort(taken.getLocalPort());

            assertThatThrownBy(() -> InfraSimulator.start(config))
                    .isInstanceOfSatisfying(PortInUseException.class, e -> {
                        assertThat(e.listener()).isEqualTo(PortInUseException.Listener.PROXMOX);
                        assertThat(e.port()).isEqualTo(taken.getLocalPort());
                        assertThat(SimulatorMain.portInUseMessage(e))
                                .contains(Integer.toString(taken.getLocalPort()), "-Dsim.proxmox.port=");
                    });
        }
    }

    @Test
    void shouldLeaveNoNonDaemonThreadsRunningAfterClose() {
        Set<Thread> before = nonDaemonThreads();

        FastSimulator.start().close();

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(nonDaemonThreads()).allMatch(before::contains));
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !thread.isDaemon() && thread.isAlive())
                .collect(Collectors.toSet());
    }
}
