package io.resourcemanager.allocation.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.resourcemanager.allocation.service.InvalidInputException;
import io.resourcemanager.allocation.service.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolResultsTest {

    private final ToolResults results = new ToolResults(JsonMapper.createDefault());

    @Test
    void shouldCarryTheRestBodyAsTextAndStructuredContent() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "failed");
        body.put("error", "Insufficient workers: requested 10, available 6");

        CallToolResult result = results.of(new Reply(Reply.Outcome.DECIDED, body));

        assertThat(result.isError()).isFalse();
        assertThat(text(result)).isEqualTo("{\"status\":\"failed\",\"error\":\"Insufficient workers: requested 10, available 6\"}");
        assertThat(result.structuredContent()).isEqualTo(body);
    }

    @Test
    void shouldCarryAListBodyAsTextOnly() {
        CallToolResult result = results.ok(List.of(Map.of("allocation_id", "alloc-1")));

        assertThat(text(result)).isEqualTo("[{\"allocation_id\":\"alloc-1\"}]");
        assertThat(result.structuredContent()).isNull();
    }

    @Test
    void shouldAnswerAnUnknownAllocationWithAnErrorResult() {
        CallToolResult result = results.of(new Reply(Reply.Outcome.NOT_FOUND,
                Map.of("status", "error", "error", "Allocation alloc-0 not found")));

        assertThat(result.isError()).isTrue();
        assertThat(result.structuredContent()).isEqualTo(Map.of("status", "error", "error", "Allocation alloc-0 not found"));
        assertThat(results.notFound("alloc-1").structuredContent())
                .isEqualTo(Map.of("status", "error", "error", "Allocation alloc-1 not found"));
    }

    @Test
    void shouldNameTheBadFieldInsteadOfThrowing() {
        CallToolResult result = results.call("request_resources", () -> {
            throw new InvalidInputException("priority", "must be one of low, normal, high, critical, got 'urgent'");
        });

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("{\"status\":\"error\",\"error\":\"priority: must be one of low, normal, "
                + "high, critical, got 'urgent'\",\"field\":\"priority\"}");
    }

    @Test
    void shouldTurnAnUnexpectedFailureIntoAnErrorResult() {
        CallToolResult result = results.call("get_capacity", () -> {
            throw new IllegalStateException("store not ready");
        });

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("{\"status\":\"error\",\"error\":\"get_capacity failed: store not ready\"}");
        assertThat(text(results.call("cleanup_expired", () -> {
            throw new NullPointerException();
        }))).contains("cleanup_expired failed: NullPointerException");
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }
}
