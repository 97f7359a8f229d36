package io.resourcemanager.allocation.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestResourcesArgumentsTest {

    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void shouldAdvertiseExactlyTheFieldsItPassesOn() throws IOException {
        Map<String, Object> schema = schema();
        RequestResourcesArguments all = new RequestResourcesArguments("j", List.of(), 1, "high", 60, Map.of(),
                1.5, 4096, 0, "burst", "small", "queue", "r-1");

        assertThat(((Map<String, Object>) schema.get("properties")).keySet())
                .containsExactlyInAnyOrderElementsOf(all.toInput().keySet());
        assertThat(schema.get("required")).isEqualTo(List.of("job_id", "mcp_servers"));
    }

    @Test
    void shouldKeepValuesAsSentForTheSharedParserToCheck() throws IOException {
        RequestResourcesArguments arguments = json.readValue("""
                {"job_id": "job-1", "mcp_servers": ["git"], "workers": "four", "priority": "urgent",
                 "ttl_seconds": 60, "metadata": {"division": "research"}, "cpu": 0.5}""", RequestResourcesArguments.class);

        assertThat(arguments.toInput()).containsExactly(Map.entry("job_id", "job-1"), Map.entry("mcp_servers", List.of("git")),
                Map.entry("workers", "four"), Map.entry("priority", "urgent"), Map.entry("ttl_seconds", 60),
                Map.entry("metadata", Map.of("division", "research")), Map.entry("cpu", 0.5));
    }

    @Test
    void shouldLeaveAbsentArgumentsOut() throws IOException {
        assertThat(json.readValue("{}", RequestResourcesArguments.class).toInput()).isEmpty();
    }

    private Map<String, Object> schema() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/schemas/request-resources.schema.json")) {
            return json.readValue(in.readAllBytes(), Argument.mapOf(String.class, Object.class));
        }
    }
}
