package io.resourcemanager.allocation.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.resourcemanager.kafka.testing.ServiceTestProperties;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MCP tools over STDIO: {@code mcp-stdio.sh} starts the service as a child process against the
 * test broker and registry, and the MCP Java SDK's stdio client talks to it. Any stray line on the
 * child's stdout would break the client, so this also proves that logs and banner stay off stdout.
 */
class AllocationMcpStdioIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path CHILD_LOG = Path.of("target", "mcp-stdio-it.log");

    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void shouldServeTheToolsOverStdio() throws Exception {
        try (InfraSimulator simulator = InfraSimulator.start(SimulatorConfig.defaults()
                .withProxmoxPort(0).withKubernetesPort(0).withTimeScale(0.01))) {
            McpSyncClient client = McpClient.sync(transport(simulator))
                    .jsonSchemaValidator(noOutputSchemas()).initializationTimeout(WAIT).requestTimeout(WAIT).build();
            try {
                client.initialize();

                assertThat(client.listTools().tools()).extracting(Tool::name).hasSize(6).contains("request_resources");
                assertThat(body(client.callTool(new CallToolRequest("get_capacity", Map.of()))))
                        .containsEntry("total_workers", 0).containsEntry("active_allocations", 0);
                CallToolResult urgent = client.callTool(new CallToolRequest("request_resources",
                        Map.of("job_id", "job-stdio", "mcp_servers", List.of(), "priority", "urgent")));
                assertThat(urgent.isError()).isTrue();
                assertThat(body(urgent)).containsEntry("field", "priority");
                assertThat(body(client.callTool(new CallToolRequest("request_resources",
                        Map.of("job_id", "job-stdio", "mcp_servers", List.of())))))
                        .containsEntry("status", "active").containsEntry("job_id", "job-stdio");
            } finally {
                client.closeGracefully();
            }
        }
    }

    private StdioClientTransport transport(InfraSimulator simulator) throws IOException {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forSharedKafka());
        properties.put("rm.kubernetes.master-url", simulator.kubernetesUrl());
        properties.put("rm.allocation.cluster", KafkaTestEnvironment.get().uniqueName("cluster"));
        List<String> args = new ArrayList<>(List.of(Path.of("mcp-stdio.sh").toAbsolutePath().toString()));
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        Files.deleteIfExists(CHILD_LOG);
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder("bash").args(args)
                .addEnvVar("JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").build(),
                McpJsonMapper.getDefault());
        transport.setStdErrorHandler(AllocationMcpStdioIT::keepChildLog);
        return transport;
    }

    /** The tools declare no output schema, so the client never validates structured content. */
    private static JsonSchemaValidator noOutputSchemas() {
        return (schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null);
    }

    private static void keepChildLog(String line) {
        try {
            Files.writeString(CHILD_LOG, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> body(CallToolResult result) throws IOException {
        return json.readValue(((TextContent) result.content().get(0)).text(), Argument.mapOf(String.class, Object.class));
    }
}
