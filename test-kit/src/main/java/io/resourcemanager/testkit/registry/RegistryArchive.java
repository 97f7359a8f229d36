package io.resourcemanager.testkit.registry;

import java.nio.file.Path;

/**
 * Where the Apicurio Registry distribution archive ({@code apicurio-registry-app-<version>-all.tar.gz})
 * is found and where it is unpacked.
 *
 * <p>The build fetches the archive into the local Maven repository, and surefire/failsafe pass its
 * path as the system property {@value #ARCHIVE_PROPERTY}. Without that property the archive is
 * looked up in the local repository named by {@code maven.repo.local}, else in
 * {@code ~/.m2/repository}.
 */
public final class RegistryArchive {

    /** System property naming the archive file explicitly. */
    public static final String ARCHIVE_PROPERTY = "apicurio.registry.archive";

    /** System property naming the directory the archive is unpacked under. */
    public static final String INSTALL_ROOT_PROPERTY = "apicurio.registry.install.root";

    /** The registry version the project runs (JDK 17 compatible). */
    public static final String VERSION = "3.0.9";

    private static final String ARTIFACT_ID = "apicurio-registry-app";

    private RegistryArchive() {
    }

    /**
     * Finds the archive path from the system properties described on this class. The file may not
     * exist; {@link RegistryProcess#start(RegistryOptions)} reports a missing archive.
     *
     * @return the expected archive path
     */
    public static Path locate() {
        String explicit = System.getProperty(ARCHIVE_PROPERTY, "").trim();
        if (!explicit.isEmpty()) {
            return Path.of(explicit);
        }
        return localRepository()
                .resolve(Path.of("io", "apicurio", ARTIFACT_ID, VERSION))
                .resolve(ARTIFACT_ID + "-" + VERSION + "-all.tar.gz");
    }

    /**
     * The directory archives are unpacked under: {@value #INSTALL_ROOT_PROPERTY} if set, else a
     * per-user directory in the system temporary directory, shared by every JVM of that user.
     *
     * @return the install root
     */
    public static Path defaultInstallRoot() {
        String explicit = System.getProperty(INSTALL_ROOT_PROPERTY, "").trim();
        if (!explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "resource-manager-" + user, "registry");
    }

    private static Path localRepository() {
        String repository = System.getProperty("maven.repo.local", "").trim();
        if (!repository.isEmpty()) {
            return Path.of(repository);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
