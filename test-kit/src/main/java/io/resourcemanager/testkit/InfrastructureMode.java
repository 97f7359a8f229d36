package io.resourcemanager.testkit;

import java.util.Locale;

/** How the broker and registry are provided, chosen with the system property {@value #PROPERTY}. */
enum InfrastructureMode {

    /** A KRaft broker inside the test JVM and a registry child process (the default; no Docker). */
    EMBEDDED,

    /** Kafka and registry containers started through Testcontainers (needs Docker). */
    TESTCONTAINERS;

    /** System property selecting the mode: {@code embedded} (default) or {@code testcontainers}. */
    static final String PROPERTY = "test.kafka";

    /**
     * @return the mode named by {@value #PROPERTY}
     * @throws IllegalArgumentException if the property names no known mode
     */
    static InfrastructureMode fromSystemProperties() {
        String value = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "embedded" -> EMBEDDED;
            case "testcontainers" -> TESTCONTAINERS;
            default -> throw new IllegalArgumentException(
                    "-D" + PROPERTY + "=" + value + " is not a known mode; use 'embedded' or 'testcontainers'");
        };
    }

    /**
     * @return freshly started infrastructure of this kind
     */
    TestInfrastructure start() {
        return switch (this) {
            case EMBEDDED -> EmbeddedInfrastructure.start();
            case TESTCONTAINERS -> ContainerInfrastructure.start();
        };
    }
}
