package io.resourcemanager.allocation.mcp;

import io.micronaut.json.JsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.resourcemanager.allocation.service.InvalidInputException;
import io.resourcemanager.allocation.service.Reply;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tool results that carry the REST JSON body of an operation: as text, and also as structured
 * content when the body is an object. {@code isError} is set exactly where REST answers 4xx or 5xx:
 * invalid input (the body names the field), an unknown allocation, an unexpected failure.
 */
@Singleton
final class ToolResults {

    private static final Logger LOG = LoggerFactory.getLogger(ToolResults.class);

    private final JsonMapper json;

    ToolResults(JsonMapper json) {
        this.json = json;
    }

    /** Runs a tool call; invalid input and unexpected failures become error results, never exceptions. */
    CallToolResult call(String tool, Supplier<CallToolResult> call) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            Map<String, Object> body = errorBody(e.getMessage());
            body.put("field", e.field());
            return error(body);
        } catch (RuntimeException e) {
            LOG.error("MCP tool {} failed", tool, e);
            return error(errorBody(tool + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
    }

    /** The result of a write: an error only when the allocation is unknown. */
    CallToolResult of(Reply reply) {
        return reply.outcome() == Reply.Outcome.NOT_FOUND ? error(reply.body()) : ok(reply.body());
    }

    /** A successful result with this body. */
    CallToolResult ok(Object body) {
        return result(body, false);
    }

    /** The spec's answer for an unknown allocation id. */
    CallToolResult notFound(String allocationId) {
        return error(errorBody("Allocation " + allocationId + " not found"));
    }

    private static Map<String, Object> errorBody(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("error", message);
        return body;
    }

    private CallToolResult error(Object body) {
        return result(body, true);
    }

    private CallToolResult result(Object body, boolean isError) {
        CallToolResult.Builder result = CallToolResult.builder().addTextContent(text(body)).isError(isError);
        if (body instanceof Map<?, ?>) {
            result.structuredContent(body);
        }
        return result.build();
    }

    private String text(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a tool result as JSON", e);
        }
    }
}
