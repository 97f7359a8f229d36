package io.resourcemanager.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryInstallationTest {

    private static final String RUNNER = "registry-app-1.0-runner.jar";
    private static final int INSTALLERS = 4;

    @TempDir
    Path workDir;

    @Test
    void shouldUnpackTheArchiveAndFindTheRunnerJar() throws IOException {
        Path archive = archive("registry-app-1.0-all.tar.gz", Map.of(RUNNER, "runner", "lib/dependency.jar", "lib"));

        Path runner = RegistryInstallation.install(archive, workDir.resolve("install"));

        assertThat(runner).hasFileName(RUNNER).hasContent("runner");
        assertThat(runner.resolveSibling("lib/dependency.jar")).hasContent("lib");
        assertThat(runner.getParent()).hasFileName("registry-app-1.0-all");
    }

    @Test
    void shouldReuseAnEarlierInstallation() throws IOException {
        Path archive = archive("registry-app-1.0-all.tar.gz", Map.of(RUNNER, "runner"));
        Path first = RegistryInstallation.install(archive, workDir.resolve("install"));
        Files.writeString(first, "already installed");

        Path second = RegistryInstallation.install(archive, workDir.resolve("install"));

        assertThat(second).isEqualTo(first).hasContent("already installed");
    }

    @Test
    void shouldLetConcurrentInstallersShareOneCopy() throws Exception {
        Path archive = archive("registry-app-1.0-all.tar.gz", Map.of(RUNNER, "runner"));
        Path installRoot = workDir.resolve("install");
        ExecutorService installers = Executors.newFixedThreadPool(INSTALLERS);
        try {
            List<Future<Path>> runners = installers.invokeAll(
                    Collections.nCopies(INSTALLERS, () -> RegistryInstallation.install(archive, installRoot)));

            for (Future<Path> runner : runners) {
                assertThat(runner.get()).isEqualTo(installRoot.resolve("registry-app-1.0-all").resolve(RUNNER));
            }
        } finally {
            installers.shutdownNow();
        }
        try (Stream<Path> entries = Files.list(installRoot)) {
            assertThat(entries).as("no staging directory left behind").hasSize(1);
        }
    }

    @Test
    void shouldRejectEntriesThatEscapeTheInstallDirectory() throws IOException {
        Path archive = archive("evil-all.tar.gz", Map.of("../outside.txt", "x", RUNNER, "runner"));

        assertThatThrownBy(() -> RegistryInstallation.install(archive, workDir.resolve("install")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("outside");
        assertThat(workDir.resolve("outside.txt")).doesNotExist();
    }

    private Path archive(String name, Map<String, String> files) throws IOException {
        Path archive = workDir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey(), true);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }
}
