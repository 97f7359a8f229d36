package io.resourcemanager.testkit.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryProcessTest {

    @TempDir
    Path workDir;

    @Test
    void shouldFailFastNamingThePortWhenThePortIsTaken() throws Exception {
        try (ServerSocket occupant = new ServerSocket()) {
            occupant.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = occupant.getLocalPort();

            assertThatThrownBy(() -> RegistryProcess.start(options().withPort(port)))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + port + " ")
                    .extracting(e -> ((PortInUseException) e).port()).isEqualTo(port);
        }
    }

    @Test
    void shouldExplainWhereTheArchiveWasExpectedWhenItIsMissing() {
        Path missing = workDir.resolve("apicurio-registry-app-0.0.0-all.tar.gz");
        RegistryOptions options = options().withArchive(missing).withPort(RegistryOptions.ANY_FREE_PORT);

        assertThatThrownBy(() -> RegistryProcess.start(options))
                .isInstanceOf(RegistryStartException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining(RegistryArchive.ARCHIVE_PROPERTY);
    }

    private RegistryOptions options() {
        return RegistryOptions.defaults()
                .withInstallRoot(workDir.resolve("install"))
                .withLogFile(workDir.resolve("registry.log"));
    }
}
