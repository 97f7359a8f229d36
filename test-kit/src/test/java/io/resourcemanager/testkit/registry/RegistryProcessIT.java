package io.resourcemanager.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a registry the way a launcher does: on a fixed port, with its own log file. */
class RegistryProcessIT {

    @TempDir
    Path workDir;

    @Test
    void shouldServeOnTheRequestedPortLogToTheGivenFileAndRefuseASecondStart() throws Exception {
        int port = freePort();
        Path log = workDir.resolve("logs/registry.log");
        RegistryOptions options = RegistryOptions.defaults().withPort(port).withLogFile(log);

        RegistryProcess registry = RegistryProcess.start(options);
        try (registry) {
            assertThat(registry.isAlive()).isTrue();
            assertThat(registry.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(statusOf(registry.baseUrl() + "/apis/registry/v3/system/info")).isEqualTo(200);
            assertThat(log).isNotEmptyFile();

            assertThatThrownBy(() -> RegistryProcess.start(options.withLogFile(workDir.resolve("second.log"))))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining(String.valueOf(port));
        }

        assertThat(registry.toHandle().isAlive()).isFalse();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> LoopbackPorts.resolve(port) == port);
    }

    private static int statusOf(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return socket.getLocalPort();
        }
    }
}
