package io.resourcemanager.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** House rules every event schema follows. */
class SchemaRulesTest {

    static List<Topic<?>> valueTopics() {
        return Topics.primary();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueTopics")
    void shouldCarryTheCommonHeaderFirst(Topic<?> topic) {
        Schema value = SchemaCatalogue.valueSchema(topic);
        assertThat(value.getFields().get(0).name()).isEqualTo("header");
        assertThat(value.getFields().get(0).schema().getFullName()).isEqualTo("io.resourcemanager.events.EventHeader");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueTopics")
    void shouldGiveEveryEnumAnUnknownDefault(Topic<?> topic) {
        for (Schema anEnum : enumsIn(SchemaCatalogue.valueSchema(topic))) {
            assertThat(anEnum.getEnumDefault()).as(anEnum.getFullName()).isEqualTo("UNKNOWN");
        }
    }

    @Test
    void shouldDetectAFieldAddedWithoutDefaultAsIncompatible() {
        Schema baseline = SchemaCatalogue.valueSchema(Topics.NODES);
        Schema broken = withExtraRequiredField(baseline);

        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(broken, baseline);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void shouldPutEveryEventTypeOfOneTopicInItsEnvelopeUnion() {
        Schema requests = SchemaCatalogue.valueSchema(Topics.ALLOCATION_REQUESTS);
        List<String> names = requests.getField("payload").schema().getTypes().stream().map(Schema::getName).toList();
        assertThat(names).containsExactly(
                "AllocationRequested", "ReleaseRequested", "ExtensionRequested", "AllocationExpiryRequested",
                "AllocationDeadlineExtended");
    }

    private static Schema withExtraRequiredField(Schema record) {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(record.getName())
                .namespace(record.getNamespace()).fields();
        for (Schema.Field field : record.getFields()) {
            fields = fields.name(field.name()).type(field.schema()).noDefault();
        }
        return fields.name("new_required_field").type().stringType().noDefault().endRecord();
    }

    private static List<Schema> enumsIn(Schema root) {
        List<Schema> enums = new ArrayList<>();
        collectEnums(root, enums, new IdentityHashMap<>());
        return enums;
    }

    private static void collectEnums(Schema schema, List<Schema> enums, Map<Schema, Boolean> seen) {
        if (seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        switch (schema.getType()) {
            case ENUM -> enums.add(schema);
            case RECORD -> schema.getFields().forEach(field -> collectEnums(field.schema(), enums, seen));
            case UNION -> schema.getTypes().forEach(branch -> collectEnums(branch, enums, seen));
            case ARRAY -> collectEnums(schema.getElementType(), enums, seen);
            case MAP -> collectEnums(schema.getValueType(), enums, seen);
            default -> { }
        }
    }
}
