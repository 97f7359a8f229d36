package io.resourcemanager.testkit.registry;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks a registry archive once per install root and finds its runner jar.
 *
 * <p>Safe under concurrent JVMs: each unpacks into its own temporary directory, writes a completion
 * marker, then renames the directory into place atomically. The first rename wins; the others
 * discard their copy and use the winner's.
 */
final class RegistryInstallation {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryInstallation.class);
    private static final String COMPLETE_MARKER = ".complete";
    private static final String ARCHIVE_SUFFIX = ".tar.gz";
    private static final String RUNNER_SUFFIX = "-runner.jar";

    private RegistryInstallation() {
    }

    /**
     * Unpacks the archive under the install root unless a complete copy is already there.
     *
     * @param archive     the registry's {@code .tar.gz}
     * @param installRoot directory holding unpacked archives, one sub-directory each
     * @return the runner jar of the unpacked registry
     * @throws IOException if the archive is missing or unreadable, or the installation is damaged
     */
    static Path install(Path archive, Path installRoot) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IOException("Apicurio Registry archive not found at " + archive + "; build the test-kit module"
                    + " (it fetches the archive into the local Maven repository) or set -D"
                    + RegistryArchive.ARCHIVE_PROPERTY + "=<path to the .tar.gz>");
        }
        Path target = installRoot.resolve(directoryName(archive));
        if (!isComplete(target)) {
            unpackAndPublish(archive, installRoot, target);
        }
        return runnerJar(target);
    }

    private static void unpackAndPublish(Path archive, Path installRoot, Path target) throws IOException {
        Files.createDirectories(installRoot);
        Path staging = Files.createTempDirectory(installRoot, target.getFileName() + ".staging-");
        try {
            LOG.info("Unpacking {} into {}", archive, target);
            unpack(archive, staging);
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            publish(staging, target);
        } finally {
            deleteRecursively(staging);
        }
    }

    /** Renames the staging directory into place, unless another process already did the same. */
    private static void publish(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException renameFailed) {
            // the target exists: Linux reports "Directory not empty" as a plain FileSystemException
            if (!isComplete(target)) {
                throw new IOException("Registry installation at " + target + " is incomplete; delete that directory",
                        renameFailed);
            }
            LOG.debug("Another process unpacked into {} first; using its copy", target);
        }
    }

    private static boolean isComplete(Path installation) {
        return Files.exists(installation.resolve(COMPLETE_MARKER));
    }

    private static void unpack(Path archive, Path destination) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = destination.resolve(entry.getName()).normalize();
                if (!path.startsWith(destination)) {
                    throw new IOException("Archive entry " + entry.getName() + " points outside " + destination);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                } else {
                    LOG.debug("Skipping archive entry {} (neither file nor directory)", entry.getName());
                }
            }
        }
    }

    private static Path runnerJar(Path installation) throws IOException {
        try (Stream<Path> files = Files.list(installation)) {
            List<Path> runners = files.filter(f -> f.getFileName().toString().endsWith(RUNNER_SUFFIX)).toList();
            if (runners.size() != 1) {
                throw new IOException("Expected one *" + RUNNER_SUFFIX + " in " + installation + ", found " + runners);
            }
            return runners.get(0);
        }
    }

    private static String directoryName(Path archive) {
        String name = archive.getFileName().toString();
        return name.endsWith(ARCHIVE_SUFFIX) ? name.substring(0, name.length() - ARCHIVE_SUFFIX.length()) : name;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(RegistryInstallation::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
