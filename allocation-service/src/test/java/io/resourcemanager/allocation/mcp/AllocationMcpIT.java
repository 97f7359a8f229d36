package io.resourcemanager.allocation.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.SimulatedClusterContract;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The allocation API as MCP tools over Streamable HTTP, called with the MCP Java SDK client. */
@MicronautTest
class AllocationMcpIT extends SimulatedClusterContract {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private final String cluster = KafkaTestEnvironment.get().uniqueName("cluster");

    @Inject
    EventPublisher publisher;

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    McpJsonMapper mcpJson;

    @Inject
    JsonSchemaValidator schemaValidator;

    @Override
    protected Map<String, String> serviceProperties() {
        Map<String, String> service = new HashMap<>();
        service.put("rm.allocation.cluster", cluster);
        service.put("rm.allocation.max-workers", "10");
        return service;
    }

    @Test
    void shouldOfferTheSixToolsWithTheirSchema() {
        try (McpSyncClient client = connect()) {
            List<Tool> tools = client.listTools().tools();

            assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrder("request_resources",
                    "release_resources", "get_capacity", "get_allocation", "list_allocations", "cleanup_expired");
            Tool request = tools.stream().filter(t -> t.name().equals("request_resources")).findFirst().orElseThrow();
            assertThat(request.inputSchema().required()).containsExactly("job_id", "mcp_servers");
            assertThat((Map<String, Object>) request.inputSchema().properties().get("workers"))
                    .containsEntry("type", "integer");
            assertThat((Map<String, Object>) request.inputSchema().properties().get("priority"))
                    .containsEntry("enum", List.of("low", "normal", "high", "critical"));
        }
    }

    @Test
    void shouldRequestAndReleaseResourcesOverMcp() throws Exception {
        addNode(cluster + "-a");
        addNode(cluster + "-b");
        try (McpSyncClient client = connect()) {
            Awaitility.await().atMost(WAIT).until(() -> body(call(client, "get_capacity", Map.of()))
                    .get("total_workers").equals(10));

            // the views may show the nodes a moment before the ledger has them: a refusal then is retried
            Map<String, Object> granted = Awaitility.await().atMost(WAIT).until(() -> body(call(client,
                    "request_resources", Map.of("job_id", "job-mcp", "mcp_servers", List.of(), "workers", 4))),
                    body -> !"failed".equals(body.get("status")));

            assertThat(granted).containsEntry("status", "active").containsEntry("job_id", "job-mcp");
            assertThat((List<?>) granted.get("workers_allocated")).hasSize(4);
            assertThat((Map<String, Object>) granted.get("resources")).containsEntry("workers", 4);
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(body(call(client, "get_capacity", Map.of())))
                    .containsEntry("allocated_workers", 4).containsEntry("available_workers", 6)
                    .containsEntry("active_allocations", 1));

            String id = (String) granted.get("allocation_id");
            CallToolResult released = call(client, "release_resources", Map.of("allocation_id", id));

            assertThat(released.isError()).isFalse();
            assertThat(body(released)).containsEntry("status", "released").containsEntry("workers_released", 4);
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                    body(call(client, "get_allocation", Map.of("allocation_id", id)))).containsEntry("state", "released"));
            assertThat(body(call(client, "list_allocations", Map.of("job_id", "job-mcp", "state", "released"))).get("items"))
                    .asInstanceOf(InstanceOfAssertFactories.list(Map.class)).extracting(a -> a.get("allocation_id"))
                    .contains(id);
        }
    }

    @Test
    void shouldAnswerInvalidInputAndUnknownIdsWithToolErrors() throws Exception {
        try (McpSyncClient client = connect()) {
            CallToolResult urgent = call(client, "request_resources",
                    Map.of("job_id", "job-x", "mcp_servers", List.of(), "priority", "urgent"));
            CallToolResult unknown = call(client, "get_allocation", Map.of("allocation_id", "alloc-000000000000"));
            CallToolResult badState = call(client, "list_allocations", Map.of("state", "sleeping"));

            assertThat(urgent.isError()).isTrue();
            assertThat(body(urgent)).containsEntry("status", "error").containsEntry("field", "priority");
            assertThat((String) body(urgent).get("error")).startsWith("priority:").contains("urgent");
            assertThat(unknown.isError()).isTrue();
            assertThat(body(unknown)).containsEntry("status", "error")
                    .containsEntry("error", "Allocation alloc-000000000000 not found");
            assertThat(body(badState)).containsEntry("field", "state");
        }
    }

    /** A client of the SDK; JSON mapping and schema validation from the service's context (the SDK finds none). */
    private McpSyncClient connect() {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.getURL().toString())
                        .endpoint("/mcp").jsonMapper(mcpJson).build())
                .jsonSchemaValidator(schemaValidator).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    /** The JSON body in the result's text; a list body comes back under {@code items}. */
    private Map<String, Object> body(CallToolResult result) throws IOException {
        String text = ((TextContent) result.content().get(0)).text();
        return text.startsWith("[") ? Map.of("items", json.readValue(text, Argument.listOf(Object.class)))
                : json.readValue(text, JSON);
    }

    private void addNode(String name) throws Exception {
        publisher.publish(Topics.NODES, name, Events.node(name, cluster, 8000, 16384)).get();
    }
}
