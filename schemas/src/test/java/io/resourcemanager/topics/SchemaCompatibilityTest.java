package io.resourcemanager.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value schema must read data written with every committed baseline version of it
 * (BACKWARD_TRANSITIVE). Baselines live in {@code src/test/resources/baseline/<topic>-value/v<N>.avsc}.
 * When a schema changes compatibly, add the new resolved schema as the next version; the test
 * writes a candidate for it to {@code target/schema-candidates/}.
 */
class SchemaCompatibilityTest {

    private static final int MAX_VERSIONS = 100;

    static List<Topic<?>> valueTopics() {
        return Topics.primary();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueTopics")
    void shouldHaveAtLeastOneCommittedBaseline(Topic<?> topic) throws IOException {
        writeCandidate(topic);
        assertThat(baselines(topic))
                .as("baseline/%s-value/v1.avsc (candidate in target/schema-candidates)", topic.name())
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueTopics")
    void shouldReadDataWrittenWithEveryBaselineVersion(Topic<?> topic) throws IOException {
        Schema current = SchemaCatalogue.valueSchema(topic);
        for (Schema baseline : baselines(topic)) {
            SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(current, baseline);
            assertThat(result.getType())
                    .as("%s is not backward compatible with a baseline: %s", topic.name(), result.getDescription())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    private static List<Schema> baselines(Topic<?> topic) throws IOException {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; version <= MAX_VERSIONS; version++) {
            String resource = "/baseline/" + topic.name() + "-value/v" + version + ".avsc";
            try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(resource)) {
                if (in == null) {
                    break;
                }
                versions.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return versions;
    }

    private static void writeCandidate(Topic<?> topic) throws IOException {
        Path dir = Path.of("target", "schema-candidates", topic.name() + "-value");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("next.avsc"), SchemaCatalogue.valueSchema(topic).toString(true));
    }
}
